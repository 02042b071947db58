// Sends the reminder from the account holder's mailbox to the chosen municipalities of their
// RIEC (issue 13, item 3): once per municipality and day, nothing at all on bad input.
import { sendReminders } from '../../../app/reminders.js';
import { sendReminders as operation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';

export default implement(operation, async (route) => {
  const { outcomes } = await sendReminders(useCasesFor(route), {
    campaignId: route.params.campaignId,
    template: route.body.template,
    recipients: route.body.recipients,
  });
  return {
    results: outcomes.map((outcome) => ({
      cbsCode: outcome.municipality.cbsCode,
      municipality: outcome.municipality.displayName,
      address: outcome.address,
      result: outcome.result,
      sentAt: outcome.at ?? null,
    })),
  };
});
