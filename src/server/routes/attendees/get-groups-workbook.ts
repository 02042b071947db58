// The stored groups as an .xlsx file (the sheet's download button).
import { readSheet } from '../../../app/attendees/workshop-attendees.js';
import { writeGroupsWorkbook } from '../../../app/attendees/xlsx.js';
import { AppError } from '../../../app/errors.js';
import { getGroupsWorkbook as operation } from '../../../contract/index.js';
import { toSignupId } from '../../../domain/ids.js';
import { unwrapOutcome } from '../../errors/use-case-failure.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { unwrapSheet } from './_sheet-view.js';
import { XLSX_TYPE } from './get-attendee-template.js';
import { describeScanFocus } from '../../../app/texts.js';

export default implement(operation, async (route) => {
  const id = toSignupId(route.params.signupId);
  const sheet = unwrapSheet(unwrapOutcome(await readSheet(useCasesFor(route), id)));
  const document = sheet.document;
  if (!document?.groups) {
    throw new AppError('DOMAIN_RULE_VIOLATED', {
      detail: {
        nl: 'Er zijn nog geen groepen gemaakt. Maak eerst de groepen.',
        en: 'No groups have been made yet. Make the groups first.',
      },
      logMessage: 'groups workbook: no groups stored',
    });
  }
  const signup = sheet.workshop.stored.signup;
  const municipality = signup.municipality.name;
  const bytes = await writeGroupsWorkbook(
    {
      title:
        route.language === 'nl'
          ? `Workshop weerbaarheid gemeente ${municipality}: groepen`
          : `Resilience workshop, municipality of ${municipality}: groups`,
      focus: describeScanFocus(signup.scanStatus, signup.scan, route.language),
      attendees: document.attendees,
      groups: document.groups.groups,
      outside: document.groups.outside,
    },
    route.language,
  );
  return {
    fileName: `groepen-${municipality.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.xlsx`,
    contentType: XLSX_TYPE,
    contentBase64: bytes.toString('base64'),
  };
});
