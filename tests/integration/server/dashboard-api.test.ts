// The province dashboard over HTTP against the sandbox (issue 13, item 2): GET /api/dashboard
// gives an account holder her own RIEC and the coordinator every RIEC, refuses a trainer and a
// partner-tenant user, follows the chosen edition, and reads in at most 2 Graph round trips, the
// reminder lines included, and shows when the last reminder went (issue 13, items 3 and 4).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { countRoundTrips } from '@workshopplanner/m365-sandbox';
import { sendReminders } from '../../../src/app/reminders.js';
import { MUNICIPALITIES, municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import { accountHolder } from '../../support/planning.js';
import { proposed } from '../../support/planning-scenarios.js';
import { groupEvenings, register } from '../../support/planner.js';
import { expectStatus, FIXED_TODAY, startApiStack, type ApiStack } from './api-harness.js';
import { expectProblem } from './server-harness.js';

const SANNE = 'sanne.devries';
const MOHAMED = 'mohamed.elidrissi';
const PIETER = 'pieter.bakker';
const TRAINER = 'fatima.amrani';
const PARTNER = 'marieke.vandijk';

interface Funnel {
  notSignedUp: number;
  registered: number;
  optionsPlaced: number;
  waitingForTrainers: number;
  confirmed: number;
  newDatesNeeded: number;
  cancelled: number;
}
interface Dashboard {
  campaignId: string;
  daysToDeadline: number;
  riecs: { riec: string; municipalities: number; funnel: Funnel }[];
  total: Funnel;
  weeks: { week: string; signedUp: number; signedUpTotal: number }[];
  trainers: { email: string; holds: number; unanswered: number; workshops: number }[];
  scan: Record<string, number>;
  actions: { cbsCode: string; needsAction: string; riec: string }[];
  reminders: {
    cbsCode: string;
    riec: string;
    sentCount: number;
    lastSentAt: string | null;
    dueSince: string | null;
  }[];
  lapsingHolds: { signupId: string; cbsCode: string; lapsesAt: string }[];
}

let stack: ApiStack;
const nh = municipalitiesOfRiec('RIEC Noord-Holland');
const aa = municipalitiesOfRiec('RIEC Amsterdam-Amstelland');

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  const sanne = stack.planning.context(accountHolder(SANNE));
  await proposed(sanne, nh[0]!.cbsCode);
  await register(sanne, nh[1]!.cbsCode, groupEvenings(1, FIXED_TODAY, 3));
  const mohamed = stack.planning.context(accountHolder(MOHAMED));
  await register(mohamed, aa[0]!.cbsCode, groupEvenings(5, FIXED_TODAY, 3));
}, 180_000);
afterAll(async () => stack?.close());

async function dashboardOf(upn: string, query = ''): Promise<Dashboard> {
  return expectStatus(await stack.as(upn, `/api/dashboard${query}`), 200).body as Dashboard;
}

