// The attendee list and groups of a confirmed workshop over HTTP (issue 14, items 1 and 5): the
// RIEC's account holder and the workshop's two trainers (the Berenschot trainer from the partner
// tenant) preview, store, read and mix; another RIEC's account holder, a trainer and a partner-
// tenant trainer who are not on this workshop, and the coordinator, are refused. Bad input
// (a row without party, duplicate names, 0 or 500 attendees, a file that is not a spreadsheet)
// gets Dutch messages per row and writes nothing. After the run, the attendees' names and parties
// are found only in the attachment on the organizer's event: not in the lists, the mailboxes,
// the other calendar items or the server log — and the maintenance removes the attachment
// ATTENDEES_RETENTION_DAYS after the workshop.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { listAllAttachments } from '@workshopplanner/m365-sandbox';
import { PEOPLE } from '@workshopplanner/m365-sandbox/people';
import { SYSTEM_ACCESS } from '../../../src/app/access.js';
import { removeExpiredAttendeeLists } from '../../../src/app/attendees/workshop-attendees.js';
import { runMaintenance } from '../../../src/app/run-maintenance.js';
import { closePlanSolver } from '../../../src/server/routes/planning/_plan-solver.js';
import { toSignupId } from '../../../src/domain/ids.js';
import { municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import { accountHolder } from '../../support/planning.js';
import {
  acceptPlanned,
  apply,
  confirmPlanned,
  groupEvenings,
  plan,
  register,
} from '../../support/planner.js';
import {
  expectStatus,
  FIXED_TODAY,
  graphWritesSince,
  startApiStack,
  type ApiStack,
} from './api-harness.js';
import { expectProblem } from './server-harness.js';

const SANNE = 'sanne.devries';
const MOHAMED = 'mohamed.elidrissi';
const PIETER = 'pieter.bakker';

// Names and parties that occur nowhere in the seed, so a search for them finds only this test's.
const PEOPLE_IN_LIST = [
  ['Wilhelmina Zonnebloem', 'Partij Zilvermeeuw', 'coalitie', 'raadslid'],
  ['Barend Kwikstaart', 'Partij Zilvermeeuw', 'coalitie', 'raadslid'],
  ['Cornelia Boterbloem', 'Lijst Korenwolf', 'oppositie', 'raadslid'],
  ['Dirkje Sleedoorn', 'Lijst Korenwolf', 'oppositie', 'burgerlid'],
  ['Evert Pimpernel', 'Groep Heidehaan', 'coalitie', 'wethouder'],
  ['Fenna Klaproos', 'Groep Heidehaan', 'coalitie', 'raadslid'],
  ['Gijsbert Waterhoen', 'Fractie Boomvalk', 'oppositie', 'raadslid'],
  ['Hester Ratelaar', 'Fractie Boomvalk', 'oppositie', 'raadslid'],
  ['Ide Zandhagedis', 'Partij Zilvermeeuw', 'coalitie', 'raadslid'],
  ['Jozefien Roerdomp', 'Lijst Korenwolf', 'oppositie', 'raadslid'],
  ['Kees Grutto', '', '', 'burgemeester'],
  ['Lotte Wulp', '', '', 'griffier'],
] as const;
const SECRETS = [...new Set(PEOPLE_IN_LIST.flatMap(([name, party]) => [name, party]))].filter(
  (text) => text !== '',
);

const table = (rows: readonly (readonly string[])[]) =>
  ['Naam\tFractie\tCoalitie/oppositie\tRol', ...rows.map((row) => row.join('\t'))].join('\n');
const pasted = (rows: readonly (readonly string[])[]) => ({
  source: { kind: 'text', text: table(rows) },
});

let stack: ApiStack;
let signupId: string;
let riecTrainer: string;
let berenschotTrainer: string;
let otherRiecTrainer: string;
let otherBerenschotTrainer: string;

const local = (email: string) => email.split('@')[0]!;
const path = (suffix = '') => `/api/signups/${signupId}/attendees${suffix}`;

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  const sanne = stack.planning.context(accountHolder(SANNE));
  const haarlem = municipalitiesOfRiec('RIEC Noord-Holland')[0]!;
  await register(sanne, haarlem.cbsCode, groupEvenings(0, FIXED_TODAY, 3));
  const made = await plan(sanne);
  await apply(sanne, made);
  await acceptPlanned(stack.sandbox, stack.planning.m365, made);
  const { confirmed } = await confirmPlanned(sanne, made);
  expect(confirmed).toHaveLength(1);
  signupId = confirmed[0]!;
  const stored = await stack.planning.m365.statusLog.read(toSignupId(signupId));
  const pair = stored!.signup.pair!;
  riecTrainer = local(pair.riec.email);
  berenschotTrainer = local(pair.berenschot.email);
  const trainers = PEOPLE.filter((p) => p.roles.includes('Workshop.Trainer'));
  otherRiecTrainer = local(
    trainers.find((p) => p.tenant === 'riec' && local(p.upn) !== riecTrainer)!.upn,
  );
  otherBerenschotTrainer = local(
    trainers.find((p) => p.tenant === 'berenschot' && local(p.upn) !== berenschotTrainer)!.upn,
  );
}, 180_000);
afterAll(async () => {
  await closePlanSolver();
  await stack?.close();
});

