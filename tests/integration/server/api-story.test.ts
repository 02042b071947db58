// The whole story through the API as Sanne de Vries (account holder, RIEC Noord-Holland), with
// her real token: the server exchanges it on behalf of her (msal over HTTPS against the
// sandbox) and Graph does the work in her own calendar. Trainers answer in the sandbox. The
// story is one test with named steps: each needs the one before, so a failing step stops it
// there and names it (issue 17, item 10); the add-in's mails stand alone.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { readMail, runExtractSlots } from '../../../src/cli/extract-slots.js';
import { respondToEvent } from '@workshopplanner/m365-sandbox';
import { eveningSlots, FIXED_TODAY } from '../../support/planning.js';
import { step } from '../../support/step.js';
import { appToken, graph } from '../../support/sandbox.js';
import { expectStatus, graphWritesSince, startApiStack, type ApiStack } from './api-harness.js';

const SANNE = 'sanne.devries';
const MARIEKE = 'marieke.vandijk@berenschot.nl';
const FATIMA = 'fatima.amrani@riec.nl';
const mayor = { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' };

let stack: ApiStack;
let id: string;
let slots: { start: string; end: string }[];
/** The option both trainers accept: one where Fatima's calendar is free. */
let chosen: number;

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  slots = eveningSlots(FIXED_TODAY);
});
afterAll(async () => stack?.close());

function registration() {
  return {
    cbsCode: 'GM0392',
    contact: mayor,
    preferences: slots,
    scanStatus: 'gedaan',
    remarks: 'Graag in de raadzaal.',
  };
}

describe('the sign-up mail in the add-in', () => {
  it.each([
    '01-haarlem-griffie-formeel',
    '04-amstelveen-html-outlook',
    '12-den-helder-zo-snel-mogelijk',
  ])('extractSlots answers exactly what the CLI prints (%s)', async (name) => {
    const bytes = readFileSync(`tests/fixtures/mails/${name}.eml`);
    const { mail } = await readMail(bytes);
    let printed = '';
    const io = {
      stdin: (async function* () {
        yield bytes;
      })(),
      stdout: { write: (text: string) => (printed += text) },
      stderr: { write: () => true },
    };
    expect(await runExtractSlots(['--received', '2022-05-10'], io)).toBe(0);
    const result = expectStatus(
      await stack.as(SANNE, '/api/extract-slots', {
        method: 'POST',
        body: { ...mail, receivedAt: '2022-05-10' },
      }),
      200,
    );
    expect(result.body).toEqual(JSON.parse(printed));
  });
});

