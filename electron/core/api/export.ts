import { safeFileName, tableToXlsx } from '../io/xlsx.js';
import type { AsyncHandlerMap } from './types.js';

export const exportHandlers = {
  'export.xlsx': async (_ctx, input) => ({
    fileName: safeFileName(input.title, 'xlsx'),
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: (await tableToXlsx(input)).toString('base64'),
  }),
} satisfies AsyncHandlerMap<'export.xlsx'>;
