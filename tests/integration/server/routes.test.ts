// The routes of this issue over real HTTP: getMe per role (see authentication.test.ts) and
// getCampaign with the server's clock, whose days to the deadline count in Amsterdam. The
// server checks token lifetimes against the same clock, so the sandbox's clock is set to the
// same moment before it issues the tokens.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '@workshopplanner/m365-sandbox';
import { startPlanningHarness, type PlanningHarness } from '../../support/planning.js';
import { apiToken, call, clockAt, startTestServer, type TestServer } from './server-harness.js';

// Each file starts its own sandbox (seeded) and servers: more than jest's 5 s on a busy machine.

let harness: PlanningHarness;
let sandbox: Sandbox;
let now: Date;
let demo: TestServer;

async function setTime(at: string): Promise<void> {
  now = new Date(at);
  const response = await fetch(`${sandbox.urls.https}/_sandbox/clock`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', 'x-sandbox-control': '1' },
    body: JSON.stringify({ now: at }),
  });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  // Provisioned as `npm start` does: the 2022 edition and the current demo edition.
  harness = await startPlanningHarness();
  sandbox = harness.sandbox;
  now = new Date('2026-03-10T10:00:00Z');
  demo = await startTestServer(sandbox, { clock: clockAt(() => now) });
});
afterAll(async () => {
  await demo.close();
  await harness.close();
});

describe('getCampaign', () => {
  it('gives the demo campaign dated from the server’s today, four weeks to the deadline', async () => {
    await setTime('2026-03-10T10:00:00Z');
    const result = await call(demo, '/api/campaign', { token: await apiToken(sandbox, 'sanne') });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      id: 'weerbaarheid-demo',
      signupDeadline: '2026-04-07',
      daysToDeadline: 28,
      isSignupOpen: true,
      preferenceCount: 3,
      maxDurationMinutes: 240,
      window: { start: '2026-03-11', end: '2026-07-10' },
      provider: { name: 'Provincie Noord-Holland' },
    });
  });

  it('counts days in Amsterdam: late on 14 June UTC is already the deadline day, 15 June 2022', async () => {
    // A server of its own per moment: the app's Graph token must be issued at the sandbox's time.
    const letter = '/api/campaign?campaignId=weerbaarheid-2022';
    const at = async (moment: string) => {
      await setTime(moment);
      const server = await startTestServer(sandbox, { clock: clockAt(() => now) });
      try {
        return await call(server, letter, { token: await apiToken(sandbox, 'pieter.bakker') });
      } finally {
        await server.close();
      }
    };
    const onDeadline = await at('2022-06-14T22:30:00Z'); // 00:30 on 15 June in Amsterdam
    expect(onDeadline.body).toMatchObject({
      id: 'weerbaarheid-2022',
      signupDeadline: '2022-06-15',
      signupDeadlineInstant: '2022-06-15T21:59:59.999Z',
      daysToDeadline: 0,
      isSignupOpen: true,
    });
    const after = await at('2022-06-15T22:30:00Z'); // 00:30 on 16 June in Amsterdam
    expect(after.body).toMatchObject({ daysToDeadline: -1, isSignupOpen: false });
  });

  it('is readable for every role', async () => {
    await setTime('2026-03-10T10:00:00Z');
    for (const upn of ['sanne', 'fatima.amrani', 'marieke.vandijk', 'pieter.bakker', 'beheer']) {
      const result = await call(demo, '/api/campaign', { token: await apiToken(sandbox, upn) });
      expect(result.status).toBe(200);
    }
  });
});

describe('getMe', () => {
  it('says what the caller may do, and nothing of the token', async () => {
    await setTime('2026-03-10T10:00:00Z');
    const result = await call(demo, '/api/me', {
      token: await apiToken(sandbox, 'mohamed.elidrissi'),
    });
    expect(result.body).toEqual({
      userId: '1b7e3c0f-6d42-4f98-8e53-8c2f4d9b7e16',
      name: 'Mohamed El Idrissi',
      email: 'mohamed.elidrissi@riec.nl',
      roles: ['accountHolder'],
      riecs: ['RIEC Amsterdam-Amstelland'],
      canReadAll: false,
      permissions: [
        'me:read',
        'campaign:read',
        'signups:read',
        'signups:write',
        'signups:propose',
        'signups:confirm',
        'signups:cancel',
        'signups:sync',
      ],
    });
  });
});
