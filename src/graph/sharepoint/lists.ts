// The SharePoint lists Workshopplanner keeps its state in (DESIGN.md principle 1), as
// typed column definitions. Columns that are filtered on are indexed (5,000-item threshold).
import { RIECS } from '../../domain/municipalities.js';
import { SCAN_STATUSES, SIGNUP_STATUSES } from '../../domain/signup.js';

export const SIGNUP_LIST = 'Workshopaanmeldingen';
export const LOG_LIST = 'Workshoplogboek';
export const TRAINER_LIST = 'Workshoptrainers';
export const AGENDA_LIST = 'Workshoptrainersagenda';
export const STATE_LIST = 'Workshopsynchronisatie';
export const AVAILABILITY_LIST = 'Workshopbeschikbaarheid';
export const CAMPAIGN_LIST = 'Workshopcampagnes';

export interface ColumnSpec {
  readonly name: string;
  readonly description: string;
  readonly type:
    | { readonly text: { readonly allowMultipleLines?: boolean; readonly maxLength?: number } }
    | { readonly number: { readonly decimalPlaces?: 'none' } }
    | { readonly dateTime: { readonly format: 'dateTime' | 'dateOnly' } }
    | {
        readonly choice: { readonly choices: readonly string[]; readonly allowTextEntry?: boolean };
      }
    | { readonly boolean: Record<string, never> };
  readonly indexed?: boolean;
  readonly required?: boolean;
  readonly enforceUniqueValues?: boolean;
}

export interface ListSpec {
  readonly displayName: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
}

const text = (name: string, description: string, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name,
  description,
  type: { text: {} },
  ...extra,
});
const longText = (name: string, description: string): ColumnSpec => ({
  name,
  description,
  type: { text: { allowMultipleLines: true } },
});
const dateTime = (
  name: string,
  description: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  name,
  description,
  type: { dateTime: { format: 'dateTime' } },
  ...extra,
});
const number = (
  name: string,
  description: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  name,
  description,
  type: { number: { decimalPlaces: 'none' } },
  ...extra,
});
const choice = (
  name: string,
  description: string,
  choices: readonly string[],
  extra: Partial<ColumnSpec> = {},
): ColumnSpec => ({
  name,
  description,
  type: { choice: { choices } },
  ...extra,
});

export const SIGNUP_LIST_SPEC: ListSpec = {
  displayName: SIGNUP_LIST,
  description:
    'Eén item per aanmelding voor de workshop weerbaarheid, integriteit en ondermijning (Workshopplanner).',
  columns: [
    text('CbsCode', 'CBS-code van de gemeente (GMxxxx)', { indexed: true, required: true }),
    choice('Riec', 'RIEC van de gemeente', RIECS, { indexed: true, required: true }),
    choice('Status', 'Stand van de aanmelding', SIGNUP_STATUSES, { indexed: true, required: true }),
    text('CampagneId', 'Editie van de workshopcampagne', { indexed: true }),
    // SharePoint enforces what a check-then-create cannot: two registrations of one municipality
    // at the same moment (a double click, two instances) end in one item.
    text(
      'Uniek',
      'Campagne en CBS-code (campagne|GMxxxx) zolang de aanmelding loopt: één aanmelding per gemeente per campagne',
      { indexed: true, enforceUniqueValues: true },
    ),
    text('Accounthouder', 'E-mailadres van de RIEC-accounthouder (organisator van de opties)', {
      indexed: true,
    }),
    text('AccounthouderNaam', 'Naam van de RIEC-accounthouder'),
    text('ContactNaam', 'Contactpersoon bij het kabinet van de burgemeester'),
    text('ContactEmail', 'E-mailadres van de contactpersoon'),
    text(
      'ContactFunctie',
      'Functie van de contactpersoon (bijvoorbeeld kabinet van de burgemeester)',
    ),
    ...[1, 2, 3].flatMap((n) => [
      dateTime(`Voorkeur${n}Start`, `Begin van voorkeur ${n}`),
      dateTime(`Voorkeur${n}Eind`, `Einde van voorkeur ${n}`),
    ]),
    choice('Scan', 'Bestuurlijke weerbaarheidsscan', SCAN_STATUSES),
    longText(
      'ScanThemas',
      'Thema’s uit de weerbaarheidsscan waarop de gemeente wil focussen, met de datum van de scan (JSON)',
    ),
    longText('Opmerkingen', 'Opmerkingen van de gemeente'),
    text('TrainerBerenschot', 'E-mailadres van de adviseur van Berenschot', { indexed: true }),
    text('TrainerRiec', 'E-mailadres van de RIEC-adviseur', { indexed: true }),
    longText('TrainerPaar', 'Het trainerspaar (JSON)'),
    number('Ronde', 'Hoe vaak er opties zijn geplaatst'),
    longText('Opties', 'De opties met agenda-item en antwoorden (JSON)'),
    dateTime('OptiesGeplaatstOp', 'Wanneer de opties zijn geplaatst'),
    dateTime('VervaltOp', 'Wanneer de opties vervallen zonder bevestiging', { indexed: true }),
    number('BevestigdeOptie', 'Nummer van de bevestigde voorkeur (1–3)'),
    dateTime('BevestigdStart', 'Begin van de bevestigde workshop', { indexed: true }),
    dateTime('AangemeldOp', 'Wanneer de aanmelding is geregistreerd'),
    number('OptieTermijnDagen', 'Dagen waarna opties zonder bevestiging vervallen'),
    longText('LaatReden', 'Reden om een aanmelding na de termijn aan te nemen'),
    longText('Lopend', 'Bewerking die nog wordt afgerond (JSON); leeg als er niets loopt'),
  ],
};

