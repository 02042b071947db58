// Reads a sign-up mail as the Outlook add-in sees it: the municipality, the preferred slots and
// the questions the mail leaves open — exactly what `npm run -s cli -- extract-slots` prints,
// with the current campaign's default duration for slots without an end time. Pure: no Graph.
// A long mail is read in a worker thread (_slot-extraction.ts), so the server stays responsive.
import { useCasesFor } from '../../http/use-case-context.js';
import { readCurrentCampaign } from '../../../app/campaigns.js';
import { AppError } from '../../../app/errors.js';
import { toReceivedMoment } from '../../../domain/slots/extract-slots.js';
import { extractSlots } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { extractSlotsOffLoop } from './_slot-extraction.js';

const INVALID_RECEIVED_AT = {
  nl: 'Geef het moment van ontvangst als ISO 8601-datum, bijvoorbeeld 2022-05-02 of 2022-05-02T09:15:00+02:00.',
  en: 'Give the moment of receipt as an ISO 8601 date, e.g. 2022-05-02 or 2022-05-02T09:15:00+02:00.',
};

function checkReceivedAt(receivedAt: string): void {
  try {
    toReceivedMoment(receivedAt);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new AppError('VALIDATION_FAILED', {
      cause: error,
      logMessage: 'receivedAt is not an ISO 8601 date',
      fieldIssues: [{ field: 'receivedAt', code: 'invalid_date', message: INVALID_RECEIVED_AT }],
    });
  }
}

export default implement(extractSlots, async (route) => {
  const { body } = route;
  checkReceivedAt(body.receivedAt);
  const campaign = await readCurrentCampaign(useCasesFor(route));
  const result = await extractSlotsOffLoop({
    mail: {
      subject: body.subject,
      from: body.from,
      text: body.text,
      html: body.html,
      receivedAt: body.receivedAt,
    },
    options: {
      defaultDurationMinutes: campaign.defaultDurationMinutes,
      timeZone: 'Europe/Amsterdam',
    },
  });
  return {
    municipality: result.municipality
      ? { name: result.municipality.name, cbsCode: result.municipality.cbsCode }
      : null,
    slots: result.slots.map((slot) => ({ ...slot })),
    questions: [...result.questions],
    ...(result.scanStatus ? { scanStatus: result.scanStatus } : {}),
    ...(result.warnings ? { warnings: result.warnings.map((w) => ({ ...w })) } : {}),
  };
});
