// Who may do what through the API, with each person's real token: an account holder of another
// RIEC is refused a Noord-Holland sign-up (403), a trainer reads only their own workshop and
// cannot confirm, the coordinator reads everything and plans nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eveningSlots, FIXED_TODAY } from '../../support/planning.js';
import { expectStatus, graphWritesSince, startApiStack, type ApiStack } from './api-harness.js';
import { expectProblem } from './server-harness.js';

let stack: ApiStack;
let id: string;

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  const registered = expectStatus(
    await stack.as('sanne.devries', '/api/signups', {
      method: 'POST',
      body: {
        cbsCode: 'GM0392',
        contact: { name: 'Kabinet', email: 'burgemeester@haarlem.nl' },
        preferences: eveningSlots(FIXED_TODAY),
        scanStatus: 'onbekend',
      },
    }),
    201,
  );
  id = registered.body.signup.id;
  expectStatus(
    await stack.as('sanne.devries', `/api/signups/${id}/propose`, {
      method: 'POST',
      body: { berenschot: 'marieke.vandijk@berenschot.nl', riec: 'fatima.amrani@riec.nl' },
    }),
    200,
  );
});
afterAll(async () => stack?.close());

describe('an account holder of another RIEC (Mohamed, Amsterdam-Amstelland)', () => {
  const MOHAMED = 'mohamed.elidrissi';

  it('cannot read, log, list, confirm or cancel a Noord-Holland sign-up: it does not exist for him', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    // 404 as for an id that does not exist: the answer tells nothing about another RIEC's work.
    const read = await stack.as(MOHAMED, `/api/signups/${id}`);
    const missing = await stack.as(MOHAMED, '/api/signups/999999');
    expectProblem(read, 404, 'NOT_FOUND');
    expectProblem(missing, 404, 'NOT_FOUND');
    expect(read.body.detail).toBe(missing.body.detail);
    expectProblem(await stack.as(MOHAMED, `/api/signups/${id}/log`), 404, 'NOT_FOUND');
    expectProblem(
      await stack.as(MOHAMED, '/api/signups?riec=RIEC%20Noord-Holland'),
      403,
      'FORBIDDEN',
    );
    for (const [action, body] of [
      ['confirm', { slotIndex: 0, override: { reason: 'telefonisch' } }],
      ['cancel', { reason: 'zomaar' }],
      ['propose', { berenschot: 'thomas.kok@berenschot.nl', riec: 'lotte.mulder@riec.nl' }],
    ] as const) {
      const result = await stack.as(MOHAMED, `/api/signups/${id}/${action}`, {
        method: 'POST',
        body,
      });
      expectProblem(result, 404, 'NOT_FOUND');
    }
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  });

  it('does not see it in his own list or dashboard, and cannot register Haarlem', async () => {
    const list = expectStatus(await stack.as(MOHAMED, '/api/signups'), 200);
    expect(list.body.signups).toEqual([]);
    const dashboard = expectStatus(await stack.as(MOHAMED, '/api/municipalities'), 200);
    const codes = dashboard.body.municipalities.map((m: { cbsCode: string }) => m.cbsCode);
    expect(codes).toContain('GM0363'); // Amsterdam
    expect(codes).not.toContain('GM0392');
    const register = await stack.as(MOHAMED, '/api/signups', {
      method: 'POST',
      body: {
        cbsCode: 'GM0392',
        contact: { name: 'Kabinet', email: 'burgemeester@haarlem.nl' },
        preferences: eveningSlots(FIXED_TODAY, 6),
        scanStatus: 'onbekend',
      },
    });
    expectProblem(register, 403, 'FORBIDDEN');
  });
});