export const LOG_LIST_SPEC: ListSpec = {
  displayName: LOG_LIST,
  description: 'Logboek van Workshopplanner: één item per stap van elke aanmelding.',
  columns: [
    text('Sleutel', 'Unieke sleutel van de stap (voorkomt dubbele regels)', {
      indexed: true,
      enforceUniqueValues: true,
      required: true,
    }),
    number('AanmeldingId', 'Id van de aanmelding in Workshopaanmeldingen', {
      indexed: true,
      required: true,
    }),
    text('CbsCode', 'CBS-code van de gemeente', { indexed: true }),
    text('Gemeente', 'Naam van de gemeente'),
    text('Actie', 'Wat er gebeurde'),
    text('VanStatus', 'Stand vóór de stap'),
    text('NaarStatus', 'Stand na de stap'),
    text('Door', 'Wie de stap zette'),
    dateTime('Tijdstip', 'Wanneer', { indexed: true }),
    longText('Details', 'Toelichting'),
    longText('Gebeurtenis', 'Wat de stap vertelt als code met gegevens (JSON), voor de app'),
  ],
};

export const TRAINER_LIST_SPEC: ListSpec = {
  displayName: TRAINER_LIST,
  description: 'De trainers van de workshop: adviseurs van Berenschot en van de RIECs.',
  columns: [
    text('Email', 'E-mailadres (voor uitnodigingen en beschikbaarheid)', {
      indexed: true,
      required: true,
      enforceUniqueValues: true,
    }),
    choice('Organisatie', 'Berenschot of RIEC', ['Berenschot', 'RIEC'], {
      indexed: true,
      required: true,
    }),
    choice('Riec', 'RIEC van een RIEC-adviseur', RIECS),
    {
      name: 'Actief',
      description: 'Beschikbaar als trainer',
      type: { boolean: {} },
      indexed: true,
    },
    text('TenantId', 'Tenant-id (Entra) van het account waarmee de trainer aanmeldt'),
    text('ObjectId', 'Object-id (Entra) van dat account: bepaalt welke workshops de trainer ziet', {
      indexed: true,
    }),
  ],
};

/**
 * Per trainer, the confirmed workshops (JSON), written only by the application with If-Match
 * before a workshop is confirmed: two confirms of one trainer at one time cannot both pass.
 */
export const AGENDA_LIST_SPEC: ListSpec = {
  displayName: AGENDA_LIST,
  description:
    'Bevestigde workshops per trainer, bijgehouden door Workshopplanner (niet met de hand wijzigen).',
  columns: [
    text('Trainer', 'E-mailadres van de trainer', {
      indexed: true,
      required: true,
      enforceUniqueValues: true,
    }),
    longText('Boekingen', 'Bevestigde workshops van de trainer (JSON)'),
  ],
};

/**
 * What the server itself must remember between runs and share between its instances (DESIGN.md
 * "Many instances"): the delta cursor per organizer, the change-notification subscription per
 * organizer, and the lease of the background cycle. Written only by the application, each item
 * guarded by its version (If-Match), so of two instances that write at once one wins.
 */
