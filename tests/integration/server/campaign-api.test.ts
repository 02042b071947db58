// The editions of the campaign through the API against the sandbox (issue 13, items 1 and 6):
// everyone reads them, only the coordinator creates and edits them (a stale version is 409, bad
// input is 422 in Dutch at the field and writes nothing, every change is in the log), and the
// status and the log download as .xlsx and CSV within the caller's access.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { MUNICIPALITIES } from '../../../src/domain/municipalities.js';
import { LOG_LIST } from '../../../src/graph/sharepoint/lists.js';
import { eveningSlots } from '../../support/planning.js';
import {
  expectStatus,
  FIXED_TODAY,
  graphWritesSince,
  startApiStack,
  type ApiStack,
} from './api-harness.js';
import { expectProblem } from './server-harness.js';

const COORDINATOR = 'pieter.bakker';
const DEMO = 'weerbaarheid-demo';

let stack: ApiStack;

interface Edition {
  id: string;
  isCurrent: boolean;
  rolling: boolean;
  version: string;
  settings: {
    title: string;
    signupDeadline: string;
    window: { start: string; end: string };
    maxDurationMinutes: number;
    holdLapseDays: number;
    reminderDays: number[];
    sender: { name: string; reminderText: string };
    autoSendReminders: boolean;
    nudgeAfterDays: number;
  };
}

async function edition(id: string): Promise<Edition> {
  return expectStatus(await stack.as(COORDINATOR, `/api/campaigns/${id}`), 200).body as Edition;
}

async function logLines(): Promise<{ Actie: string; Door: string; Details: string }[]> {
  const page = (await stack.planning.client
    .api(`/sites/root/lists/${LOG_LIST}/items`)
    .expand('fields')
    .top(500)
    .get()) as { value: { fields: { Actie: string; Door: string; Details: string } }[] };
  return page.value.map((item) => item.fields);
}

async function workbookRows(base64: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  const bytes = Buffer.from(base64, 'base64');
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
});
afterAll(async () => stack?.close());

describe('reading the editions', () => {
  it('lists the 2022 edition as the letter has it and the current demo edition, for every role', async () => {
    for (const upn of ['sanne.devries', 'fatima.amrani', 'marieke.vandijk', COORDINATOR]) {
      const result = expectStatus(await stack.as(upn, '/api/campaigns'), 200);
      const byId = new Map(
        (result.body.campaigns as Edition[]).map((campaign) => [campaign.id, campaign]),
      );
      expect(byId.get('weerbaarheid-2022')).toMatchObject({
        isCurrent: false,
        settings: {
          signupDeadline: '2022-06-15',
          maxDurationMinutes: 240,
          holdLapseDays: 14,
          reminderDays: [14, 3],
        },
      });
      // The demo edition follows the sandbox clock: four weeks from 1 September 2026.
      expect(byId.get(DEMO)).toMatchObject({
        isCurrent: true,
        rolling: true,
        settings: { signupDeadline: '2026-09-29' },
      });
    }
  });

  it('gives a chosen edition through getCampaign, and 404 in Dutch for one that does not exist', async () => {
    const chosen = expectStatus(
      await stack.as('sanne.devries', '/api/campaign?campaignId=weerbaarheid-2022'),
      200,
    );
    expect(chosen.body).toMatchObject({ id: 'weerbaarheid-2022', isSignupOpen: false });
    const missing = await stack.as('sanne.devries', '/api/campaign?campaignId=bestaat-niet');
    expectProblem(missing, 404, 'NOT_FOUND');
    expect(missing.body.detail).toMatch(/editie van de campagne bestaat niet/);
  });
});

