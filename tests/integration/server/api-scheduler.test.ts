// The server's own background cycle (client credentials, as "systeem"): with a one-second
// interval it picks up the trainers' answers without anyone calling /api/sync, and a server
// whose clock is fifteen days ahead lets the unconfirmed holds lapse.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { respondToEvent } from '@workshopplanner/m365-sandbox';
import { eveningSlots, FIXED_TODAY } from '../../support/planning.js';
import { expectStatus, startApiStack, type ApiStack } from './api-harness.js';
import { clockAt, startTestServer, type TestServer } from './server-harness.js';

const DAY = 24 * 60 * 60 * 1000;

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack({
    today: FIXED_TODAY,
    server: { env: { SYNC_INTERVAL_SECONDS: '1' } },
  });
});
afterAll(async () => stack?.close());

async function proposedSignup(cbsCode: string, domain: string, weeksAhead: number) {
  const registered = expectStatus(
    await stack.as('sanne.devries', '/api/signups', {
      method: 'POST',
      body: {
        cbsCode,
        contact: { name: 'Kabinet', email: `burgemeester@${domain}` },
        preferences: eveningSlots(FIXED_TODAY, weeksAhead),
        scanStatus: 'onbekend',
      },
    }),
    201,
  );
  const id: string = registered.body.signup.id;
  return expectStatus(
    await stack.as('sanne.devries', `/api/signups/${id}/propose`, {
      method: 'POST',
      body: { berenschot: 'marieke.vandijk@berenschot.nl', riec: 'fatima.amrani@riec.nl' },
    }),
    200,
  ).body;
}

/** Polls `read` until `done` holds, for at most `ms`. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    value = await read();
  }
  return value;
}

describe('the maintenance scheduler', () => {
  it('records the trainers’ answers within a few intervals, without a call to /api/sync', async () => {
    const signup = await proposedSignup('GM0392', 'haarlem.nl', 3);
    const eventId = signup.options[0].eventId as string;
    respondToEvent(stack.sandbox.ctx, 'marieke.vandijk@berenschot.nl', eventId, 'accept');
    respondToEvent(stack.sandbox.ctx, 'fatima.amrani@riec.nl', eventId, 'decline');
    const read = async () =>
      expectStatus(await stack.as('sanne.devries', `/api/signups/${signup.id}`), 200).body;
    const after = await eventually(read, (view) => view.options[0].answers.riec !== 'none');
    expect(after.options[0].answers).toMatchObject({
      berenschot: 'accepted',
      riec: 'declined',
    });
    const syncCalls = stack.server.logs.filter((line) => line.includes('"/api/sync"'));
    expect(syncCalls).toEqual([]);
  });

  it('follows the mayor’s office’s decline of a confirmed workshop without a call to /api/sync (README step 7)', async () => {
    const signup = await proposedSignup('GM0377', 'bloemendaal.nl', 5);
    const eventId = signup.options[0].eventId as string;
    respondToEvent(stack.sandbox.ctx, 'marieke.vandijk@berenschot.nl', eventId, 'accept');
    respondToEvent(stack.sandbox.ctx, 'fatima.amrani@riec.nl', eventId, 'accept');
    const read = async () =>
      expectStatus(await stack.as('sanne.devries', `/api/signups/${signup.id}`), 200).body;
    await eventually(
      read,
      (view) => view.options[0].answers.riec === 'accepted' && !view.pendingOperation,
    );
    const confirmed = expectStatus(
      await stack.as('sanne.devries', `/api/signups/${signup.id}/confirm`, {
        method: 'POST',
        body: { slotIndex: 0 },
      }),
      200,
    ).body;
    expect(confirmed.status).toBe('bevestigd');
    const finalId = (confirmed.options as { slotIndex: number; eventId: string }[]).find(
      (o) => o.slotIndex === 0,
    )?.eventId as string;
    respondToEvent(
      stack.sandbox.ctx,
      'burgemeester@bloemendaal.nl',
      finalId,
      'decline',
      'extra raadsvergadering; graag een andere datum',
    );
    const row = async () =>
      (
        expectStatus(await stack.as('sanne.devries', '/api/municipalities'), 200).body as {
          municipalities: { cbsCode: string; signup: { needsAction: string | null } | null }[];
        }
      ).municipalities.find((m) => m.cbsCode === 'GM0377');
    const after = await eventually(row, (m) => m?.signup?.needsAction === 'municipality_declined');
    expect(after?.signup?.needsAction).toBe('municipality_declined');
    const syncCalls = stack.server.logs.filter((line) => line.includes('"/api/sync"'));
    expect(syncCalls).toEqual([]);
  });

  it('lets holds lapse once their term has passed (a server fifteen days ahead)', async () => {
    const signup = await proposedSignup('GM0453', 'velsen.nl', 4);
    let ahead: TestServer | undefined;
    try {
      ahead = await startTestServer(stack.sandbox, {
        clock: clockAt(() => new Date(stack.sandbox.ctx.clock.now().getTime() + 15 * DAY)),
        env: { SYNC_INTERVAL_SECONDS: '1' },
      });
      const read = async () =>
        expectStatus(await stack.as('sanne.devries', `/api/signups/${signup.id}`), 200).body;
      // The new status is written first (the intent), the log line after it: wait for both.
      const after = await eventually(
        read,
        (view) => view.status === 'nieuwe_data_nodig' && !view.pendingOperation,
      );
      expect(after.pendingOperation).toBe(false);
      expect(after.status).toBe('nieuwe_data_nodig');
      expect(after.options.every((o: { hold: string }) => o.hold === 'released')).toBe(true);
      const log = expectStatus(
        await stack.as('sanne.devries', `/api/signups/${signup.id}/log`),
        200,
      ).body;
      expect(log.entries.at(-1)).toMatchObject({
        action: 'expire',
        to: 'nieuwe_data_nodig',
        by: 'systeem',
      });
      // The run logs its report once it has finished (after the sync that follows the expiry).
      const server = ahead;
      const reported = await eventually(
        async () => server.logs.some((line) => line.includes('"msg":"maintenance run"')),
        (found) => found,
      );
      expect(reported).toBe(true);
    } finally {
      await ahead?.close();
    }
  });
});