describe('a trainer', () => {
  it('reads the workshop they train (RIEC advisor, own tenant) but cannot confirm it', async () => {
    const read = expectStatus(await stack.as('fatima.amrani', `/api/signups/${id}`), 200);
    expect(read.body.status).toBe('opties_geplaatst');
    expect(read.body.userActions).toEqual([]);
    expectStatus(await stack.as('fatima.amrani', `/api/signups/${id}/log`), 200);
    const list = expectStatus(await stack.as('fatima.amrani', '/api/signups'), 200);
    expect(list.body.signups.map((s: { id: string }) => s.id)).toEqual([id]);
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    for (const [action, body] of [
      ['confirm', { slotIndex: 0, override: { reason: 'ik kan wel' } }],
      ['cancel', { reason: 'ik kan niet' }],
    ] as const) {
      expectProblem(
        await stack.as('fatima.amrani', `/api/signups/${id}/${action}`, { method: 'POST', body }),
        403,
        'FORBIDDEN',
      );
    }
    expectProblem(
      await stack.as('fatima.amrani', '/api/sync', { method: 'POST' }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await stack.as('fatima.amrani', '/api/municipalities'), 403, 'FORBIDDEN');
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  });

  it('reads it from the Berenschot tenant too (Marieke), where her own token cannot reach the list', async () => {
    const read = expectStatus(await stack.as('marieke.vandijk', `/api/signups/${id}`), 200);
    expect(read.body.pair.berenschot.email).toBe('marieke.vandijk@berenschot.nl');
    const list = expectStatus(await stack.as('marieke.vandijk', '/api/signups'), 200);
    expect(list.body.signups.map((s: { id: string }) => s.id)).toEqual([id]);
    expectProblem(
      await stack.as('marieke.vandijk', `/api/signups/${id}/confirm`, {
        method: 'POST',
        body: { slotIndex: 0 },
      }),
      403,
      'FORBIDDEN',
    );
  });

  it('does not read a workshop they do not train', async () => {
    for (const trainer of ['jeroen.visser', 'thomas.kok']) {
      expectProblem(await stack.as(trainer, `/api/signups/${id}`), 404, 'NOT_FOUND');
      const list = expectStatus(await stack.as(trainer, '/api/signups'), 200);
      expect(list.body.signups).toEqual([]);
    }
  });
});

describe('the coordinator (Pieter, province)', () => {
  const PIETER = 'pieter.bakker';

  it('reads every RIEC: the sign-up, its log, the list and all 44 municipalities', async () => {
    const read = expectStatus(await stack.as(PIETER, `/api/signups/${id}`), 200);
    expect(read.body.userActions).toEqual([]);
    expectStatus(await stack.as(PIETER, `/api/signups/${id}/log`), 200);
    const list = expectStatus(await stack.as(PIETER, '/api/signups'), 200);
    expect(list.body.signups.map((s: { id: string }) => s.id)).toEqual([id]);
    const dashboard = expectStatus(await stack.as(PIETER, '/api/municipalities'), 200);
    expect(dashboard.body.municipalities).toHaveLength(44);
    const availability = await stack.as(PIETER, '/api/availability', {
      method: 'POST',
      body: { slots: eveningSlots(FIXED_TODAY).slice(0, 1) },
    });
    expectStatus(availability, 200);
  });

  it('cannot register, propose, confirm or cancel', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    expectProblem(
      await stack.as(PIETER, '/api/signups', {
        method: 'POST',
        body: {
          cbsCode: 'GM0453',
          contact: { name: 'Kabinet', email: 'burgemeester@velsen.nl' },
          preferences: eveningSlots(FIXED_TODAY),
          scanStatus: 'onbekend',
        },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.as(PIETER, `/api/signups/${id}/confirm`, {
        method: 'POST',
        body: { slotIndex: 0 },
      }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await stack.as(PIETER, `/api/signups/${id}/cancel`, {
        method: 'POST',
        body: { reason: 'x' },
      }),
      403,
      'FORBIDDEN',
    );
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  });
});

describe('anyone', () => {
  it('gets 404 for a sign-up that does not exist and 400 for an id that cannot be one', async () => {
    expectProblem(await stack.as('sanne.devries', '/api/signups/999999'), 404, 'NOT_FOUND');
    const bad = await stack.as('sanne.devries', '/api/signups/abc');
    expectProblem(bad, 400, 'VALIDATION_FAILED');
    expect(bad.body.errors[0].field).toBe('path.signupId');
  });
});
