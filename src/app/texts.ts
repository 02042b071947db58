// The Dutch texts that reach people outside the product: the hold invitations trainers get,
// the confirmation the mayor's office gets, cancellation comments and notices. HTML is escaped.
import type { HoldDraft, FinalizeDraft } from '../domain/ports.js';
import { salutationOf } from '../domain/contact.js';
import { SCAN_LABELS, SCAN_THEME_LABELS } from '../contract/labels.js';
import type {
  Contact,
  ScanStatus,
  ScanThemes,
  Signup,
  Slot,
  TrainerPair,
} from '../domain/signup.js';
import { formatSlot } from '../domain/time.js';

export const HOLD_CATEGORY = 'Workshop weerbaarheid';
const WORKSHOP = 'Workshop weerbaarheid, integriteit en ondermijning';

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function paragraphs(...lines: string[]): string {
  return lines.map((line) => `<p>${line}</p>`).join('');
}

/** "Gemeentehuis Haarlem": where workshops for council members usually take place. */
/**
 * The scan and what the municipality wants to focus on, in one line for the sheet's download:
 * "Weerbaarheidsscan: gedaan (2026-03-12). Thema's: Vastgoed, Integriteit; ook: havens".
 */
export function describeScanFocus(
  status: ScanStatus,
  scan: ScanThemes | undefined,
  language: 'nl' | 'en',
): string {
  const nl = language === 'nl';
  const date = scan?.scanDate ? ` (${scan.scanDate})` : '';
  const head = `${nl ? 'Weerbaarheidsscan' : 'Resilience scan'}: ${SCAN_LABELS[language][status].toLowerCase()}${date}.`;
  const themes = (scan?.themes ?? []).map((theme) => SCAN_THEME_LABELS[language][theme]);
  const other = scan?.other ? `${nl ? 'ook' : 'also'}: ${scan.other}` : '';
  if (themes.length === 0 && other === '') return head;
  const list = [themes.join(', '), other].filter((part) => part !== '').join('; ');
  return `${head} ${nl ? 'Thema’s' : 'Themes'}: ${list}`;
}

export function workshopLocation(signup: Signup): string {
  return `Gemeentehuis ${signup.municipality.name}`;
}

/**
 * transactionId of a hold: the lifecycle's hold key (sign-up, round, slot) plus the moment the
 * sign-up was registered, so a re-created list whose item ids start at 1 again never meets an
 * old event's transactionId.
 */
export function holdTransactionId(signup: Signup, holdKey: string): string {
  const registered = signup.registeredAt.replace(/[^0-9]/g, '').slice(0, 14);
  return `wsp-${registered}-${holdKey}`;
}

/** The sign-up id in a transactionId made by holdTransactionId. */
export function signupIdOfTransaction(transactionId: string): string | undefined {
  return /^wsp-\d+-(.+)-r\d+-o\d+$/.exec(transactionId)?.[1];
}

export function holdDraft(
  signup: Signup,
  pair: TrainerPair,
  hold: { slotIndex: number; holdKey: string; slot: Slot },
): HoldDraft {
  const name = escapeHtml(signup.municipality.name);
  return {
    transactionId: holdTransactionId(signup, hold.holdKey),
    subject: `OPTIE ${hold.slotIndex + 1}: ${WORKSHOP} – gemeente ${signup.municipality.name}`,
    bodyHtml: paragraphs(
      `Dit is een <strong>optie</strong> (nog geen definitieve afspraak) voor de ${WORKSHOP.toLowerCase()} voor raadsleden van de gemeente ${name}.`,
      `Voorkeur ${hold.slotIndex + 1} van de gemeente: ${escapeHtml(formatSlot(hold.slot, 'nl'))}.`,
      `Trainers: ${escapeHtml(pair.berenschot.name)} (Berenschot) en ${escapeHtml(pair.riec.name)} (${escapeHtml(signup.riec)}).`,
      'Wilt u deze uitnodiging accepteren als u kunt, of afwijzen als u niet kunt? Stel geen andere tijd voor: de gemeente heeft drie voorkeuren opgegeven.',
      `Vragen? Neem contact op met ${escapeHtml(signup.accountHolder.name)}, accounthouder van ${escapeHtml(signup.riec)}.`,
    ),
    slot: hold.slot,
    location: workshopLocation(signup),
    attendees: [pair.berenschot, pair.riec].map((t) => ({ name: t.name, email: t.email })),
    category: HOLD_CATEGORY,
  };
}

