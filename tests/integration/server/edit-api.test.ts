// Editing a sign-up, other dates and the dry run over HTTP (issue 18, items 2 and 5), with each
// person's real token against the sandbox: the account holder edits and reschedules her own
// RIEC's sign-up; another RIEC's account holder, a trainer and a user of the partner tenant
// (Berenschot) are refused every new operation and write nothing; a stale version is a 409.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listMailbox } from '@workshopplanner/m365-sandbox';
import { DateTime } from 'luxon';
import { eveningSlots } from '../../support/planning.js';
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
const TRAINER = 'fatima.amrani';
const PARTNER = 'marieke.vandijk';
const PAIR = { berenschot: 'marieke.vandijk@berenschot.nl', riec: 'fatima.amrani@riec.nl' };

let stack: ApiStack;
let id: string;

const patch = (who: string, path: string, body: unknown) =>
  stack.as(who, path, { method: 'PATCH', body });
const post = (who: string, path: string, body: unknown) =>
  stack.as(who, path, { method: 'POST', body });
const read = async (who = SANNE) => expectStatus(await stack.as(who, `/api/signups/${id}`), 200);

/** A Saturday morning in the week of `eveningSlots(…, weeks)`: a warning, not an error. */
function saturday(weeks: number) {
  const first = DateTime.fromISO(eveningSlots(FIXED_TODAY, weeks)[0]!.start, {
    zone: 'Europe/Amsterdam',
  });
  const start = first.plus({ days: 4 }).set({ hour: 10, minute: 0 });
  return { start: start.toISO()!, end: start.plus({ hours: 3 }).toISO()! };
}

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
  const registered = expectStatus(
    await post(SANNE, '/api/signups', {
      cbsCode: 'GM0392',
      contact: { name: 'Kabinet', email: 'burgemeester@haarlem.nl' },
      preferences: eveningSlots(FIXED_TODAY, 3),
      scanStatus: 'onbekend',
    }),
    201,
  );
  id = registered.body.signup.id;
  expect(registered.body.signup.scan).toBeUndefined();
}, 120_000);
afterAll(async () => stack?.close());

describe('the dry run (POST /api/signups/check)', () => {
  it('gives the warnings of a registration before anything is saved, and writes nothing', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const slots = eveningSlots(FIXED_TODAY, 4);
    const result = expectStatus(
      await post(SANNE, '/api/signups/check', {
        cbsCode: 'GM0453',
        contact: { name: 'Kabinet', email: 'burgemeester@velsen.nl' },
        preferences: [slots[0], slots[1], saturday(4)],
        scanStatus: 'gedaan',
      }),
      200,
    );
    expect(result.body.warnings).toEqual([
      expect.objectContaining({
        code: 'SLOT_IN_WEEKEND',
        field: expect.stringMatching(/^preferences\.2/),
      }),
    ]);
    expect(result.body.warnings[0].message).toMatch(/weekend/);
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  });

  it('answers an error as the real call would: 422 at the field', async () => {
    const result = await post(SANNE, '/api/signups/check', {
      signupId: id,
      contact: { name: 'Kabinet', email: 'burgemeester at haarlem' },
    });
    expectProblem(result, 422, 'DOMAIN_RULE_VIOLATED');
    expect(result.body.errors).toEqual([
      expect.objectContaining({ field: 'contact.email', code: 'CONTACT_EMAIL_INVALID' }),
    ]);
  });
});