describe('bad input: Dutch messages per row, nothing stored', () => {
  const refusedCases: [string, unknown, RegExp][] = [
    [
      'a row without party',
      pasted([['Wilhelmina Zonnebloem', '', 'coalitie', 'raadslid']]),
      /Rij 2: bij Wilhelmina Zonnebloem \(raadslid\) ontbreekt de fractie/,
    ],
    [
      'duplicate names',
      pasted([
        ['Barend Kwikstaart', 'Partij Zilvermeeuw', 'coalitie', 'raadslid'],
        ['Barend Kwikstaart', 'Partij Zilvermeeuw', 'coalitie', 'raadslid'],
      ]),
      /Rij 3: Barend Kwikstaart staat ook op rij 2/,
    ],
    ['0 attendees', pasted([]), /geen deelnemers/],
    [
      '500 attendees',
      pasted(
        Array.from({ length: 500 }, (_, i) => [`Persoon ${i}`, 'Partij A', 'coalitie', 'raadslid']),
      ),
      /te veel deelnemers \(500; maximaal 200\)/,
    ],
    [
      'a file that is not a spreadsheet',
      {
        source: {
          kind: 'file',
          fileName: 'lijst.pdf',
          contentBase64: Buffer.from('%PDF-1.7\n1 0 obj\n').toString('base64'),
        },
      },
      /een pdf, geen spreadsheet/,
    ],
  ];

  it.each(refusedCases)(
    '%s',
    async (_label, body, message) => {
      const since = stack.sandbox.ctx.requestLog.lastSeq;
      const preview = expectStatus(
        await stack.as(SANNE, path('/preview'), { method: 'POST', body }),
        200,
      );
      expect(preview.body.attendees).toBeNull();
      expect(preview.body.issues.map((i: { message: string }) => i.message).join('\n')).toMatch(
        message,
      );
      const saved = await stack.as(SANNE, path(), { method: 'PUT', body });
      expectProblem(saved, 422, 'DOMAIN_RULE_VIOLATED');
      expect(JSON.stringify(saved.body)).toMatch(message);
      expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
    },
    60_000,
  );

  it('reads a list in another column order, pasted or as CSV, and shows how', async () => {
    const text = [
      'Rol;Coalitie/oppositie;Fractie;Naam',
      'raadslid;coalitie;Partij A;Anna Test',
      'raadslid;oppositie;Partij B;Bert Test',
    ].join('\n');
    const preview = expectStatus(
      await stack.as(SANNE, path('/preview'), {
        method: 'POST',
        body: {
          source: {
            kind: 'file',
            fileName: 'l.csv',
            contentBase64: Buffer.from(text).toString('base64'),
          },
        },
      }),
      200,
    );
    expect(preview.body.columns.map((c: { meaning: string }) => c.meaning)).toEqual([
      'rol',
      'kant',
      'fractie',
      'naam',
    ]);
    expect(preview.body.attendees).toHaveLength(2);
  }, 60_000);
});