describe('editing an edition', () => {
  it('refuses bad input in Dutch at each field and writes nothing', async () => {
    const current = await edition(DEMO);
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const result = await stack.as(COORDINATOR, `/api/campaigns/${DEMO}`, {
      method: 'PUT',
      body: {
        version: current.version,
        isCurrent: true,
        settings: {
          ...current.settings,
          title: ' ',
          signupDeadline: '2026-08-01',
          window: { start: '2026-10-01', end: '2026-09-01' },
          maxDurationMinutes: 300,
          reminderDays: [14, -2],
          sender: { name: '', reminderText: '  ' },
        },
      },
    });
    expectProblem(result, 422, 'DOMAIN_RULE_VIOLATED');
    const byField = Object.fromEntries(
      (result.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    expect(byField).toEqual({
      title: 'Vul de titel van de campagne in.',
      signupDeadline: expect.stringMatching(/ligt in het verleden/),
      'window.end': expect.stringMatching(/eindigt .* vóór ze begint/),
      maxDurationMinutes: expect.stringMatching(/maximaal 4 uur/),
      'reminderDays.1': expect.stringMatching(/na de uiterste aanmelddatum/),
      'sender.name': expect.stringMatching(/namens wie/i),
      'sender.reminderText': expect.stringMatching(/tekst van de herinnering/),
    });
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  });

  it('refuses nudge days outside 1 to 14 and an automatic sending that is no yes or no, in Dutch, writing nothing (issue 13, items 3 and 4)', async () => {
    const current = await edition(DEMO);
    expect(current.settings).toMatchObject({ autoSendReminders: false, nudgeAfterDays: 3 });
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    for (const nudgeAfterDays of [0, 15, 2.5]) {
      const result = await stack.as(COORDINATOR, `/api/campaigns/${DEMO}`, {
        method: 'PUT',
        body: {
          version: current.version,
          isCurrent: true,
          settings: { ...current.settings, autoSendReminders: true, nudgeAfterDays },
        },
      });
      expectProblem(result, 422, 'DOMAIN_RULE_VIOLATED');
      expect(result.body.errors).toEqual([
        expect.objectContaining({
          field: 'nudgeAfterDays',
          code: 'CAMPAIGN_NUDGE_DAYS_OUT_OF_RANGE',
          message:
            'Een trainer die niet antwoordde krijgt na 1 tot en met 14 dagen een herinnering; vul een heel aantal dagen daartussen in.',
        }),
      ]);
    }
    const notBoolean = await stack.as(COORDINATOR, `/api/campaigns/${DEMO}`, {
      method: 'PUT',
      body: {
        version: current.version,
        isCurrent: true,
        settings: { ...current.settings, autoSendReminders: 'ja' },
      },
    });
    expect(notBoolean.status).toBe(400);
    const created = await stack.as(COORDINATOR, '/api/campaigns', {
      method: 'POST',
      body: { id: 'weerbaarheid-fout', settings: { ...current.settings, nudgeAfterDays: 30 } },
    });
    expectProblem(created, 422, 'DOMAIN_RULE_VIOLATED');
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
    expect((await edition(DEMO)).settings).toMatchObject({
      autoSendReminders: false,
      nudgeAfterDays: 3,
    });
  });

  it('saves automatic reminders and the nudge days, logged as the other settings (issue 13, items 3 and 4)', async () => {
    const before = await edition(DEMO);
    const saved = expectStatus(
      await stack.as(COORDINATOR, `/api/campaigns/${DEMO}`, {
        method: 'PUT',
        body: {
          version: before.version,
          isCurrent: true,
          settings: { ...before.settings, autoSendReminders: true, nudgeAfterDays: 5 },
        },
      }),
      200,
    ).body as Edition;
    expect(saved.settings).toMatchObject({ autoSendReminders: true, nudgeAfterDays: 5 });
    expect((await edition(DEMO)).settings).toMatchObject({
      autoSendReminders: true,
      nudgeAfterDays: 5,
    });
    expect(await logLines()).toContainEqual(
      expect.objectContaining({
        Actie: 'campaignUpdate',
        Door: 'pieter.bakker@riec.nl',
        Details: expect.stringMatching(
          /herinneringen automatisch aan; trainers herinnerd na 5 dagen/,
        ),
      }),
    );
    // Back as they were, for the tests after this one.
    const again = await edition(DEMO);
    expectStatus(
      await stack.as(COORDINATOR, `/api/campaigns/${DEMO}`, {
        method: 'PUT',
        body: {
          version: again.version,
          isCurrent: true,
          settings: { ...again.settings, autoSendReminders: false, nudgeAfterDays: 3 },
        },
      }),
      200,
    );
  });

  it('saves the coordinator’s change, logs it, and refuses a save on a stale version (409)', async () => {
    const before = await edition(DEMO);
    const saved = expectStatus(
      await stack.as(COORDINATOR, `/api/campaigns/${DEMO}`, {
        method: 'PUT',
        body: {
          version: before.version,
          isCurrent: true,
          settings: { ...before.settings, title: 'Workshop 2026', reminderDays: [3, 21, 7] },
        },
      }),
      200,
    ).body as Edition;
    expect(saved.settings).toMatchObject({ title: 'Workshop 2026', reminderDays: [21, 7, 3] });
    // The dates were left as shown: the demo edition keeps following the clock.
    expect(saved).toMatchObject({ isCurrent: true, rolling: true });
    expect(saved.version).not.toBe(before.version);
    expect(await logLines()).toContainEqual(
      expect.objectContaining({
        Actie: 'campaignUpdate',
        Door: 'pieter.bakker@riec.nl',
        Details: expect.stringContaining('titel "Workshop 2026"'),
      }),
    );

    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const stale = await stack.as(COORDINATOR, `/api/campaigns/${DEMO}`, {
      method: 'PUT',
      body: { version: before.version, settings: { ...before.settings, title: 'Oud' } },
    });
    expectProblem(stale, 409, 'CONFLICT');
    expect(stale.body.detail).toMatch(/intussen gewijzigd/);
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
    expect((await edition(DEMO)).settings.title).toBe('Workshop 2026');
  });

  it('refuses an account holder, an account holder of another RIEC, a trainer and a partner-tenant trainer', async () => {
    const current = await edition(DEMO);
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    for (const upn of ['sanne.devries', 'mohamed.elidrissi', 'fatima.amrani', 'marieke.vandijk']) {
      expectProblem(
        await stack.as(upn, `/api/campaigns/${DEMO}`, {
          method: 'PUT',
          body: { version: current.version, settings: { ...current.settings, title: 'Van mij' } },
        }),
        403,
        'FORBIDDEN',
      );
      // Nor the settings of what the cycle does by itself (issue 13, items 3 and 4).
      expectProblem(
        await stack.as(upn, `/api/campaigns/${DEMO}`, {
          method: 'PUT',
          body: {
            version: current.version,
            isCurrent: true,
            settings: { ...current.settings, autoSendReminders: true, nudgeAfterDays: 1 },
          },
        }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await stack.as(upn, '/api/campaigns', {
          method: 'POST',
          body: { id: `van-${upn.replace('.', '-')}`, settings: current.settings },
        }),
        403,
        'FORBIDDEN',
      );
    }
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  });

  it('creates a new edition that becomes the current one, and makes the demo current again', async () => {
    const demo = await edition(DEMO);
    const created = await stack.as(COORDINATOR, '/api/campaigns', {
      method: 'POST',
      body: {
        id: 'weerbaarheid-2027',
        isCurrent: true,
        settings: {
          ...demo.settings,
          title: 'Workshop 2027',
          signupDeadline: '2027-03-01',
          window: { start: '2027-01-01', end: '2027-06-30' },
        },
      },
    });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({
      id: 'weerbaarheid-2027',
      isCurrent: true,
      rolling: false,
    });
    const campaign = expectStatus(await stack.as('sanne.devries', '/api/campaign'), 200);
    expect(campaign.body).toMatchObject({ id: 'weerbaarheid-2027', signupDeadline: '2027-03-01' });
    expect((await edition(DEMO)).isCurrent).toBe(false);

    const again = await stack.as(COORDINATOR, '/api/campaigns', {
      method: 'POST',
      body: { id: 'weerbaarheid-2027', settings: demo.settings },
    });
    expectProblem(again, 422, 'DOMAIN_RULE_VIOLATED');
    expect(again.body.errors[0]).toMatchObject({ field: 'id', code: 'CAMPAIGN_ID_TAKEN' });

    const back = await edition(DEMO);
    expectStatus(
      await stack.as(COORDINATOR, `/api/campaigns/${DEMO}`, {
        method: 'PUT',
        body: { version: back.version, isCurrent: true, settings: back.settings },
      }),
      200,
    );
    expect((await edition('weerbaarheid-2027')).isCurrent).toBe(false);
    expect(await logLines()).toContainEqual(expect.objectContaining({ Actie: 'campaignCreate' }));
  });
});

describe('exporting an edition', () => {
  beforeAll(async () => {
    expectStatus(
      await stack.as('sanne.devries', '/api/signups', {
        method: 'POST',
        body: {
          cbsCode: 'GM0392',
          contact: { name: 'Kabinet', email: 'burgemeester@haarlem.nl' },
          preferences: eveningSlots(FIXED_TODAY),
          scanStatus: 'gedaan',
        },
      }),
      201,
    );
  });

  it('gives the coordinator every municipality as .xlsx, Haarlem registered', async () => {
    const file = expectStatus(
      await stack.as(COORDINATOR, `/api/campaigns/${DEMO}/export/status?format=xlsx`),
      200,
    ).body as { fileName: string; contentBase64: string; rows: number };
    expect(file.fileName).toMatch(/^stand-weerbaarheid-demo-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await workbookRows(file.contentBase64);
    expect(rows[0]).toEqual([
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
    ]);
    expect(rows).toHaveLength(MUNICIPALITIES.length + 1);
    expect(file.rows).toBe(MUNICIPALITIES.length);
    const haarlem = rows.find((row) => row[1] === 'GM0392')!;
    expect(haarlem.slice(0, 4)).toEqual(['Haarlem', 'GM0392', 'RIEC Noord-Holland', 'Aangemeld']);
    expect(haarlem[5]).not.toBe('');
    const notSignedUp = rows.find((row) => row[1] === 'GM0363')!;
    expect(notSignedUp[3]).toBe('Niet aangemeld');
  });

  it('gives an account holder only their own RIEC, as CSV too', async () => {
    const file = expectStatus(
      await stack.as('sanne.devries', `/api/campaigns/${DEMO}/export/status?format=csv`),
      200,
    ).body as { fileName: string; contentBase64: string };
    expect(file.fileName).toMatch(/\.csv$/);
    const text = Buffer.from(file.contentBase64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { delimiter: ';', skipEmptyLines: true }).data;
    expect(parsed[0]![0]).toBe('Gemeente');
    const riecs = new Set(parsed.slice(1).map((row) => row[2]));
    expect([...riecs]).toEqual(['RIEC Noord-Holland']);
    expect(parsed.some((row) => row[1] === 'GM0392')).toBe(true);

    const other = expectStatus(
      await stack.as('mohamed.elidrissi', `/api/campaigns/${DEMO}/export/status?format=xlsx`),
      200,
    ).body as { contentBase64: string };
    const otherRows = await workbookRows(other.contentBase64);
    expect(otherRows.some((row) => row[1] === 'GM0392')).toBe(false);
    expect(new Set(otherRows.slice(1).map((row) => row[2]))).toEqual(
      new Set(['RIEC Amsterdam-Amstelland']),
    );
  });

  it('gives the log of the edition’s sign-ups, and refuses trainers and partner-tenant users', async () => {
    const file = expectStatus(
      await stack.as(COORDINATOR, `/api/campaigns/${DEMO}/export/log?format=xlsx`),
      200,
    ).body as { contentBase64: string };
    const rows = await workbookRows(file.contentBase64);
    expect(rows[0]![0]).toBe('Tijdstip');
    expect(rows.some((row) => row[1] === 'Haarlem' && row[5] === 'Aangemeld')).toBe(true);
    const own = expectStatus(
      await stack.as('mohamed.elidrissi', `/api/campaigns/${DEMO}/export/log?format=csv`),
      200,
    ).body as { rows: number };
    expect(own.rows).toBe(0);
    for (const upn of ['fatima.amrani', 'marieke.vandijk']) {
      for (const what of ['status', 'log']) {
        expectProblem(
          await stack.as(upn, `/api/campaigns/${DEMO}/export/${what}`),
          403,
          'FORBIDDEN',
        );
      }
    }
    expectProblem(
      await stack.as(COORDINATOR, '/api/campaigns/bestaat-niet/export/status'),
      404,
      'NOT_FOUND',
    );
  });
});
