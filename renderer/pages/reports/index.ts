// The report pages carry the charting library: loaded when first opened, like the cohort pages.
export { AreaReportPreviewPage, AreaReportsPage, AreaSavedReportPage } from './AreaReportPages.js';
export { ReportsPage, SavedReportPage, SettingReportPreviewPage } from './SettingReportPages.js';
