// Reminders to municipalities that have not signed up (issue 13, items 3 and 7), through the API
// against the sandbox on the fixed clock: previewed and sent from the account holder's mailbox,
// landing in the griffie's external mailbox exactly once — under 20% injected 429/503, and when
// a run is cut off between sending and logging (the background cycle finishes it after looking
// in Sent Items); bad input and other RIECs' municipalities are refused in Dutch with nothing
// sent; a trainer and a partner-tenant user are refused.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listMailbox } from '@workshopplanner/m365-sandbox';
import { SYSTEM_ACCESS } from '../../../src/app/access.js';
import { sendReminders } from '../../../src/app/reminders.js';
import { runMaintenance } from '../../../src/app/run-maintenance.js';
import type { ReminderGateway } from '../../../src/domain/ports.js';
import { accountHolder, eveningSlots } from '../../support/planning.js';
import {
  expectStatus,
  FIXED_TODAY,
  graphWritesSince,
  startApiStack,
  type ApiStack,
} from './api-harness.js';
import { apiToken, call, expectProblem, type CallOptions } from './server-harness.js';

const SANNE = 'sanne.devries';
const MOHAMED = 'mohamed.elidrissi';
const TRAINER = 'fatima.amrani';
const PARTNER = 'marieke.vandijk';
const DEMO = 'weerbaarheid-demo';
const TEMPLATE =
  'Geachte griffier,\n\n{gemeente} heeft zich nog niet aangemeld. Aanmelden kan tot en met {deadline}.';

let stack: ApiStack;

const tokens = new Map<string, string>();

/**
 * A request as `upn`. The token is fetched with a retry: a connection the sandbox reset on a busy
 * machine (ECONNRESET) must not fail the whole file through a cached rejected token.
 */
async function as(upn: string, path: string, options: Omit<CallOptions, 'token'> = {}) {
  let token = tokens.get(upn);
  for (let attempt = 0; !token; attempt++) {
    try {
      token = await apiToken(stack.sandbox, upn);
      tokens.set(upn, token);
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return call(stack.server, path, { ...options, token });
}

const control = { 'content-type': 'application/json', 'x-sandbox-control': '1' };

async function setFaults(body: Record<string, unknown>): Promise<void> {
  await fetch(`${stack.sandbox.urls.https}/_sandbox/faults`, {
    method: 'PUT',
    headers: control,
    body: JSON.stringify(body),
  });
}

/** Moves the sandbox clock (and so the server's) on by `ms`. */
async function advanceClock(ms: number): Promise<void> {
  const now = stack.sandbox.ctx.clock.now().getTime() + ms;
  const answer = await fetch(`${stack.sandbox.urls.https}/_sandbox/clock`, {
    method: 'PUT',
    headers: control,
    body: JSON.stringify({ now: new Date(now).toISOString() }),
  });
  expect(answer.status).toBe(200);
}

function inbox(address: string) {
  return listMailbox(stack.sandbox.ctx, address).filter((m) =>
    m.message.subject.startsWith('Herinnering'),
  );
}

function send(recipients: { cbsCode: string; address: string }[], template = TEMPLATE) {
  return as(SANNE, `/api/campaigns/${DEMO}/reminders`, {
    method: 'POST',
    body: { template, recipients },
  });
}

interface Result {
  cbsCode: string;
  result: string;
}

async function cycle() {
  return runMaintenance(stack.planning.context(SYSTEM_ACCESS), { sync: false });
}

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
}, 120_000);
afterAll(async () => stack?.close());

describe('the overview', () => {
  it('lists the account holder’s own municipalities with the griffie’s address, none due yet', async () => {
    const result = expectStatus(await as(SANNE, `/api/campaigns/${DEMO}/reminders`), 200);
    const rows = result.body.municipalities as {
      cbsCode: string;
      riec: string;
      defaultAddress: string;
      dueSince: string | null;
      lastSentAt: string | null;
    }[];
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.every((row) => row.riec === 'RIEC Noord-Holland')).toBe(true);
    expect(rows.find((row) => row.cbsCode === 'GM0361')).toMatchObject({
      defaultAddress: 'griffie@alkmaar.nl',
      lastSentAt: null,
      // Deadline 29 September, reminders 14 and 3 days before: none due on 1 September.
      dueSince: null,
    });
    expect(result.body.template).toMatch(/\{deadline\}/);
  });
});

