// The reminder as each chosen municipality gets it (issue 13, item 3); sends nothing.
import { previewReminders } from '../../../app/reminders.js';
import { previewReminders as operation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';

export default implement(operation, async (route) => {
  const { previews } = await previewReminders(useCasesFor(route), {
    campaignId: route.params.campaignId,
    template: route.body.template,
    recipients: route.body.recipients,
  });
  return {
    previews: previews.map((preview) => ({
      cbsCode: preview.municipality.cbsCode,
      municipality: preview.municipality.displayName,
      address: preview.address,
      subject: preview.text.subject,
      text: preview.text.text,
    })),
  };
});
