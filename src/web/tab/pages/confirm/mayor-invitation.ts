// What the mayor's office receives when a slot is confirmed, composed here from the sign-up so
// the account holder sees it before sending. It mirrors the server's Dutch text
// (src/app/texts.ts finalizeDraft) word for word; the invitation is always Dutch, whatever
// language the account holder reads the tab in.
import type { TSignupView } from '../../../common/api/api-types.js';
import { formatSlotAsMailed } from '../../../common/format/format-dates.js';

const WORKSHOP = 'Workshop weerbaarheid, integriteit en ondermijning';

export interface MayorInvitation {
  readonly to: { readonly name: string; readonly email: string };
  readonly subject: string;
  readonly when: string;
  readonly location: string;
  /** Everyone the invitation goes to: both trainers and the mayor's office. */
  readonly attendees: readonly string[];
  readonly paragraphs: readonly string[];
}

export function composeMayorInvitation(
  signup: TSignupView,
  slotIndex: number,
): MayorInvitation | undefined {
  const option = signup.options.find((o) => o.slotIndex === slotIndex);
  const pair = signup.pair;
  if (!option || !pair) return undefined;
  const name = signup.municipality.name;
  const when = formatSlotAsMailed(option.slot.start, option.slot.end);
  const holder = signup.accountHolder.name;
  return {
    to: signup.contact,
    subject: `${WORKSHOP} – gemeente ${name}`,
    when,
    location: `Gemeentehuis ${name}`,
    attendees: [
      `${pair.berenschot.name} <${pair.berenschot.email}>`,
      `${pair.riec.name} <${pair.riec.email}>`,
      `${signup.contact.name} <${signup.contact.email}>`,
    ],
    paragraphs: [
      `Geachte ${signup.contact.name},`,
      `Hierbij bevestigen wij de ${WORKSHOP.toLowerCase()} voor de raadsleden van de gemeente ${name} op ${when}.`,
      `De workshop wordt gegeven door ${pair.berenschot.name} (Berenschot) en ${pair.riec.name} (${signup.riec}). Hij duurt ten hoogste vier uur en is interactief: de raadsleden werken in kleine groepen aan casussen, met een goede mix van partijen en van coalitie en oppositie.`,
      'De uitkomst van de bestuurlijke weerbaarheidsscan kan als input dienen, maar is geen voorwaarde.',
      'Wilt u deze uitnodiging accepteren en de datum doorgeven aan de griffie? Voor vragen kunt u deze e-mail beantwoorden.',
      `Met vriendelijke groet,\n${holder}\nAccounthouder, ${signup.riec}\nnamens de Provincie Noord-Holland en de RIECs`,
    ],
  };
}