describe('bad input', () => {
  it('refuses an empty template, an address that is not an e-mail and an empty selection in Dutch, and sends nothing', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const empty = await send([{ cbsCode: 'GM0361', address: 'griffie@alkmaar.nl' }], '  ');
    expectProblem(empty, 422, 'DOMAIN_RULE_VIOLATED');
    expect(JSON.stringify(empty.body)).toMatch(/Vul de tekst van de herinnering in/);
    const address = await send([{ cbsCode: 'GM0361', address: 'griffie at alkmaar' }]);
    expectProblem(address, 422, 'DOMAIN_RULE_VIOLATED');
    expect(JSON.stringify(address.body)).toMatch(/is geen e-mailadres/);
    expectProblem(await send([]), 422, 'DOMAIN_RULE_VIOLATED');
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
    expect(inbox('griffie@alkmaar.nl')).toEqual([]);
  });

  it('refuses a selection with another RIEC’s municipality in Dutch, and sends nothing', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const result = await send([
      { cbsCode: 'GM0361', address: 'griffie@alkmaar.nl' },
      { cbsCode: 'GM0358', address: 'griffie@aalsmeer.nl' },
    ]);
    expectProblem(result, 403, 'FORBIDDEN');
    expect(result.body.detail).toMatch(/eigen RIEC/);
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
    expect(inbox('griffie@alkmaar.nl')).toEqual([]);
    expect(inbox('griffie@aalsmeer.nl')).toEqual([]);
  });

  it('refuses a trainer and a partner-tenant user; another RIEC’s account holder sees only their own', async () => {
    const body = {
      template: TEMPLATE,
      recipients: [{ cbsCode: 'GM0361', address: 'griffie@alkmaar.nl' }],
    };
    for (const who of [TRAINER, PARTNER]) {
      expectProblem(
        await as(who, `/api/campaigns/${DEMO}/reminders`, { method: 'POST', body }),
        403,
        'FORBIDDEN',
      );
      expectProblem(await as(who, `/api/campaigns/${DEMO}/reminders`), 403, 'FORBIDDEN');
    }
    const refused = await as(MOHAMED, `/api/campaigns/${DEMO}/reminders`, {
      method: 'POST',
      body,
    });
    expectProblem(refused, 403, 'FORBIDDEN');
    const own = expectStatus(await as(MOHAMED, `/api/campaigns/${DEMO}/reminders`), 200);
    const codes = (own.body.municipalities as { cbsCode: string }[]).map((r) => r.cbsCode);
    expect(codes).toContain('GM0358');
    expect(codes).not.toContain('GM0361');
    expect(inbox('griffie@alkmaar.nl')).toEqual([]);
  });
});

