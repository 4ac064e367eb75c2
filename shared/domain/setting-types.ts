// The kinds of setting, in a module of their own: cohort schemas need them, and importing them
// from schemas/settings.ts would close a loop (settings -> visits -> cohort -> settings) that
// leaves one schema undefined while the modules load.

export const settingTypes = ['nursery', 'pre-school', 'childminder', 'school-nursery', 'childrens-centre'] as const;
export type SettingType = (typeof settingTypes)[number];
