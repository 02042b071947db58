// Two things at once (issue "Concurrency without loss", item 1): double registrations on two
// server instances. Two servers run against one sandbox, as two replicas against one tenant
// would. An interrupted cancel finished by two instances at once (item 5) is in
// tests/integration/app/planning-robustness.test.ts; its 409 and Retry-After (item 6) in
// retry-after.test.ts.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { municipalitiesOfRiec } from '../../../src/domain/municipalities.js';
import { eveningSlots } from '../../support/planning.js';
import { expectStatus, FIXED_TODAY, startApiStack, type ApiStack } from './api-harness.js';
import { call, startTestServer, type TestServer } from './server-harness.js';

const SANNE = 'sanne.devries';

let stack: ApiStack;
let second: TestServer;

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  second = await startTestServer(stack.sandbox, {
    clock: { now: () => stack.sandbox.ctx.clock.now() },
    env: { RATE_LIMIT_MAX: '1000000' },
  });
});
afterAll(async () => {
  await second?.close();
  await stack?.close();
});

function registration(cbsCode: string, domain: string, weeksAhead: number) {
  return {
    cbsCode,
    contact: { name: 'Kabinet van de burgemeester', email: `burgemeester@${domain}` },
    preferences: eveningSlots(FIXED_TODAY, weeksAhead),
    scanStatus: 'onbekend',
  };
}

describe('a double click, or two instances, register a municipality once', () => {
  it('20 municipalities registered twice at the same moment on two instances: 20 sign-ups', async () => {
    const token = await stack.token(SANNE);
    const municipalities = municipalitiesOfRiec('RIEC Noord-Holland').slice(0, 20);
    const answers = await Promise.all(
      municipalities.flatMap((m, i) => {
        const body = registration(m.cbsCode, m.domain, 3 + (i % 6));
        const request = { method: 'POST', body, token };
        return [call(stack.server, '/api/signups', request), call(second, '/api/signups', request)];
      }),
    );
    const stored = await stack.planning.m365.statusLog.list({ riec: 'RIEC Noord-Holland' });
    for (const [i, m] of municipalities.entries()) {
      const items = stored.filter((s) => s.signup.municipality.cbsCode === m.cbsCode);
      expect(items).toHaveLength(1);
      // Both clicks get the one sign-up: the same body again is the same registration.
      const pair = [answers[2 * i]!, answers[2 * i + 1]!];
      for (const answer of pair) expectStatus(answer, 201);
      expect(pair.map((a) => a.body.signup.id)).toEqual([items[0]!.signup.id, items[0]!.signup.id]);
    }
    // One log line per sign-up: the second click logged nothing.
    const logs = await Promise.all(
      stored.map((s) => stack.planning.m365.statusLog.readLog(s.signup.id)),
    );
    expect(logs.map((log) => log.length)).toEqual(stored.map(() => 1));
  });

  it('a different registration of a municipality that has one is told so, with its id', async () => {
    const [m] = municipalitiesOfRiec('RIEC Noord-Holland').slice(25, 26);
    const token = await stack.token(SANNE);
    const first = registration(m!.cbsCode, m!.domain, 5);
    const other = { ...registration(m!.cbsCode, m!.domain, 6) };
    const [a, b] = await Promise.all([
      call(stack.server, '/api/signups', { method: 'POST', body: first, token }),
      call(second, '/api/signups', { method: 'POST', body: other, token }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([201, 409]);
    const stored = await stack.planning.m365.statusLog.list({ cbsCode: m!.cbsCode });
    expect(stored).toHaveLength(1);
  });
});
