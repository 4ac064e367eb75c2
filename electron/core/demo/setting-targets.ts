import { addMonths } from '../../../shared/domain/dates.js';
import type { SettingTargetStatus } from '../../../shared/domain/settingTargets.js';
import type { Staff } from '../../../shared/schemas/staff.js';
import type { Invoke } from './on-day.js';

// Demo whole-setting targets, agreed and reviewed at the SLT assistant's visits: a picture
// timetable that goes from planned to achieved over the year, mealtime talk still in progress
// (every demo setting has one target in progress), and book lending agreed lately (stopped in
// one setting, where something else now covers it). Each step is taken at the visit it belongs to.

interface Review {
  status: SettingTargetStatus;
  note: string;
  evidence: string;
}

interface Plan {
  title: string;
  description: string;
  strategies: readonly string[];
  start: SettingTargetStatus & ('planned' | 'in-progress');
  /** Months from the visit it was agreed at to its due date. */
  dueInMonths: number;
  /** The held visit (by order) it is agreed at, and those it is reviewed at. */
  agreedAt: number;
  reviews: readonly { at: number; review: Review }[];
  /** Links the setting's own strategy too, where it has one. */
  usesOwn?: boolean;
}

function plans(lastHeld: number, stopsBooks: boolean): Plan[] {
  return [
    {
      title: 'Every room uses a picture timetable',
      description: 'Photos of the day’s routine at children’s eye level in each room, pointed to at every change of activity.',
      strategies: ['Picture timetable'],
      start: 'planned',
      dueInMonths: 5,
      agreedAt: 1,
      reviews: [
        {
          at: 3,
          review: { status: 'in-progress', note: 'Timetable up in Pre-school; Babies and Toddlers to follow.', evidence: 'Seen in use at tidy-up time.' },
        },
        {
          at: 6,
          review: {
            status: 'in-progress',
            note: 'Up in every room; not yet used at each change of activity.',
            evidence: 'Toddlers used it before lunch; Babies room not seen using it.',
          },
        },
        {
          at: 8,
          review: { status: 'achieved', note: 'Used in every room at each change of activity.', evidence: 'Seen in use in all three rooms on the visit.' },
        },
      ],
    },
    {
      title: 'Staff comment more than they question at snack and lunch',
      description: 'Several comments to each question at mealtimes, so children hear words without being put on the spot.',
      strategies: ['Comment more, question less', 'Wait for the child'],
      start: 'in-progress',
      dueInMonths: 10,
      agreedAt: 4,
      reviews: [
        {
          at: 7,
          review: {
            status: 'in-progress',
            note: 'Champion modelled it at snack; staff are trying it.',
            evidence: 'Snack observation: about two comments to each question.',
          },
        },
        {
          at: lastHeld,
          review: {
            status: 'in-progress',
            note: 'Better in Pre-school; Toddlers still ask many questions. Keep going.',
            evidence: 'Ten-minute observation in each room at lunch.',
          },
        },
      ],
    },
    {
      title: 'A book goes home with every child each week',
      description: 'Each family borrows a book every week, with a short tip on sharing it.',
      strategies: ['Lend books to families', 'Share books together'],
      start: 'planned',
      dueInMonths: 6,
      agreedAt: 8,
      usesOwn: true,
      reviews: [
        {
          at: lastHeld,
          review: stopsBooks
            ? { status: 'stopped', note: 'Stopped: the local library’s scheme now lends to every family; a new focus agreed.', evidence: '' }
            : { status: 'in-progress', note: 'Book bags ready; lending has started in Pre-school.', evidence: 'Lending list seen: 14 books out this week.' },
        },
      ],
    },
  ];
}

export interface SettingTargetsPlan {
  settingId: string;
  strategyIds: ReadonlyMap<string, string>;
  ownStrategyId: string | null;
  owner: Staff | undefined;
  reviewer: string;
  /** How many visits are held in the year, and whether book lending is stopped here. */
  heldCount: number;
  stopsBooks: boolean;
}

/** What happens to whole-setting targets at the held visit number `held` (0 first): returns how many were agreed. */
export class DemoSettingTargets {
  private readonly plans: Plan[];
  private readonly ids = new Map<Plan, string>();

  constructor(private readonly plan: SettingTargetsPlan) {
    this.plans = plans(plan.heldCount - 1, plan.stopsBooks);
  }

  atVisit(invoke: Invoke, held: number, date: string): number {
    let agreed = 0;
    for (const p of this.plans) {
      if (p.agreedAt === held) {
        const linked = p.strategies.map((t) => this.plan.strategyIds.get(t)).filter((id): id is string => id !== undefined);
        if (this.plan.ownStrategyId && p.usesOwn) linked.push(this.plan.ownStrategyId);
        const target = invoke('settingTargets.create', {
          settingId: this.plan.settingId,
          title: p.title,
          description: p.description,
          ownerStaffId: this.plan.owner?.id ?? null,
          ownerName: this.plan.owner ? '' : 'Setting manager',
          dueDate: addMonths(date, p.dueInMonths),
          strategyIds: linked,
          status: p.start,
        });
        this.ids.set(p, target.id);
        agreed++;
      }
      const id = this.ids.get(p);
      const review = p.reviews.find((r) => r.at === held && r.at > p.agreedAt)?.review;
      if (id && review) invoke('settingTargets.review', { settingTargetId: id, reviewDate: date, reviewer: this.plan.reviewer, ...review });
    }
    return agreed;
  }
}