describe('GET /api/dashboard', () => {
  it('gives an account holder her own RIEC: funnel, weeks, trainers, scan, actions', async () => {
    const own = await dashboardOf(SANNE);
    expect(own.campaignId).toBe('weerbaarheid-demo');
    expect(own.riecs.map((r) => r.riec)).toEqual(['RIEC Noord-Holland']);
    expect(own.riecs[0]).toMatchObject({
      municipalities: nh.length,
      funnel: { notSignedUp: nh.length - 2, registered: 1, waitingForTrainers: 1, confirmed: 0 },
    });
    expect(own.weeks.at(-1)?.signedUpTotal).toBe(2);
    expect(own.trainers.length).toBe(2);
    expect(own.trainers.every((t) => t.holds > 0 && t.unanswered === t.holds)).toBe(true);
    expect(Object.values(own.scan).reduce((a, b) => a + b, 0)).toBe(2);
    expect(own.actions.map((a) => a.cbsCode)).toContain(nh[1]!.cbsCode);
    expect(own.actions.every((a) => a.riec === 'RIEC Noord-Holland')).toBe(true);
  }, 60_000);

  it('shows another RIEC’s account holder only his own RIEC', async () => {
    const other = await dashboardOf(MOHAMED);
    expect(other.riecs.map((r) => r.riec)).toEqual(['RIEC Amsterdam-Amstelland']);
    expect(other.riecs[0]!.funnel.registered).toBe(1);
    expect(other.actions.map((a) => a.cbsCode)).toEqual([aa[0]!.cbsCode]);
    expect(other.trainers).toEqual([]);
  }, 60_000);

  it('gives the coordinator every RIEC', async () => {
    const all = await dashboardOf(PIETER);
    expect(all.riecs.reduce((n, r) => n + r.municipalities, 0)).toBe(MUNICIPALITIES.length);
    expect(all.total).toMatchObject({
      notSignedUp: MUNICIPALITIES.length - 3,
      registered: 2,
      waitingForTrainers: 1,
    });
  }, 60_000);

  it('follows the chosen edition, and 404 in Dutch for one that does not exist', async () => {
    const old = await dashboardOf(PIETER, '?campaignId=weerbaarheid-2022');
    expect(old.campaignId).toBe('weerbaarheid-2022');
    expect(old.total.notSignedUp).toBe(MUNICIPALITIES.length);
    expect(old.daysToDeadline).toBeLessThan(0);
    const overview = expectStatus(
      await stack.as(PIETER, '/api/municipalities?campaignId=weerbaarheid-2022'),
      200,
    ).body as { campaignId: string; municipalities: { signup: unknown }[] };
    expect(overview.campaignId).toBe('weerbaarheid-2022');
    expect(overview.municipalities.every((m) => m.signup === null)).toBe(true);
    const missing = await stack.as(PIETER, '/api/dashboard?campaignId=bestaat-niet');
    expectProblem(missing, 404, 'NOT_FOUND');
    expect(missing.body.detail).toMatch(/editie van de campagne bestaat niet/);
  }, 60_000);

  it('refuses a trainer and a partner-tenant user', async () => {
    for (const who of [TRAINER, PARTNER]) {
      expectProblem(await stack.as(who, '/api/dashboard'), 403, 'FORBIDDEN');
    }
  }, 60_000);

  it('shows no reminder due and no hold lapsing on the first day of the edition', async () => {
    const own = await dashboardOf(SANNE);
    expect(own.reminders.map((r) => r.cbsCode)).not.toContain(nh[0]!.cbsCode);
    expect(own.reminders).toHaveLength(nh.length - 2);
    expect(own.reminders.every((r) => r.riec === 'RIEC Noord-Holland')).toBe(true);
    expect(own.reminders.every((r) => r.dueSince === null && r.lastSentAt === null)).toBe(true);
    expect(own.lapsingHolds).toEqual([]);
  }, 60_000);

  it('reads in at most 2 Graph round trips', async () => {
    for (const who of [PIETER, SANNE]) {
      await dashboardOf(who); // the editions are cached a short while, like every read
      const since = stack.sandbox.ctx.requestLog.lastSeq;
      await dashboardOf(who);
      const trips = countRoundTrips(stack.sandbox.ctx.requestLog.since(since));
      expect(trips).toBeGreaterThan(0);
      expect(trips).toBeLessThanOrEqual(2);
    }
  }, 60_000);

  it('shows when the last reminder went, in the same 2 round trips', async () => {
    const sanne = stack.planning.context(accountHolder(SANNE));
    const reminded = nh[2]!;
    const sent = await sendReminders(sanne, {
      campaignId: 'weerbaarheid-demo',
      template: 'Geachte griffier,\n\n{gemeente} meldt zich aan tot en met {deadline}.',
      recipients: [{ cbsCode: reminded.cbsCode, address: 'griffie@example.nl' }],
    });
    expect(sent.outcomes.map((o) => o.result)).toEqual(['sent']);
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const before = await dashboardOf(SANNE);
    expect(countRoundTrips(stack.sandbox.ctx.requestLog.since(since))).toBeLessThanOrEqual(2);
    expect(before.reminders.find((r) => r.cbsCode === reminded.cbsCode)).toMatchObject({
      sentCount: 1,
      lastSentAt: expect.any(String),
      dueSince: null,
    });
    // Which reminders are due and which holds lapse within 2 days follow the clock: the pure
    // functions' unit tests (tests/unit/domain/dashboard.test.ts, reminders) cover the days.
    expect(before.lapsingHolds).toEqual([]);
  }, 120_000);
});