describe('editing (PATCH /api/signups/{id})', () => {
  it('changes the contact with the version the user saw and logs it', async () => {
    const before = await read();
    const result = expectStatus(
      await patch(SANNE, `/api/signups/${id}`, {
        eTag: before.body.eTag,
        contact: { name: 'J. de Boer', email: 'j.deboer@haarlem.nl' },
        remarks: 'Graag in de raadzaal',
      }),
      200,
    );
    expect(result.body.signup).toMatchObject({
      status: 'aangemeld',
      contact: { name: 'J. de Boer', email: 'j.deboer@haarlem.nl' },
      remarks: 'Graag in de raadzaal',
    });
    expect(result.body.signup.userActions).toEqual(expect.arrayContaining(['edit', 'cancel']));
    const log = expectStatus(await stack.as(SANNE, `/api/signups/${id}/log`), 200);
    const last = log.body.entries.at(-1);
    expect(last).toMatchObject({ action: 'edit', from: 'aangemeld', to: 'aangemeld' });
    expect(last.detail).toContain('e-mailadres burgemeester@haarlem.nl → j.deboer@haarlem.nl');
  });

  it('records the scan’s themes and date, each theme once, logs the change, and clears them (issue 14, item 3)', async () => {
    const before = await read();
    const result = expectStatus(
      await patch(SANNE, `/api/signups/${id}`, {
        eTag: before.body.eTag,
        scanStatus: 'gedaan',
        scan: {
          themes: ['integriteit', 'vastgoed', 'integriteit'],
          other: '  ondermijning in de haven ',
          scanDate: '2026-10-01',
        },
      }),
      200,
    );
    expect(result.body.signup.scan).toEqual({
      themes: ['vastgoed', 'integriteit'],
      other: 'ondermijning in de haven',
      scanDate: '2026-10-01',
    });
    expect((await read()).body.scan).toEqual(result.body.signup.scan);
    const log = expectStatus(await stack.as(SANNE, `/api/signups/${id}/log`), 200);
    expect(log.body.entries.at(-1).detail).toContain(
      'scan (leeg) → vastgoed, integriteit, "ondermijning in de haven"; 2026-10-01',
    );

    const cleared = expectStatus(
      await patch(SANNE, `/api/signups/${id}`, {
        eTag: result.body.signup.eTag,
        scan: { themes: [], other: '', scanDate: null },
      }),
      200,
    );
    expect(cleared.body.signup.scan).toBeUndefined();
  });

  it('refuses an unknown theme or a date that is not a date, in Dutch, and writes nothing', async () => {
    const before = await read();
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    for (const scan of [
      { themes: ['voetbal'], other: '', scanDate: null },
      { themes: [], other: '', scanDate: '1 oktober' },
    ]) {
      const refused = await patch(SANNE, `/api/signups/${id}`, { eTag: before.body.eTag, scan });
      expectProblem(refused, 400, 'VALIDATION_FAILED');
      expect(refused.body.detail).toBe(
        'Niet alle gegevens zijn goed ingevuld. Bekijk de meldingen per veld.',
      );
      expect(refused.body.errors[0].field).toMatch(/^scan\./);
    }
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  });

  it('answers a stale version with 409 in Dutch and writes nothing', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const result = await patch(SANNE, `/api/signups/${id}`, {
      eTag: '"00000000-0000-0000-0000-000000000000,1"',
      remarks: 'te laat',
    });
    expectProblem(result, 409, 'CONFLICT');
    expect(result.body.detail).toMatch(/intussen gewijzigd; er is niets veranderd/);
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
    expect((await read()).body.remarks).toBe('Graag in de raadzaal');
  });

  // Issue 10, finding 9: "a,b@velsen.nl" was stored, and a later cancel could not mail it.
  it('refuses two addresses in the contact field and control characters in the name, at the field', async () => {
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const before = (await read()).body;
    for (const email of ['a,b@velsen.nl', 'kabinet@velsen.nl; griffie@velsen.nl']) {
      const registration = await post(SANNE, '/api/signups', {
        cbsCode: 'GM0453',
        contact: { name: 'Kabinet', email },
        preferences: eveningSlots(FIXED_TODAY, 5),
        scanStatus: 'onbekend',
      });
      expectProblem(registration, 422, 'DOMAIN_RULE_VIOLATED');
      expect(registration.body.errors).toEqual([
        expect.objectContaining({ field: 'contact.email', code: 'CONTACT_EMAIL_INVALID' }),
      ]);
      const edit = await patch(SANNE, `/api/signups/${id}`, {
        eTag: before.eTag,
        contact: { name: 'Kabinet', email },
      });
      expectProblem(edit, 422, 'DOMAIN_RULE_VIOLATED');
    }
    const named = await patch(SANNE, `/api/signups/${id}`, {
      eTag: before.eTag,
      contact: { name: 'Kabinet\u0007\r\nBcc: x@example.nl', email: 'kabinet@haarlem.nl' },
    });
    expectProblem(named, 422, 'DOMAIN_RULE_VIOLATED');
    expect(named.body.errors).toEqual([
      expect.objectContaining({ field: 'contact.name', code: 'CONTACT_NAME_INVALID' }),
    ]);
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
    expect((await read()).body.contact).toEqual(before.contact);
  });
});

