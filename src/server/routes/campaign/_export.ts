// The answer of an export: the file as base64 in JSON (the contract's ZExportFile).
import { exportCampaign } from '../../../app/export-campaign.js';
import { AppError } from '../../../app/errors.js';
import type { TExportFile } from '../../../contract/index.js';
import type { UseCaseContext } from '../../../app/context.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { CAMPAIGN_NOT_FOUND } from './_edition-view.js';

export async function answerExport(
  ctx: UseCaseContext,
  campaignId: string,
  what: 'status' | 'log',
  format: 'xlsx' | 'csv',
): Promise<TExportFile> {
  const file = unwrapOutcome(await exportCampaign(ctx, campaignId, what, format));
  if (!file) {
    throw new AppError('NOT_FOUND', { detail: CAMPAIGN_NOT_FOUND, logMessage: 'no such campaign' });
  }
  return {
    fileName: file.fileName,
    contentType: file.contentType,
    contentBase64: Buffer.from(file.bytes).toString('base64'),
    rows: file.rows,
  };
}