describe('preview and send', () => {
  it('previews the Dutch text with the deadline and how to sign up, sending nothing', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const result = expectStatus(
      await as(SANNE, `/api/campaigns/${DEMO}/reminders/preview`, {
        method: 'POST',
        body: {
          template: TEMPLATE,
          recipients: [{ cbsCode: 'GM0373', address: 'kabinet@bergen-nh.nl' }],
        },
      }),
      200,
    );
    const [preview] = result.body.previews as { subject: string; text: string; address: string }[];
    expect(preview!.address).toBe('kabinet@bergen-nh.nl');
    expect(preview!.text).toMatch(/^Geachte griffier,\n\nBergen heeft zich nog niet aangemeld/);
    expect(preview!.text).toMatch(/tot en met dinsdag 29 september 2026/);
    expect(preview!.text).toMatch(/beantwoord deze e-mail/);
    expect(preview!.subject).toMatch(/^Herinnering/);
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  });

  it('sends each reminder exactly once under 20% injected 429/503, and a repeat the same day sends nothing', async () => {
    const selection = [
      { cbsCode: 'GM0375', address: 'griffie@beverwijk.nl' },
      { cbsCode: 'GM0377', address: 'griffie@bloemendaal.nl' },
      { cbsCode: 'GM0383', address: 'griffie@castricum.nl' },
      { cbsCode: 'GM0400', address: 'griffie@denhelder.nl' },
      { cbsCode: 'GM1980', address: 'griffie@dijkenwaard.nl' },
      { cbsCode: 'GM0498', address: 'griffie@drechterland.nl' },
      { cbsCode: 'GM0385', address: 'griffie@edam-volendam.nl' },
      { cbsCode: 'GM0388', address: 'griffie@enkhuizen.nl' },
    ];
    await setFaults({ rate429: 0.1, rate503: 0.1, retryAfterSeconds: 0, seed: 13 });
    try {
      // The tab sends again what did not go through; a reminder in flight is not sent twice.
      for (let attempt = 0; attempt < 6; attempt++) {
        const result = await send(selection);
        if (result.status !== 200) continue;
        const results = result.body.results as Result[];
        if (results.every((r) => r.result === 'sent' || r.result === 'alreadySent')) break;
      }
      const faults = (await (
        await fetch(`${stack.sandbox.urls.https}/_sandbox/faults`)
      ).json()) as {
        injected: { throttled: number; unavailable: number };
      };
      expect(faults.injected.throttled + faults.injected.unavailable).toBeGreaterThan(3);
    } finally {
      await setFaults({ rate429: 0, rate503: 0 });
    }
    // Whatever was cut off is finished by the cycle once its claim is stale.
    await advanceClock(3 * 60 * 1000);
    await cycle();
    for (const { address } of selection) expect(inbox(address)).toHaveLength(1);

    const again = expectStatus(await send(selection), 200);
    expect((again.body.results as Result[]).map((r) => r.result)).toEqual(
      selection.map(() => 'alreadySent'),
    );
    for (const { address } of selection) expect(inbox(address)).toHaveLength(1);

    const overview = expectStatus(await as(SANNE, `/api/campaigns/${DEMO}/reminders`), 200);
    const row = (
      overview.body.municipalities as {
        cbsCode: string;
        lastSentAt: string | null;
        lastSentTo: string | null;
        sentCount: number;
      }[]
    ).find((r) => r.cbsCode === 'GM0375');
    expect(row).toMatchObject({ lastSentTo: 'griffie@beverwijk.nl', sentCount: 1 });
    expect(row!.lastSentAt).not.toBeNull();
  });

  it('after a restart between sending and logging, the cycle logs it from Sent Items without sending again', async () => {
    const real = stack.planning.m365.reminders!;
    // The process dies right after Graph took the mail: the "sent" line is never written.
    const dying: ReminderGateway = {
      ...real,
      write: async (record) => {
        if (record.state === 'sent') throw new Error('process stopped');
        return real.write(record);
      },
    };
    const ctx = stack.planning.context(accountHolder(SANNE), {
      m365: { ...stack.planning.m365, reminders: dying },
    });
    const cut = await sendReminders(ctx, {
      campaignId: DEMO,
      template: TEMPLATE,
      recipients: [{ cbsCode: 'GM0392', address: 'griffie@haarlem.nl' }],
    });
    expect(cut.outcomes.map((o) => o.result)).toEqual(['failed']);
    expect(inbox('griffie@haarlem.nl')).toHaveLength(1);

    // A retry at once finds it in flight; the overview shows it pending.
    const retry = expectStatus(
      await send([{ cbsCode: 'GM0392', address: 'griffie@haarlem.nl' }]),
      200,
    );
    expect((retry.body.results as Result[])[0]!.result).toBe('inProgress');

    await advanceClock(3 * 60 * 1000);
    // Two cycles at once (an overlap): the reminder is finished once and sent by neither.
    const [a, b] = await Promise.all([cycle(), cycle()]);
    const finished = [...(a.remindersFinished ?? []), ...(b.remindersFinished ?? [])];
    expect(finished.filter((key) => key.includes('GM0392'))).toHaveLength(1);
    expect(inbox('griffie@haarlem.nl')).toHaveLength(1);

    const overview = expectStatus(await as(SANNE, `/api/campaigns/${DEMO}/reminders`), 200);
    expect(
      (
        overview.body.municipalities as { cbsCode: string; isPending: boolean; sentCount: number }[]
      ).find((r) => r.cbsCode === 'GM0392'),
    ).toMatchObject({ isPending: false, sentCount: 1 });
  });

  it('after a restart between the claim and the send, the cycle sends it once', async () => {
    const real = stack.planning.m365.reminders!;
    const dying: ReminderGateway = {
      ...real,
      send: async () => {
        throw new Error('process stopped');
      },
    };
    const ctx = stack.planning.context(accountHolder(SANNE), {
      m365: { ...stack.planning.m365, reminders: dying },
    });
    const cut = await sendReminders(ctx, {
      campaignId: DEMO,
      template: TEMPLATE,
      recipients: [{ cbsCode: 'GM0396', address: 'kabinet@heemskerk.nl' }],
    });
    expect(cut.outcomes.map((o) => o.result)).toEqual(['failed']);
    expect(inbox('kabinet@heemskerk.nl')).toHaveLength(0);
    await advanceClock(3 * 60 * 1000);
    await cycle();
    await cycle();
    const received = inbox('kabinet@heemskerk.nl');
    expect(received).toHaveLength(1);
    expect(received[0]!.message.body.content).toMatch(/Heemskerk heeft zich nog niet aangemeld/);
  });
});

