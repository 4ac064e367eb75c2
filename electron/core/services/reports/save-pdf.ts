import { AppError } from '../../../../shared/errors.js';
import type { CallContext } from '../../context.js';

// Placeholder while saving as PDF is built (issue 13): replaced before the issue is resolved.
export function savePagePdf(_ctx: CallContext, _input: { title: string }): Promise<{ saved: boolean; path: string | null }> {
  return Promise.reject(new AppError('CONFLICT', 'Saving as PDF is not available yet.'));
}
