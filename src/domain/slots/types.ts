// Public shapes of the slot extraction: what goes in (a mail as the add-in or the CLI sees it) and
// what comes out (the municipality, the preferred slots and the questions for the account holder).
import type { ScanStatus } from '../../contract/lists.js';
import type { CbsCode } from '../ids.js';

export interface SignupMail {
  readonly subject?: string | undefined;
  /** The From header as written: `Naam <adres@gemeente.nl>` or only the address. */
  readonly from?: string | undefined;
  readonly text?: string | undefined;
  readonly html?: string | undefined;
  /** When the mail arrived; a date without a year is resolved against this moment. */
  readonly receivedAt: Date | string;
}

export interface ExtractSlotsOptions {
  /** Length of a slot whose end the mail does not give (the campaign's default). */
  readonly defaultDurationMinutes: number;
  /** The workshop is held in Noord-Holland, so this is the only zone the campaign knows. */
  readonly timeZone?: 'Europe/Amsterdam';
}

export interface ExtractedSlot {
  /** ISO 8601 with the Amsterdam offset, e.g. `2022-06-14T19:30:00+02:00`. */
  readonly start: string;
  readonly end: string;
  /** True when the mail gave no end time and the default duration was used. */
  readonly assumedEnd: boolean;
  /** The text of the mail the slot came from, so the account holder can check it. */
  readonly source: string;
}

export interface ExtractedMunicipality {
  /** The name as CBS writes it, e.g. "Bergen (NH.)". */
  readonly name: string;
  readonly cbsCode: CbsCode;
}

/** Something the account holder must know about how the mail was read, in Dutch and English. */
export interface ExtractionWarning {
  /**
   * `mail_cut`: the body was longer than MAX_BODY_CHARACTERS and only its start was read;
   * `mail_not_read`: reading the mail took longer than the server allows (nothing was found).
   */
  readonly code: 'mail_cut' | 'mail_not_read';
  readonly nl: string;
  readonly en: string;
}

export interface SlotExtraction {
  readonly municipality: ExtractedMunicipality | null;
  readonly slots: readonly ExtractedSlot[];
  /** Dutch questions for everything the mail leaves open; nothing ambiguous is guessed. */
  readonly questions: readonly string[];
  /** The weerbaarheidsscan as the mail states it ("hebben wij vorig jaar gedaan"); only when it does. */
  readonly scanStatus?: ScanStatus;
  /** Only when there is something to say (the Dutch text is among the questions as well). */
  readonly warnings?: readonly ExtractionWarning[];
}