describe('who may edit', () => {
  it('refuses another RIEC’s account holder, a trainer and a partner-tenant user; nothing written', async () => {
    const { eTag } = (await read()).body;
    // Holds placed, so that the trainers can read the sign-up at all.
    expectStatus(await post(SANNE, `/api/signups/${id}/propose`, PAIR), 200);
    const placed = (await read()).body;
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const attempts = (who: string) => [
      patch(who, `/api/signups/${id}`, { eTag: placed.eTag, remarks: 'van mij' }),
      post(who, `/api/signups/${id}/new-dates`, {
        eTag: placed.eTag,
        preferences: eveningSlots(FIXED_TODAY, 6),
      }),
      post(who, '/api/signups/check', { signupId: id, remarks: 'x' }),
    ];
    // Another RIEC: the sign-up does not exist for him.
    for (const result of await Promise.all(attempts(MOHAMED))) {
      expectProblem(result, 404, 'NOT_FOUND');
    }
    for (const who of [TRAINER, PARTNER]) {
      for (const result of await Promise.all(attempts(who)))
        expectProblem(result, 403, 'FORBIDDEN');
    }
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
    expect(eTag).not.toBe(placed.eTag);
    expect((await read()).body.eTag).toBe(placed.eTag);
  });
});

describe('other dates (POST /api/signups/{id}/new-dates)', () => {
  it('refuses to edit the slots once holds exist, at the slots, and writes nothing', async () => {
    const placed = (await read()).body;
    expect(placed.status).toBe('opties_geplaatst');
    expect(placed.userActions).toEqual(expect.arrayContaining(['newDates', 'edit']));
    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const result = await patch(SANNE, `/api/signups/${id}`, {
      eTag: placed.eTag,
      preferences: eveningSlots(FIXED_TODAY, 6),
    });
    expectProblem(result, 422, 'DOMAIN_RULE_VIOLATED');
    expect(result.body.errors).toEqual([
      expect.objectContaining({ field: 'preferences', code: 'PREFERENCES_LOCKED' }),
    ]);
    expect(result.body.errors[0].message).toMatch(/Andere data/);
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
  });

  it('releases the holds, goes back to aangemeld and mails the municipality nothing', async () => {
    const placed = (await read()).body;
    const holds = placed.options.map((o: { eventId: string }) => o.eventId);
    expect(holds).toHaveLength(3);
    const mailsBefore = listMailbox(stack.sandbox.ctx, 'j.deboer@haarlem.nl').length;
    const newDates = [...eveningSlots(FIXED_TODAY, 6).slice(0, 2), saturday(6)];
    const result = expectStatus(
      await post(SANNE, `/api/signups/${id}/new-dates`, {
        eTag: placed.eTag,
        preferences: newDates,
        reason: 'extra raadsvergadering',
      }),
      200,
    );
    expect(result.body.signup).toMatchObject({
      status: 'aangemeld',
      options: [],
      pair: null,
      contact: { name: 'J. de Boer', email: 'j.deboer@haarlem.nl' },
    });
    expect(result.body.warnings).toEqual([expect.objectContaining({ code: 'SLOT_IN_WEEKEND' })]);
    expect(listMailbox(stack.sandbox.ctx, 'j.deboer@haarlem.nl')).toHaveLength(mailsBefore);
    const log = expectStatus(await stack.as(SANNE, `/api/signups/${id}/log`), 200);
    expect(log.body.entries.map((e: { action: string }) => e.action)).toEqual([
      'register',
      'edit',
      'edit', // the scan's themes recorded
      'edit', // and cleared
      'propose',
      'newDates',
    ]);
    // The trainers' copies are cancelled: the holds are gone from their calendars.
    const trainer = expectStatus(await stack.as(TRAINER, '/api/signups'), 200);
    expect(trainer.body.signups).toEqual([]);
  });
});