export const STATE_LIST_SPEC: ListSpec = {
  displayName: STATE_LIST,
  description:
    'Synchronisatiestand van Workshopplanner (agendacursors, abonnementen, wie de achtergrondtaak draait). Niet met de hand wijzigen.',
  columns: [
    text('Sleutel', 'Soort en sleutel (soort|sleutel): één item per cursor, abonnement of lease', {
      indexed: true,
      required: true,
      enforceUniqueValues: true,
    }),
    choice('Soort', 'Wat het item bijhoudt', ['deltaCursor', 'subscription', 'lease'], {
      indexed: true,
      required: true,
    }),
    longText('Waarde', 'De deltalink, het abonnement-id of de houder van de lease'),
    dateTime('VerlooptOp', 'Wanneer het abonnement of de lease afloopt'),
    dateTime('BijgewerktOp', 'Wanneer het item het laatst is geschreven'),
  ],
};

/**
 * "Mijn beschikbaarheid": per campaign and trainer account (tenant id and object id), what the
 * trainer stated they can or cannot work (JSON). Written only by the application, on behalf of
 * the trainer whose account it is (src/app/my-availability.ts), guarded by its version.
 */
export const AVAILABILITY_LIST_SPEC: ListSpec = {
  displayName: AVAILABILITY_LIST,
  description:
    'Beschikbaarheid die trainers zelf opgeven (Mijn beschikbaarheid), per campagne. Niet met de hand wijzigen.',
  columns: [
    text('Sleutel', 'Campagne, tenant-id en object-id van de trainer (campagne|tid|oid)', {
      indexed: true,
      required: true,
      enforceUniqueValues: true,
    }),
    text('CampagneId', 'Editie van de workshopcampagne', { indexed: true, required: true }),
    text('Trainer', 'E-mailadres van de trainer bij het opslaan'),
    text('TenantId', 'Tenant-id (Entra) van de trainer'),
    text('ObjectId', 'Object-id (Entra) van de trainer'),
    longText('Beschikbaarheid', 'Gewone week en uitzonderingen per datum (JSON)'),
    dateTime('BijgewerktOp', 'Wanneer de trainer het laatst opsloeg'),
  ],
};

/**
 * The editions of the campaign (campaign issue 13, item 1): one item per edition, edited by the
 * coordinator in the tab (page "Campagne"), every change in the log. Dates are Amsterdam dates
 * as text (JJJJ-MM-DD): a SharePoint date column would move them with the site's time zone.
 */
export const CAMPAIGN_LIST_SPEC: ListSpec = {
  displayName: CAMPAIGN_LIST,
  description:
    'De edities van de workshopcampagne: deadline, periode, duur, termijnen, herinneringen en afzender (Workshopplanner).',
  columns: [
    text('CampagneId', 'Kenmerk van de editie (bijvoorbeeld weerbaarheid-2022)', {
      indexed: true,
      required: true,
      enforceUniqueValues: true,
    }),
    text('Deadline', 'Laatste dag om aan te melden (JJJJ-MM-DD, Amsterdam)', { required: true }),
    text('VensterStart', 'Eerste dag waarop de workshop kan plaatsvinden (JJJJ-MM-DD)'),
    text('VensterEind', 'Laatste dag waarop de workshop kan plaatsvinden (JJJJ-MM-DD)'),
    number('MaxDuurMinuten', 'Hoe lang een workshop ten hoogste duurt (minuten)'),
    number('OptieTermijnDagen', 'Dagen waarna opties zonder bevestiging vervallen'),
    text('HerinneringDagen', 'Herinneringen: dagen vóór de deadline, gescheiden door ; (14;3)'),
    text('AfzenderNaam', 'Namens wie de berichten van de campagne gaan'),
    longText('HerinneringTekst', 'Tekst van de herinnering aan gemeenten die zich niet aanmeldden'),
    {
      name: 'Huidig',
      description: 'De editie die de tab standaard toont (precies één)',
      type: { boolean: {} },
      indexed: true,
    },
    {
      name: 'Meebewegend',
      description: 'De data schuiven mee met vandaag (demo-editie)',
      type: { boolean: {} },
    },
    // Issue 13, items 3 and 4; items from before these columns read as off and 3 days.
    {
      name: 'HerinneringenAutomatisch',
      description: 'De achtergrondronde verstuurt herinneringen die aan de beurt zijn zelf',
      type: { boolean: {} },
    },
    number(
      'AansporingNaDagen',
      'Dagen waarna een trainer die niet antwoordde een herinnering krijgt',
    ),
  ],
};

export const ALL_LISTS: readonly ListSpec[] = [
  SIGNUP_LIST_SPEC,
  LOG_LIST_SPEC,
  TRAINER_LIST_SPEC,
  AGENDA_LIST_SPEC,
  STATE_LIST_SPEC,
  AVAILABILITY_LIST_SPEC,
  CAMPAIGN_LIST_SPEC,
];
