// The province's report (campaign issue 13, item 6): the status of an edition, one row per
// municipality, and the audit log of its sign-ups, as .xlsx (exceljs) or CSV (papaparse).
// Within the caller's access: an account holder gets their RIEC(s), the coordinator all.
// Texts in Dutch (the province reports in Dutch); dates and times in Amsterdam.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import {
  ACTION_LABELS,
  capitalise,
  SCAN_LABELS,
  SCAN_THEME_LABELS,
  STATUS_LABELS,
} from '../contract/labels.js';
import { formatInstant, formatSlot } from '../contract/format.js';
import type { LogEntry } from '../domain/ports.js';
import { findCampaign } from './campaigns.js';
import type { UseCaseContext } from './context.js';
import { failWith, succeed, type Outcome } from './outcome.js';
import { listMunicipalities, listSignups } from './read-signups.js';

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportedFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
  /** Rows without the header. */
  readonly rows: number;
}

type Table = { readonly header: readonly string[]; readonly rows: readonly string[][] };

export const STATUS_COLUMNS = [
  'Gemeente',
  'CBS-code',
  'RIEC',
  'Stand',
  'Aangemeld op',
  'Voorkeur 1',
  'Voorkeur 2',
  'Voorkeur 3',
  'Bevestigde workshop',
  'Trainer Berenschot',
  'Trainer RIEC',
  'Weerbaarheidsscan',
  'Thema’s scan',
  'Datum scan',
  'Herinneringen verstuurd',
] as const;

export const LOG_COLUMNS = [
  'Tijdstip',
  'Gemeente',
  'CBS-code',
  'Actie',
  'Van',
  'Naar',
  'Door',
  'Toelichting',
] as const;

const when = (instant: string | undefined): string => (instant ? formatInstant(instant, 'nl') : '');

async function statusTable(ctx: UseCaseContext, campaignId: string): Promise<Outcome<Table>> {
  const listed = await listMunicipalities(ctx, campaignId);
  if (!listed.ok) return listed;
  const rows = listed.value.map(({ municipality, signup }) => {
    const s = signup?.signup;
    const confirmed =
      s?.confirmedSlotIndex !== undefined ? s.preferences[s.confirmedSlotIndex] : undefined;
    return [
      municipality.displayName,
      municipality.cbsCode,
      municipality.riec,
      s ? capitalise(STATUS_LABELS.nl[s.status]) : 'Niet aangemeld',
      when(s?.registeredAt),
      ...[0, 1, 2].map((i) => {
        const slot = s?.preferences[i];
        return slot ? formatSlot(slot, 'nl') : '';
      }),
      confirmed ? formatSlot(confirmed, 'nl') : '',
      s?.pair?.berenschot.name ?? '',
      s?.pair?.riec.name ?? '',
      s ? capitalise(SCAN_LABELS.nl[s.scanStatus]) : '',
      [
        ...(s?.scan?.themes ?? []).map((theme) => SCAN_THEME_LABELS.nl[theme]),
        ...(s?.scan?.other ? [s.scan.other] : []),
      ].join('; '),
      s?.scan?.scanDate ?? '',
      // Reminders are not sent yet (issue 13, item 3): the column is there for the report.
      '',
    ];
  });
  return succeed({ header: STATUS_COLUMNS, rows });
}

async function logTable(ctx: UseCaseContext, campaignId: string): Promise<Outcome<Table>> {
  const signups = await listSignups(ctx);
  if (!signups.ok) return signups;
  const inCampaign = signups.value.filter((s) => s.signup.campaignId === campaignId);
  const logs = await Promise.all(inCampaign.map((s) => ctx.m365.statusLog.readLog(s.signup.id)));
  const entries: LogEntry[] = logs.flat().sort((a, b) => a.at.localeCompare(b.at));
  const rows = entries.map((entry) => [
    when(entry.at),
    entry.municipality,
    entry.cbsCode,
    capitalise(ACTION_LABELS.nl[entry.action]),
    entry.from ? capitalise(STATUS_LABELS.nl[entry.from]) : '',
    capitalise(STATUS_LABELS.nl[entry.to]),
    entry.by,
    entry.detail,
  ]);
  return succeed({ header: LOG_COLUMNS, rows });
}

async function toXlsx(table: Table, sheetName: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Workshopplanner';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...table.header]).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column) => {
    column.width = 22;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** CSV as Excel in the Netherlands opens it: `;` between fields, a BOM for UTF-8. */
function toCsv(table: Table): Uint8Array {
  const text = Papa.unparse([[...table.header], ...table.rows.map((r) => [...r])], {
    delimiter: ';',
    newline: '\r\n',
    // A cell starting with = + - @ is not run as a formula by a spreadsheet.
    escapeFormulae: true,
  });
  return new TextEncoder().encode(`\uFEFF${text}`);
}

/** The status of an edition or its log as a file; notFound when the edition does not exist. */
export async function exportCampaign(
  ctx: UseCaseContext,
  campaignId: string,
  what: 'status' | 'log',
  format: ExportFormat,
): Promise<Outcome<ExportedFile | undefined>> {
  const campaign = await findCampaign(ctx, campaignId);
  if (!campaign) return succeed(undefined);
  const table =
    what === 'status' ? await statusTable(ctx, campaignId) : await logTable(ctx, campaignId);
  if (!table.ok) return failWith(table.failure);
  const base = `${what === 'status' ? 'stand' : 'logboek'}-${campaign.id}-${ctx.now().toISOString().slice(0, 10)}`;
  const bytes =
    format === 'xlsx'
      ? await toXlsx(table.value, what === 'status' ? 'Stand' : 'Logboek')
      : toCsv(table.value);
  return succeed({
    fileName: `${base}.${format}`,
    contentType:
      format === 'xlsx'
        ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
        : 'text/csv; charset=utf-8',
    bytes,
    rows: table.value.rows.length,
  });
}