describe('Sanne plans Haarlem from sign-up to confirmation', () => {
  it('goes from the dashboard to a cancelled workshop, step by step', async () => {
    await step(
      'sees Haarlem on the dashboard without a sign-up, and the days to the deadline',
      async () => {
        const result = expectStatus(await stack.as(SANNE, '/api/municipalities'), 200);
        expect(result.body.daysToDeadline).toBe(28);
        expect(result.body.isSignupOpen).toBe(true);
        const riecs = new Set(result.body.municipalities.map((m: { riec: string }) => m.riec));
        expect([...riecs]).toEqual(['RIEC Noord-Holland']);
        const haarlem = result.body.municipalities.find(
          (m: { cbsCode: string }) => m.cbsCode === 'GM0392',
        );
        expect(haarlem).toMatchObject({
          name: 'Haarlem',
          domain: 'haarlem.nl',
          riec: 'RIEC Noord-Holland',
          signup: null,
        });
      },
    );

    await step(
      'checks the trainers’ availability for the three evenings; writes nothing',
      async () => {
        const since = stack.sandbox.ctx.requestLog.lastSeq;
        const result = expectStatus(
          await stack.as(SANNE, '/api/availability', {
            method: 'POST',
            body: { slots, cbsCode: 'GM0392' },
          }),
          200,
        );
        expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
        expect(result.body.municipality).toEqual({
          cbsCode: 'GM0392',
          name: 'Haarlem',
          riec: 'RIEC Noord-Holland',
        });
        expect(result.body.slots.map((s: { slotIndex: number }) => s.slotIndex)).toEqual([0, 1, 2]);
        expect(result.body.slots[0]).not.toHaveProperty('label');
        const marieke = result.body.trainers.find(
          (t: { trainer: { email: string } }) => t.trainer.email === MARIEKE,
        );
        // Berenschot's calendars sit in another tenant: not visible, so unknown — never free.
        expect(marieke.visible).toBe(false);
        expect(marieke.availability.map((a: { availability: string }) => a.availability)).toEqual([
          'unknown',
          'unknown',
          'unknown',
        ]);
        const fatima = result.body.trainers.find(
          (t: { trainer: { email: string } }) => t.trainer.email === FATIMA,
        );
        expect(fatima.visible).toBe(true);
        chosen = fatima.availability.findIndex(
          (a: { availability: string }) => a.availability === 'free',
        );
        expect(chosen).toBeGreaterThanOrEqual(0);
        // Six Berenschot advisors × the three RIEC advisors of Haarlem's RIEC (Noord-Holland).
        expect(result.body.pairs).toHaveLength(6 * 3);
        expect(result.body.pairs[0].rank).toBe(1);
        expect(result.body.pairs[0].reason).toMatch(/^optie 1: /);
      },
    );

    await step(
      'registers the sign-up (201, aangemeld) as herself, on her behalf in SharePoint',
      async () => {
        const result = expectStatus(
          await stack.as(SANNE, '/api/signups', { method: 'POST', body: registration() }),
          201,
        );
        const view = result.body.signup;
        id = view.id;
        expect(result.headers.get('location')).toBe(`/api/signups/${id}`);
        expect(view).toMatchObject({
          status: 'aangemeld',
          municipality: { cbsCode: 'GM0392', name: 'Haarlem', domain: 'haarlem.nl' },
          riec: 'RIEC Noord-Holland',
          accountHolder: { email: 'sanne.devries@riec.nl' },
          contact: mayor,
          scanStatus: 'gedaan',
          pair: null,
          options: [],
          allowedActions: ['propose', 'edit', 'cancel'],
          userActions: ['propose', 'cancel', 'edit'],
          confirmableSlots: [],
          pendingOperation: false,
        });
        expect(view.preferences).toHaveLength(3);
        expect(Array.isArray(result.body.warnings)).toBe(true);
        // Written with the app's identity (users hold no right on the site); the item names her.
        const item = await graph(
          stack.sandbox,
          await appToken(stack.sandbox),
          'GET',
          `/sites/root/lists/Workshopaanmeldingen/items/${id}?expand=fields`,
        );
        expect(item.body.createdBy.application.displayName).toBe('Workshopplanner');
        expect(item.body.fields.Accounthouder).toBe('sanne.devries@riec.nl');
      },
    );

    await step(
      'answers a repeated registration (lost connection) with the same sign-up',
      async () => {
        const since = stack.sandbox.ctx.requestLog.lastSeq;
        const again = expectStatus(
          await stack.as(SANNE, '/api/signups', { method: 'POST', body: registration() }),
          201,
        );
        expect(again.body.signup.id).toBe(id);
        expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
        // Other dates for the same municipality are a second sign-up: refused.
        const other = await stack.as(SANNE, '/api/signups', {
          method: 'POST',
          body: { ...registration(), preferences: eveningSlots(FIXED_TODAY, 5) },
        });
        expect(other.status).toBe(409);
        expect(other.body.errors[0].code).toBe('ALREADY_SIGNED_UP');
        // Named, and linked: the problem carries the sign-up that exists (issue 18).
        expect(other.body.errors[0].signupId).toBe(id);
        expect(other.body.detail).toMatch(/^Gemeente Haarlem is al aangemeld/);
      },
    );

    await step('refuses invalid sign-ups with 422 and a Dutch message per field', async () => {
      const result = await stack.as(SANNE, '/api/signups', {
        method: 'POST',
        body: {
          ...registration(),
          cbsCode: 'GM0362', // Amsterdam is RIEC Amsterdam-Amstelland's
        },
      });
      expect(result.status).toBe(403);
      // At the municipality field, saying what to do: not "ask for a role" (issue 18).
      expect(result.body.errors).toEqual([
        {
          field: 'cbsCode',
          code: 'MUNICIPALITY_OTHER_RIEC',
          message: expect.stringContaining('Kies een gemeente van uw eigen RIEC'),
        },
      ]);
      const invalid = await stack.as(SANNE, '/api/signups', {
        method: 'POST',
        body: {
          ...registration(),
          cbsCode: 'GM9999',
          contact: { name: ' ', email: 'geen-adres' },
          preferences: [slots[0], { start: slots[1]!.end, end: slots[1]!.start }],
        },
      });
      expect(invalid.status).toBe(422);
      expect(invalid.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const fields = Object.fromEntries(
        invalid.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]),
      );
      expect(Object.keys(fields)).toEqual(
        expect.arrayContaining([
          'cbsCode',
          'contact.name',
          'contact.email',
          'preferences',
          'preferences.1.end',
        ]),
      );
      expect(fields['contact.email']).toMatch(/e-mailadres/i);
    });

    await step(
      'places the three holds with Marieke and Fatima; a repeat is 200, another pair 409',
      async () => {
        const body = { berenschot: MARIEKE, riec: FATIMA };
        const path = `/api/signups/${id}/propose`;
        const before = stack.sandbox.ctx.requestLog.lastSeq;
        const result = expectStatus(await stack.as(SANNE, path, { method: 'POST', body }), 200);
        // The first attempt writes: three events, the item (twice) and the log line.
        const writes = graphWritesSince(stack.sandbox, before).map((w) => w.method);
        expect(writes.filter((m) => m === 'POST').length).toBeGreaterThanOrEqual(4);
        expect(writes).toContain('PATCH');
        expect(result.body).toMatchObject({
          status: 'opties_geplaatst',
          pair: { berenschot: { email: MARIEKE }, riec: { email: FATIMA } },
          allowedActions: [
            'recordHoldIds',
            'recordAnswers',
            'confirm',
            'newDates',
            'edit',
            'cancel',
          ],
          userActions: ['confirm', 'cancel', 'newDates', 'edit'],
        });
        expect(
          result.body.options.map((o: { eventId: string | null }) => Boolean(o.eventId)),
        ).toEqual([true, true, true]);
        expect(result.body.confirmableSlots).toEqual([
          { slotIndex: 0, needsOverride: true },
          { slotIndex: 1, needsOverride: true },
          { slotIndex: 2, needsOverride: true },
        ]);
        expect(result.body.lapsesAt).not.toBeNull();

        const since = stack.sandbox.ctx.requestLog.lastSeq;
        const repeated = expectStatus(await stack.as(SANNE, path, { method: 'POST', body }), 200);
        expect(repeated.body.options).toEqual(result.body.options);
        expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
        const otherPair = await stack.as(SANNE, path, {
          method: 'POST',
          body: { berenschot: 'thomas.kok@berenschot.nl', riec: FATIMA },
        });
        expect(otherPair.status).toBe(409);
      },
    );

    await step('syncs the trainers’ answers from her calendar on request', async () => {
      const view = expectStatus(await stack.as(SANNE, `/api/signups/${id}`), 200).body;
      const eventOf = (slotIndex: number) =>
        view.options.find((o: { slotIndex: number }) => o.slotIndex === slotIndex).eventId;
      respondToEvent(stack.sandbox.ctx, MARIEKE, eventOf(chosen), 'accept');
      respondToEvent(stack.sandbox.ctx, FATIMA, eventOf(chosen), 'accept');
      const declined = (chosen + 1) % 3;
      respondToEvent(stack.sandbox.ctx, FATIMA, eventOf(declined), 'decline');

      const sync = expectStatus(await stack.as(SANNE, '/api/sync', { method: 'POST' }), 200);
      expect(sync.body.organizer).toBe('sanne.devries@riec.nl');
      expect(sync.body.updated).toEqual([id]);
      expect(sync.body.failed).toEqual([]);
      const synced = sync.body.signups[0];
      expect(synced.options[chosen].answers).toEqual({
        berenschot: 'accepted',
        riec: 'accepted',
      });
      expect(synced.options[declined].answers.riec).toBe('declined');
      expect(synced.options[declined].isLive).toBe(false);
      expect(synced.confirmableSlots).toContainEqual({ slotIndex: chosen, needsOverride: false });
      expect(synced.confirmableSlots.map((s: { slotIndex: number }) => s.slotIndex)).not.toContain(
        declined,
      );

      const dashboard = expectStatus(await stack.as(SANNE, '/api/municipalities'), 200).body;
      const haarlem = dashboard.municipalities.find(
        (m: { cbsCode: string }) => m.cbsCode === 'GM0392',
      );
      expect(haarlem.signup).toMatchObject({
        id,
        status: 'opties_geplaatst',
        needsAction: 'both_accepted',
        answers: { accepted: 2, declined: 1, tentativelyAccepted: 0, pending: 3 },
        confirmedSlot: null,
      });
    });

    await step('answers in codes, not words, whatever language the caller prefers', async () => {
      const result = expectStatus(
        await stack.as(SANNE, `/api/signups/${id}`, { headers: { 'accept-language': 'en-US' } }),
        200,
      );
      expect(result.body.status).toBe('opties_geplaatst');
      expect(result.body).not.toHaveProperty('statusLabel');
      expect(result.body.options[chosen].answers.riec).toBe('accepted');
    });

    await step(
      'confirms the option both accepted; a repeat is 200 and changes nothing',
      async () => {
        const path = `/api/signups/${id}/confirm`;
        const result = expectStatus(
          await stack.as(SANNE, path, { method: 'POST', body: { slotIndex: chosen } }),
          200,
        );
        expect(result.body).toMatchObject({
          status: 'bevestigd',
          confirmedSlot: { slotIndex: chosen },
          allowedActions: ['recordHoldIds', 'recordAnswers', 'newDates', 'edit', 'cancel'],
          userActions: ['cancel', 'newDates', 'edit'],
          confirmableSlots: [],
        });
        expect(Date.parse(result.body.confirmedSlot.start)).toBe(Date.parse(slots[chosen]!.start));
        expect(
          result.body.options.map((o: { hold: string; isConfirmed: boolean }) => [
            o.hold,
            o.isConfirmed,
          ]),
        ).toEqual([0, 1, 2].map((i) => (i === chosen ? ['finalized', true] : ['released', false])));

        const since = stack.sandbox.ctx.requestLog.lastSeq;
        const repeated = expectStatus(
          await stack.as(SANNE, path, { method: 'POST', body: { slotIndex: chosen } }),
          200,
        );
        expect(repeated.body.status).toBe('bevestigd');
        expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
        const otherSlot = await stack.as(SANNE, path, {
          method: 'POST',
          body: { slotIndex: (chosen + 2) % 3, override: { reason: 'telefonisch afgesproken' } },
        });
        expect(otherSlot.status).toBe(409);
      },
    );

    await step(
      'shows the log: registered, options placed, each trainer’s answer, confirmed — by Sanne',
      async () => {
        const result = expectStatus(await stack.as(SANNE, `/api/signups/${id}/log`), 200);
        expect(result.body.signupId).toBe(id);
        type Entry = { action: string; from: string; to: string; by: string; detail: string };
        const entries = result.body.entries as Entry[];
        const steps = entries.filter((e) => e.action !== 'recordAnswers');
        expect(steps.map((e) => [e.action, e.to, e.by])).toEqual([
          ['register', 'aangemeld', 'sanne.devries@riec.nl'],
          ['propose', 'opties_geplaatst', 'sanne.devries@riec.nl'],
          ['confirm', 'bevestigd', 'sanne.devries@riec.nl'],
        ]);
        expect(steps[2]).toMatchObject({
          action: 'confirm',
          from: 'opties_geplaatst',
          to: 'bevestigd',
        });
        expect(steps[2]!.detail).toMatch(/^Optie \d bevestigd: /);
        // Both trainers' acceptances are in the log too, by the trainer, without a change of status.
        const answers = entries.filter((e) => e.action === 'recordAnswers');
        expect(answers.length).toBeGreaterThanOrEqual(2);
        expect(
          answers.every((e) => e.from === 'opties_geplaatst' && e.to === 'opties_geplaatst'),
        ).toBe(true);
      },
    );

    await step('lists the sign-up by RIEC and status (repeated or comma-separated)', async () => {
      const ids = async (query: string) =>
        expectStatus(await stack.as(SANNE, `/api/signups${query}`), 200).body.signups.map(
          (s: { id: string }) => s.id,
        );
      expect(await ids('')).toEqual([id]);
      expect(await ids('?status=bevestigd')).toEqual([id]);
      expect(await ids('?status=aangemeld')).toEqual([]);
      expect(await ids('?status=aangemeld,bevestigd')).toEqual([id]);
      expect(await ids('?status=aangemeld&status=bevestigd&riec=RIEC%20Noord-Holland')).toEqual([
        id,
      ]);
      const wrong = await stack.as(SANNE, '/api/signups?status=klaar');
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors[0].field).toMatch(/^query\.status/);
    });

    await step('cancels: the holds are released, a repeat is 200', async () => {
      const path = `/api/signups/${id}/cancel`;
      const blank = await stack.as(SANNE, path, { method: 'POST', body: { reason: '  ' } });
      expect(blank.status).toBe(422);
      expect(blank.body.errors[0]).toMatchObject({
        field: 'reason',
        code: 'CANCEL_REASON_REQUIRED',
      });
      const result = expectStatus(
        await stack.as(SANNE, path, { method: 'POST', body: { reason: 'Raad ontbonden' } }),
        200,
      );
      expect(result.body).toMatchObject({
        status: 'geannuleerd',
        allowedActions: [],
        userActions: [],
        confirmedSlot: null,
      });
      expect(result.body.options.every((o: { hold: string }) => o.hold === 'released')).toBe(true);
      const repeated = expectStatus(
        await stack.as(SANNE, path, { method: 'POST', body: { reason: 'Raad ontbonden' } }),
        200,
      );
      expect(repeated.body.status).toBe('geannuleerd');
    });
  }, 600_000);
});