describe('nudges and lapse notices in the cycle (issue 13, items 4 and 7)', () => {
  const PAIR = { berenschot: 'marieke.vandijk@berenschot.nl', riec: 'fatima.amrani@riec.nl' };
  const nudges = (address: string) =>
    listMailbox(stack.sandbox.ctx, address).filter((m) =>
      m.message.subject.startsWith('Herinnering: uw antwoord op de opties'),
    );
  const lapseNotices = () =>
    listMailbox(stack.sandbox.ctx, 'sanne.devries@riec.nl').filter((m) =>
      /^Opties voor Uitgeest vervallen/.test(m.message.subject),
    );
  /** The cycle as the app, `days` after now (the lease's instance clock, as in maintenance-cycle). */
  const cycleAt = (at: number) =>
    runMaintenance(stack.planning.context(SYSTEM_ACCESS, { now: () => new Date(at) }), {
      sync: false,
    });

  it('nudges each trainer who has not answered once after 3 days, and tells the account holder once that holds lapse within 2 days', async () => {
    const registered = expectStatus(
      await as(SANNE, '/api/signups', {
        method: 'POST',
        body: {
          cbsCode: 'GM0450',
          contact: { name: 'Kabinet van de burgemeester', email: 'burgemeester@uitgeest.nl' },
          preferences: eveningSlots(FIXED_TODAY, 5),
          scanStatus: 'onbekend',
        },
      }),
      201,
    );
    expectStatus(
      await as(SANNE, `/api/signups/${registered.body.signup.id}/propose`, {
        method: 'POST',
        body: PAIR,
      }),
      200,
    );
    const start = stack.sandbox.ctx.clock.now().getTime();
    const day = 24 * 60 * 60 * 1000;
    await cycleAt(start + 2 * day);
    expect(nudges(PAIR.berenschot)).toHaveLength(0);

    // Two cycles overlapping, then a third: one nudge per trainer.
    await Promise.all([cycleAt(start + 3 * day + 60_000), cycleAt(start + 3 * day + 60_000)]);
    await cycleAt(start + 4 * day);
    expect(nudges(PAIR.berenschot)).toHaveLength(1);
    expect(nudges(PAIR.riec)).toHaveLength(1);
    expect(nudges(PAIR.riec)[0]!.message.body.content).toMatch(/Uitgeest/);
    expect(lapseNotices()).toHaveLength(0);

    // The holds lapse 14 days after they were placed: announced from 12 days on, once.
    await cycleAt(start + 12 * day + 3_600_000);
    await cycleAt(start + 13 * day);
    expect(lapseNotices()).toHaveLength(1);
    expect(nudges(PAIR.berenschot)).toHaveLength(1);
  });

  it('nudges after the edition’s nudgeAfterDays when the coordinator changed it (issue 13, item 4)', async () => {
    const edition = expectStatus(await as('pieter.bakker', `/api/campaigns/${DEMO}`), 200).body as {
      version: string;
      settings: Record<string, unknown>;
    };
    expectStatus(
      await as('pieter.bakker', `/api/campaigns/${DEMO}`, {
        method: 'PUT',
        body: {
          version: edition.version,
          isCurrent: true,
          settings: { ...edition.settings, nudgeAfterDays: 5 },
        },
      }),
      200,
    );
    const registered = expectStatus(
      await as(SANNE, '/api/signups', {
        method: 'POST',
        body: {
          cbsCode: 'GM0397',
          contact: { name: 'Kabinet van de burgemeester', email: 'burgemeester@heemstede.nl' },
          preferences: eveningSlots(FIXED_TODAY, 6),
          scanStatus: 'onbekend',
        },
      }),
      201,
    );
    expectStatus(
      await as(SANNE, `/api/signups/${registered.body.signup.id}/propose`, {
        method: 'POST',
        body: PAIR,
      }),
      200,
    );
    const heemstede = () =>
      nudges(PAIR.berenschot).filter((m) => /Heemstede/.test(m.message.subject));
    const start = stack.sandbox.ctx.clock.now().getTime();
    const day = 24 * 60 * 60 * 1000;
    await cycleAt(start + 3 * day + 60_000);
    await cycleAt(start + 4 * day + 60_000);
    expect(heemstede()).toHaveLength(0);
    await cycleAt(start + 5 * day + 60_000);
    await cycleAt(start + 5 * day + 120_000);
    expect(heemstede()).toHaveLength(1);
  });
});
