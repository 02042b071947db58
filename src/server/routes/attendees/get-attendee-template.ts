// The .xlsx template the account holder sends to the griffie (src/domain/attendees/template.ts).
import { writeAttendeeTemplate } from '../../../app/attendees/xlsx.js';
import { getAttendeeTemplate as operation } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default implement(operation, async (route) => {
  const locale = route.query?.lang ?? route.language;
  const bytes = await writeAttendeeTemplate(locale);
  return {
    fileName: locale === 'nl' ? 'deelnemers-sjabloon.xlsx' : 'attendees-template.xlsx',
    contentType: XLSX_TYPE,
    contentBase64: bytes.toString('base64'),
  };
});
