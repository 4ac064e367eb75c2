import { z } from 'zod';
import { idSchema, recordMetaSchema, requiredText } from './common.js';

export const staffRoles = ['communication-champion', 'practitioner', 'manager', 'slt-assistant'] as const;
export type StaffRole = (typeof staffRoles)[number];
export const staffRoleLabels: Record<StaffRole, string> = {
  'communication-champion': 'Communication champion',
  practitioner: 'Practitioner',
  manager: 'Manager',
  'slt-assistant': 'SLT assistant',
};

/** Early years qualification levels as settings record them (Level 3 is "full and relevant"). */
export const qualificationLevels = ['none', 'level-2', 'level-3', 'level-4-5', 'level-6-plus'] as const;
export type QualificationLevel = (typeof qualificationLevels)[number];
export const qualificationLabels: Record<QualificationLevel, string> = {
  none: 'No early years qualification',
  'level-2': 'Level 2',
  'level-3': 'Level 3',
  'level-4-5': 'Level 4 or 5',
  'level-6-plus': 'Level 6 or above (for example EYTS, QTS)',
};

const staffFields = {
  name: requiredText('the staff member’s name', 100),
  role: z.enum(staffRoles, { message: 'Choose a role' }),
  qualificationLevel: z.enum(qualificationLevels, { message: 'Choose a qualification level' }),
};

export const staffInputSchema = z.object({ settingId: idSchema, ...staffFields });
export type StaffInput = z.input<typeof staffInputSchema>;
export const staffUpdateSchema = z.object({ id: idSchema, ...staffFields });

export const staffSchema = recordMetaSchema.extend({
  settingId: idSchema,
  name: z.string(),
  role: z.enum(staffRoles),
  qualificationLevel: z.enum(qualificationLevels),
  archivedAt: z.string().nullable(),
  keyChildren: z.number().int(),
});
export type Staff = z.infer<typeof staffSchema>;
