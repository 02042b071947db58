// The attendee routes' answers: the workshop sheet, the preview in the caller's language, and the
// refusals as problem+json (422) with the per-row messages at their fields. The messages name
// rows and people for the user who typed them; they are never logged (logMessage has codes only).
import type {
  SheetRefusal,
  SheetResult,
  WorkshopSheet,
} from '../../../app/attendees/workshop-attendees.js';
import { workshopLocation } from '../../../app/texts.js';
import { AppError, type Language, type LocalizedText } from '../../../app/errors.js';
import type { TAttendeePreview, TWorkshopSheet } from '../../../contract/index.js';
import type { AttendeeImport } from '../../../domain/attendees/read-attendees.js';
import { formatAttendeeIssue } from '../../../domain/attendees/messages.js';
import { toScanThemesView, toSlotView, toTrainerView } from '../../views/signup-view.js';

const NOT_CONFIRMED: LocalizedText = {
  nl: 'Deze workshop is nog niet bevestigd. Deelnemers en groepen kunt u invullen zodra een optie is bevestigd.',
  en: 'This workshop has not been confirmed yet. Attendees and groups can be filled in once an option is confirmed.',
};
const INVALID_LIST: LocalizedText = {
  nl: 'De deelnemerslijst heeft fouten; er is niets opgeslagen. Pas de rijen hieronder aan en probeer het opnieuw.',
  en: 'The attendee list has errors; nothing was saved. Correct the rows below and try again.',
};
const NO_ATTENDEES: LocalizedText = {
  nl: 'Er is nog geen deelnemerslijst opgeslagen. Sla eerst de deelnemers op en maak dan de groepen.',
  en: 'No attendee list has been saved yet. Save the attendees first, then make the groups.',
};
const UNAVAILABLE: LocalizedText = {
  nl: 'De afspraak van deze workshop staat niet (meer) in de agenda van de organisator; er is niets opgeslagen. Neem contact op met de accounthouder.',
  en: "This workshop's meeting is not (or no longer) in the organizer's calendar; nothing was saved. Contact the account holder.",
};
const GROUPS_REFUSED: LocalizedText = {
  nl: 'De groepen kunnen zo niet worden gemaakt; er is niets opgeslagen.',
  en: 'The groups cannot be made like this; nothing was saved.',
};

export function toPreviewView(preview: AttendeeImport, language: Language): TAttendeePreview {
  return {
    headerRow: preview.headerRow,
    columns: preview.columns.map((c) => ({ index: c.index, header: c.header, meaning: c.meaning })),
    rows: preview.rows.map((r) => ({
      row: r.row,
      name: r.input.name,
      party: r.input.party,
      side: r.input.side,
      role: r.input.role,
      isValid: r.attendee !== null && r.issues.every((i) => i.severity !== 'error'),
    })),
    issues: preview.issues.map((issue) => ({
      code: issue.code,
      severity: issue.severity,
      row: issue.row,
      field: issue.field,
      message: formatAttendeeIssue(issue, language),
    })),
    attendees:
      preview.attendees?.map((a, i) => ({
        id: `p${i + 1}`,
        name: a.name,
        party: a.party,
        side: a.side,
        role: a.role,
      })) ?? null,
  };
}

export function refusalToAppError(refusal: SheetRefusal): AppError {
  switch (refusal.kind) {
    case 'notConfirmed':
      return new AppError('DOMAIN_RULE_VIOLATED', {
        detail: NOT_CONFIRMED,
        logMessage: 'attendees: workshop not confirmed',
      });
    case 'noAttendees':
      return new AppError('DOMAIN_RULE_VIOLATED', {
        detail: NO_ATTENDEES,
        logMessage: 'groups: no attendee list stored',
      });
    case 'unavailable':
      return new AppError('DOMAIN_RULE_VIOLATED', {
        detail: UNAVAILABLE,
        logMessage: 'attendees: the workshop event is gone',
      });
    case 'groupsRefused':
      return new AppError('DOMAIN_RULE_VIOLATED', {
        detail: GROUPS_REFUSED,
        fieldIssues: refusal.messages.map((message) => ({
          field: 'groups',
          code: 'GROUPS_REFUSED',
          message: { nl: message, en: message },
        })),
        logMessage: 'groups: the mixer refused the request',
      });
    case 'invalidList':
      return new AppError('DOMAIN_RULE_VIOLATED', {
        detail: INVALID_LIST,
        fieldIssues: refusal.preview.issues
          .filter((issue) => issue.severity === 'error')
          .map((issue) => ({
            field: issue.row === null ? 'source' : `rows.${issue.row}.${issue.field || 'row'}`,
            code: issue.code,
            message: { nl: formatAttendeeIssue(issue, 'nl'), en: formatAttendeeIssue(issue, 'en') },
          })),
        // Codes only: the messages name people.
        logMessage: `attendees refused: ${[...new Set(refusal.preview.issues.map((i) => i.code))].join(', ')}`,
      });
  }
}

export function unwrapSheet<T>(result: SheetResult<T>): T {
  if (!result.ok) throw refusalToAppError(result);
  return result.value;
}

export function toSheetView(sheet: WorkshopSheet): TWorkshopSheet {
  const { signup } = sheet.workshop.stored;
  const { option } = sheet.workshop;
  const pair = signup.pair!;
  const document = sheet.document;
  return {
    signupId: signup.id,
    municipality: signup.municipality.name,
    slot: toSlotView(option.slot, option.slotIndex),
    location: workshopLocation(signup),
    pair: { berenschot: toTrainerView(pair.berenschot), riec: toTrainerView(pair.riec) },
    contact: { name: signup.contact.name, email: signup.contact.email },
    scanStatus: signup.scanStatus,
    scan: signup.scan ? toScanThemesView(signup.scan) : null,
    attendees: document?.attendees.map((a) => ({ ...a })) ?? null,
    groups: document?.groups
      ? {
          seed: document.groups.seed,
          groups: document.groups.groups.map((g) => ({
            number: g.number,
            members: [...g.members],
            score: { ...g.score, parties: g.score.parties.map((p) => ({ ...p })) },
          })),
          outside: [...document.groups.outside],
          score: { ...document.groups.score },
          notes: [...sheet.notes],
        }
      : null,
    savedAt: document?.savedAt ?? null,
  };
}
