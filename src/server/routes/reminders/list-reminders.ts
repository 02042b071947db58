// The reminders overview of an edition (issue 13, item 3): per municipality the caller may see,
// whether it signed up, when the last reminder went and whether one is due.
import { readReminderOverview } from '../../../app/reminders.js';
import { listReminders as operation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';

export default implement(operation, async (route) => {
  const { campaign, rows } = await readReminderOverview(
    useCasesFor(route),
    route.params.campaignId,
  );
  return {
    campaignId: campaign.id,
    signupDeadline: campaign.signupDeadline,
    reminderDays: [...campaign.reminderDays],
    template: campaign.sender.reminderText,
    municipalities: rows.map((row) => ({
      cbsCode: row.municipality.cbsCode,
      municipality: row.municipality.displayName,
      riec: row.municipality.riec,
      signedUp: row.signedUp,
      defaultAddress: row.defaultAddress,
      sentCount: row.sentCount,
      lastSentAt: row.lastSent?.at ?? null,
      lastSentTo: row.lastSent?.address ?? null,
      dueSince: row.dueSince ?? null,
      isPending: row.isPending,
    })),
  };
});
