import type { ProgressRating, ReviewOutcome } from '../../../shared/domain/targets.js';
import type { SettingTargetStatus } from '../../../shared/domain/settingTargets.js';
import type { VisitAgenda } from '../../../shared/schemas/visits.js';
import { fromUkInput, toUkInput } from '../../lib/format.js';

// What the agenda form holds while it is typed in, and how it becomes the one `visits.save` input.
// Reviews are keyed by target, but sent in screen order: a review's place in that list is its
// field name (targetReviews.1.note), so an error from the API lands beside the box it is about.

export interface ReviewDraft {
  on: boolean;
  reviewDate: string;
  progress: ProgressRating | '';
  status: ReviewOutcome | '';
  note: string;
  nextReviewDate: string;
}
export interface WholeDraft {
  on: boolean;
  reviewDate: string;
  status: SettingTargetStatus | '';
  note: string;
  evidence: string;
}
export interface ActionDraft {
  description: string;
  ownerStaffId: string;
  ownerName: string;
  dueDate: string;
}
export interface AgendaValues {
  heldDate: string;
  visitorName: string;
  visitorRole: string;
  staffAttended: string[];
  discussed: string[];
  coaching: string;
  notes: string;
  nextVisitDate: string;
  reviews: Record<string, ReviewDraft>;
  whole: Record<string, WholeDraft>;
  newActions: ActionDraft[];
  done: string[];
}

export function initialAgendaValues(agenda: VisitAgenda, visitor: { name: string; role: string }): AgendaValues {
  const v = agenda.visit;
  const date = toUkInput(agenda.date);
  return {
    heldDate: date,
    visitorName: v?.visitorName || visitor.name,
    visitorRole: v?.visitorRole || visitor.role,
    staffAttended: (v?.attendees ?? []).flatMap((a) => (a.staffId ? [a.staffId] : [])),
    discussed: (v?.childrenDiscussed ?? []).map((c) => c.childId),
    coaching: v?.coaching ?? '',
    notes: v?.notes ?? '',
    nextVisitDate: toUkInput(v?.nextVisitDate),
    reviews: Object.fromEntries(
      agenda.targetsDue.map((t) => [t.id, { on: false, reviewDate: date, progress: '', status: '', note: '', nextReviewDate: '' } satisfies ReviewDraft]),
    ),
    whole: Object.fromEntries(
      agenda.settingTargets.map((t) => [t.id, { on: false, reviewDate: date, status: t.status, note: '', evidence: '' } satisfies WholeDraft]),
    ),
    newActions: [],
    done: [],
  };
}

/** The targets being reviewed, in screen order: their place is their index in the save. */
export function reviewOrder(agenda: VisitAgenda, v: AgendaValues) {
  return {
    children: agenda.targetsDue.filter((t) => v.reviews[t.id]?.on).map((t) => t.id),
    whole: agenda.settingTargets.filter((t) => v.whole[t.id]?.on).map((t) => t.id),
  };
}

const emptyToUndefined = <T extends string>(x: T | ''): T | undefined => (x === '' ? undefined : x);

export function saveInputFrom(
  agenda: VisitAgenda,
  v: AgendaValues,
  staff: readonly { id: string; name: string }[],
  reviewer: string,
  visitorAccountId: string | null,
) {
  const order = reviewOrder(agenda, v);
  return {
    settingId: agenda.settingId,
    id: agenda.visit?.id ?? null,
    heldDate: fromUkInput(v.heldDate),
    visitorAccountId,
    visitorName: v.visitorName,
    visitorRole: v.visitorRole,
    attendees: staff.filter((s) => v.staffAttended.includes(s.id)).map((s) => ({ staffId: s.id, name: s.name, role: '' })),
    childrenDiscussed: v.discussed.map((childId) => ({ childId, note: '' })),
    coaching: v.coaching,
    notes: v.notes,
    nextVisitDate: fromUkInput(v.nextVisitDate),
    targetReviews: order.children.map((targetId) => {
      const r = v.reviews[targetId] as ReviewDraft;
      return {
        targetId,
        reviewDate: fromUkInput(r.reviewDate),
        reviewer,
        progress: emptyToUndefined(r.progress),
        note: r.note,
        status: emptyToUndefined(r.status),
        nextReviewDate: fromUkInput(r.nextReviewDate),
      };
    }),
    settingTargetReviews: order.whole.map((settingTargetId) => {
      const r = v.whole[settingTargetId] as WholeDraft;
      return { settingTargetId, reviewDate: fromUkInput(r.reviewDate), reviewer, note: r.note, evidence: r.evidence, status: emptyToUndefined(r.status) };
    }),
    newActions: v.newActions.map((a) => ({
      description: a.description,
      ownerStaffId: a.ownerStaffId === '' ? null : a.ownerStaffId,
      ownerName: a.ownerName,
      dueDate: fromUkInput(a.dueDate),
    })),
    actionsDone: v.done.map((id) => ({ id, doneDate: null, doneBy: '' })),
  };
}

/** Every field name the form shows, top to bottom, for the error summary's order and links. */
export function fieldOrder(agenda: VisitAgenda, v: AgendaValues): string[] {
  const order = reviewOrder(agenda, v);
  return [
    ...order.children.flatMap((_, i) => ['reviewDate', 'progress', 'status', 'note', 'nextReviewDate'].map((f) => `targetReviews.${i}.${f}`)),
    ...order.whole.flatMap((_, i) => ['reviewDate', 'status', 'note', 'evidence'].map((f) => `settingTargetReviews.${i}.${f}`)),
    ...v.newActions.flatMap((_, i) => ['description', 'ownerStaffId', 'ownerName', 'dueDate'].map((f) => `newActions.${i}.${f}`)),
    'heldDate',
    'visitorName',
    'visitorRole',
    'coaching',
    'notes',
    'nextVisitDate',
  ];
}
