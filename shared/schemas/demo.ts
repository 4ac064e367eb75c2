import { z } from 'zod';

/** How much fictional demo data was added. */
export const demoLoadResultSchema = z.object({
  settings: z.number().int(),
  rooms: z.number().int(),
  staff: z.number().int(),
  children: z.number().int(),
  screenings: z.number().int(),
  rounds: z.number().int(),
  targets: z.number().int(),
  settingTargets: z.number().int(),
  visits: z.number().int(),
  visitActions: z.number().int(),
});
export type DemoLoadResult = z.infer<typeof demoLoadResultSchema>;
