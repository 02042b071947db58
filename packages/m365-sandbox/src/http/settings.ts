// The sandbox's settings that tests change at run time (PUT /_sandbox/settings, control.ts) and
// the routes read: stored in the directory, the configuration's value until set. Their own
// module so the Graph routes read them without importing the control API (which imports the
// seed, which imports the routes: a runtime cycle, issue 17 item 5).
import type { DuplicateTransactionIdAnswer } from '../config.js';
import type { SandboxContext } from '../context.js';

export const FREE_BUSY_SETTING = 'freeBusySharing';
export const DUPLICATE_TRANSACTION_SETTING = 'duplicateTransactionId';

/** Whether the RIEC tenant sees Berenschot calendars in getSchedule (federation on). */
export function isFreeBusyShared(ctx: SandboxContext): boolean {
  const stored = ctx.directory.getSetting(FREE_BUSY_SETTING);
  return stored === undefined ? ctx.config.freeBusySharing : stored === 'true';
}

/** What an identical repeat of a POST with a used transactionId gets (events-routes.ts). */
export function duplicateTransactionIdAnswer(ctx: SandboxContext): DuplicateTransactionIdAnswer {
  const stored = ctx.directory.getSetting(DUPLICATE_TRANSACTION_SETTING);
  return stored === 'error' || stored === 'returnExisting'
    ? stored
    : ctx.config.duplicateTransactionId;
}