describe('who may prepare the workshop', () => {
  it('refuses another RIEC, a trainer and a partner-tenant trainer not on it (as not there), and the coordinator', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const body = pasted([PEOPLE_IN_LIST[0]]);
    for (const who of [MOHAMED, otherRiecTrainer, otherBerenschotTrainer]) {
      expectProblem(await stack.as(who, path()), 404, 'NOT_FOUND');
      expectProblem(await stack.as(who, path(), { method: 'PUT', body }), 404, 'NOT_FOUND');
      expectProblem(
        await stack.as(who, path('/preview'), { method: 'POST', body }),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await stack.as(who, `/api/signups/${signupId}/groups`, {
          method: 'POST',
          body: { groups: { count: 2 }, seed: 1, outside: [], apart: [] },
        }),
        404,
        'NOT_FOUND',
      );
    }
    expect((await stack.as(PIETER, path())).status).toBe(403);
    expect((await stack.as(PIETER, path(), { method: 'PUT', body })).status).toBe(403);
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  }, 120_000);
});

describe('storing, reading and mixing', () => {
  it('stores the list on the workshop event for the account holder; both trainers read it', async () => {
    const saved = expectStatus(
      await stack.as(SANNE, path(), { method: 'PUT', body: pasted(PEOPLE_IN_LIST) }),
      200,
    );
    expect(saved.body.attendees).toHaveLength(12);
    expect(saved.body.groups).toBeNull();
    expect(saved.body.pair.riec.email).toContain(riecTrainer);
    const files = listAllAttachments(stack.sandbox.ctx.db);
    expect(files.map((f) => f.name)).toEqual([`workshopplanner-deelnemers-${signupId}.json`]);

    for (const who of [riecTrainer, berenschotTrainer]) {
      const read = expectStatus(await stack.as(who, path()), 200);
      expect(read.body.attendees.map((a: { name: string }) => a.name)).toContain(
        'Wilhelmina Zonnebloem',
      );
    }
  }, 60_000);

  it('logs "deelnemerslijst opgeslagen" with the count only, never a name or a party', async () => {
    const log = expectStatus(await stack.as(SANNE, `/api/signups/${signupId}/log`), 200);
    const line = log.body.entries.find(
      (entry: { event?: { code: string } }) => entry.event?.code === 'attendeesSaved',
    );
    expect(line).toMatchObject({
      action: 'edit',
      from: 'bevestigd',
      to: 'bevestigd',
      detail: 'Deelnemerslijst opgeslagen: 12 deelnemers.',
      event: { code: 'attendeesSaved', params: { count: '12' } },
    });
    const text = JSON.stringify(log.body);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  }, 60_000);

  it('shows the scan’s themes the account holder recorded on the sheet both trainers read (issue 14, item 3)', async () => {
    const signup = expectStatus(await stack.as(SANNE, `/api/signups/${signupId}`), 200);
    expectStatus(
      await stack.as(SANNE, `/api/signups/${signupId}`, {
        method: 'PATCH',
        body: {
          eTag: signup.body.eTag,
          scanStatus: 'gedaan',
          scan: {
            themes: ['intimidatie_raadsleden', 'informatiedeling'],
            other: 'drugslabs in het buitengebied',
            scanDate: '2026-09-15',
          },
        },
      }),
      200,
    );
    for (const who of [riecTrainer, berenschotTrainer]) {
      const sheet = expectStatus(await stack.as(who, path()), 200);
      expect(sheet.body.scanStatus).toBe('gedaan');
      expect(sheet.body.scan).toEqual({
        themes: ['intimidatie_raadsleden', 'informatiedeling'],
        other: 'drugslabs in het buitengebied',
        scanDate: '2026-09-15',
      });
    }
  }, 60_000);

  it('lets the Berenschot trainer (partner tenant) make groups, again with another seed, and move a person', async () => {
    const request = (seed: number) => ({
      groups: { count: 2 },
      seed,
      outside: ['p11', 'p12'],
      apart: [['p1', 'p2']],
    });
    const made = expectStatus(
      await stack.as(berenschotTrainer, `/api/signups/${signupId}/groups`, {
        method: 'POST',
        body: request(7),
      }),
      200,
    );
    const groups = made.body.groups;
    expect(groups.outside).toEqual(['p11', 'p12']);
    expect(groups.groups).toHaveLength(2);
    expect(groups.score.rulesHold).toBe(true);
    const sizes = groups.groups.map((g: { members: string[] }) => g.members.length);
    expect(sizes).toEqual([5, 5]);
    const together = groups.groups.some(
      (g: { members: string[] }) => g.members.includes('p1') && g.members.includes('p2'),
    );
    expect(together).toBe(false);
    expect(groups.notes.length).toBeGreaterThan(0);

    // Move the first member of group 1 to group 2: stored, scored again.
    const [first, second] = groups.groups.map((g: { members: string[] }) => [...g.members]);
    const mover = first.shift();
    second.push(mover);
    const moved = expectStatus(
      await stack.as(riecTrainer, `/api/signups/${signupId}/groups`, {
        method: 'PUT',
        body: { groups: [first, second], outside: ['p11', 'p12'] },
      }),
      200,
    );
    expect(moved.body.groups.groups[1].members).toContain(mover);
    expect(moved.body.groups.score.rulesHold).toBe(false);
    expect(listAllAttachments(stack.sandbox.ctx.db)).toHaveLength(1);

    const workbook = expectStatus(
      await stack.as(SANNE, `/api/signups/${signupId}/groups/workbook`),
      200,
    );
    const bytes = Buffer.from(workbook.body.contentBase64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(String(book.worksheets[0]!.getRow(2).getCell(1).value)).toBe(
      'Weerbaarheidsscan: gedaan (2026-09-15). Thema’s: Intimidatie van raadsleden, Informatiedeling; ook: drugslabs in het buitengebied',
    );
  }, 60_000);

  it('refuses a mix the pins make impossible, in Dutch, and keeps what was stored', async () => {
    const before = listAllAttachments(stack.sandbox.ctx.db);
    const refused = await stack.as(SANNE, `/api/signups/${signupId}/groups`, {
      method: 'POST',
      body: { groups: { count: 1 }, seed: 1, outside: [], apart: [['p1', 'p2']] },
    });
    expectProblem(refused, 422, 'DOMAIN_RULE_VIOLATED');
    expect(listAllAttachments(stack.sandbox.ctx.db)).toEqual(before);
  }, 60_000);

  it('gives the template for the griffie as .xlsx', async () => {
    const template = expectStatus(await stack.as(SANNE, '/api/attendees/template?lang=nl'), 200);
    expect(template.body.fileName).toBe('deelnemers-sjabloon.xlsx');
    expect(Buffer.from(template.body.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  }, 60_000);
});

describe('privacy (AVG): the list lives only on the workshop event', () => {
  it('finds no name or party in the lists, mailboxes, other calendar items or server log', () => {
    const db = stack.sandbox.ctx.db;
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toContain('calendar_attachments');
    const found: string[] = [];
    for (const name of tables.filter((t) => t !== 'calendar_attachments')) {
      const dump = JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all());
      for (const secret of SECRETS) if (dump.includes(secret)) found.push(`${name}: ${secret}`);
    }
    const logs = stack.server.logs.join('\n');
    for (const secret of SECRETS) if (logs.includes(secret)) found.push(`server log: ${secret}`);
    expect(found).toEqual([]);
    // And the attachment does hold them: the search above would have found them elsewhere.
    const file = listAllAttachments(db)[0]!.content.toString('utf8');
    expect(file).toContain('Wilhelmina Zonnebloem');
  });

  it('removes the list ATTENDEES_RETENTION_DAYS after the workshop', async () => {
    const stored = await stack.planning.m365.statusLog.read(toSignupId(signupId));
    const end = Date.parse(
      stored!.signup.options.find((o) => o.slotIndex === stored!.signup.confirmedSlotIndex)!.slot
        .end,
    );
    const day = 24 * 60 * 60 * 1000;
    const signups = [stored!];
    const early = stack.planning.context(SYSTEM_ACCESS, { now: () => new Date(end + 29 * day) });
    expect(await removeExpiredAttendeeLists(early, signups, 30)).toEqual([]);
    expect(listAllAttachments(stack.sandbox.ctx.db)).toHaveLength(1);
    // The background maintenance, as "systeem", the day after the retention ended.
    const due = stack.planning.context(SYSTEM_ACCESS, { now: () => new Date(end + 31 * day) });
    const report = await runMaintenance(due, { sync: false, attendeesRetentionDays: 30 });
    expect(report.attendeeListsRemoved).toEqual([signupId]);
    expect(listAllAttachments(stack.sandbox.ctx.db)).toEqual([]);
  }, 60_000);
});