/** The confirmation the mayor's office receives, as plain text: the tab shows it before sending. */
export interface ConfirmationText {
  readonly subject: string;
  readonly when: string;
  readonly location: string;
  readonly attendees: readonly Contact[];
  /** Plain text; a line break inside a paragraph is "\n". */
  readonly paragraphs: readonly string[];
}

export function confirmationText(
  signup: Signup,
  pair: TrainerPair,
  slot: Slot,
  mayorsOffice: Contact,
): ConfirmationText {
  const name = signup.municipality.name;
  const when = formatSlot(slot, 'nl');
  return {
    subject: `${WORKSHOP} – gemeente ${name}`,
    when,
    location: workshopLocation(signup),
    attendees: [
      { name: pair.berenschot.name, email: pair.berenschot.email },
      { name: pair.riec.name, email: pair.riec.email },
      mayorsOffice,
    ],
    paragraphs: [
      salutationOf(mayorsOffice),
      `Hierbij bevestigen wij de ${WORKSHOP.toLowerCase()} voor de raadsleden van de gemeente ${name} op ${when}.`,
      `De workshop wordt gegeven door ${pair.berenschot.name} (Berenschot) en ${pair.riec.name} (${signup.riec}). Hij duurt ten hoogste vier uur en is interactief: de raadsleden werken in kleine groepen aan casussen, met een goede mix van partijen en van coalitie en oppositie.`,
      'De uitkomst van de bestuurlijke weerbaarheidsscan kan als input dienen, maar is geen voorwaarde.',
      'Wilt u deze uitnodiging accepteren en de datum doorgeven aan de griffie? Voor vragen kunt u deze e-mail beantwoorden.',
      `Met vriendelijke groet,\n${signup.accountHolder.name}\nAccounthouder, ${signup.riec}\nnamens de Provincie Noord-Holland en de RIECs`,
    ],
  };
}

/** The confirmed workshop's event: the same text as the preview, as HTML. */
export function finalizeDraft(
  signup: Signup,
  pair: TrainerPair,
  slot: Slot,
  mayorsOffice: Contact,
): FinalizeDraft {
  const text = confirmationText(signup, pair, slot, mayorsOffice);
  return {
    subject: text.subject,
    bodyHtml: paragraphs(
      ...text.paragraphs.map((paragraph) => escapeHtml(paragraph).replace(/\n/g, '<br>')),
    ),
    attendees: text.attendees,
  };
}

export function noticeMail(
  signup: Signup,
  reason: 'geannuleerd' | 'nieuwe_data_nodig',
  detail: string,
): { subject: string; bodyHtml: string } {
  const subject =
    reason === 'geannuleerd'
      ? `Workshop weerbaarheid gemeente ${signup.municipality.name}: geannuleerd`
      : `Workshop weerbaarheid gemeente ${signup.municipality.name}: graag nieuwe data`;
  const ask =
    reason === 'nieuwe_data_nodig'
      ? 'Wilt u ons drie nieuwe voorkeursdata en -tijden sturen? Dan plannen wij de workshop opnieuw in.'
      : 'Wilt u de workshop later alsnog laten plaatsvinden? Neem dan contact met ons op.';
  return {
    subject,
    bodyHtml: paragraphs(
      escapeHtml(salutationOf(signup.contact)),
      escapeHtml(detail),
      ask,
      `Met vriendelijke groet,<br>${escapeHtml(signup.accountHolder.name)}<br>Accounthouder, ${escapeHtml(signup.riec)}`,
    ),
  };
}
