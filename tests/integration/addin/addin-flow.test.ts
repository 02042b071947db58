// The add-in's flow functions (src/web/addin/flows) against the real API over HTTP, with real
// tokens from the sandbox, as the task panes run them: a sign-up mail from the fixtures goes
// through extractSlots, availability, register and propose; the holds exist in Microsoft 365;
// and a trainer's copy of a hold finds its sign-up the way the appointment surface does.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';
import { createApiClient } from '../../../src/web/common/api/api-client.js';
import { ConnectionLost } from '../../../src/web/common/api/api-errors.js';
import type { TRegisterSignupResponse } from '../../../src/web/common/api/api-types.js';
import { createAddinApi, type AddinApi } from '../../../src/web/addin/api/addin-api.js';
import {
  findAppointmentSignup,
  trainerRoleOf,
} from '../../../src/web/addin/flows/appointment-match.js';
import { toAvailabilityInput, toRegisterRequest } from '../../../src/web/addin/flows/mail-draft.js';
import type { MailFields } from '../../../src/web/addin/flows/mail-fields.js';
import {
  checkAvailability,
  choosePair,
  readSignupMail,
  registerAndPropose,
  type SubmitStep,
} from '../../../src/web/addin/flows/mail-flow.js';
import { eveningSlots } from '../../support/planning.js';
import { appToken, graph } from '../../support/sandbox.js';
import { graphWritesSince, startApiStack, type ApiStack } from '../server/api-harness.js';

const SANNE = 'sanne.devries';
const SANNE_EMAIL = 'sanne.devries@riec.nl';

let stack: ApiStack;
beforeAll(async () => {
  stack = await startApiStack();
});
afterAll(async () => stack?.close());

/** The add-in's API client as the pane builds it, with the user's real token. */
function addinApiAs(upnStart: string): AddinApi {
  return createAddinApi(
    createApiClient({
      tokens: { getToken: () => stack.token(upnStart) },
      language: () => 'nl',
      baseUrl: stack.server.url,
    }),
  );
}

/**
 * The Haarlem griffie's mail (tests/fixtures/mails/01) as Outlook shows it, with its three
 * evenings moved into the open campaign (the demo campaign's window starts tomorrow): same
 * sender, same wording — "dinsdag 15 december 2026 van 19.30 tot 22.30 uur".
 */
async function haarlemMail(now: Date): Promise<{ mail: MailFields; starts: string[] }> {
  const parsed = await PostalMime.parse(
    readFileSync('tests/fixtures/mails/01-haarlem-griffie-formeel.eml'),
  );
  const evenings = eveningSlots(now, 3).map((slot) =>
    DateTime.fromISO(slot.start, { zone: 'Europe/Amsterdam' }),
  );
  let line = 0;
  const text = (parsed.text ?? '').replace(
    /^(\d)\. .+ van 19\.30 tot 22\.30 uur$/gm,
    (_, number: string) =>
      `${number}. ${evenings[line++]!.setLocale('nl').toFormat('cccc d LLLL yyyy')} van 19.30 tot 22.30 uur`,
  );
  expect(line).toBe(3);
  // The griffie says the scan was done (issue 18, item 7).
  const withScan = text.replace(
    /^Met vriendelijke groet,/m,
    'De weerbaarheidsscan hebben wij vorig jaar gedaan.\n\nMet vriendelijke groet,',
  );
  expect(withScan).not.toBe(text);
  return {
    mail: {
      subject: parsed.subject ?? '',
      from: { name: parsed.from?.name ?? '', address: parsed.from?.address ?? '' },
      text: withScan,
      html: undefined,
      receivedAt: now.toISOString(),
    },
    starts: evenings.map((evening) => evening.toUTC().toISO()!),
  };
}

interface GraphEvent {
  id: string;
  subject: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
}

/** Graph's dateTime in UTC (no Prefer header) as an ISO instant, as office.js gives a Date. */
function instant(value: GraphEvent['start']): string {
  expect(value.timeZone).toBe('UTC');
  return new Date(`${value.dateTime.replace(/Z$/, '')}Z`).toISOString();
}

describe('the mail surface’s flow against the API', () => {
  let signupId: string;
  let riecTrainer: string;

  it('reads the mail, checks the trainers, registers and places three holds', async () => {
    const api = addinApiAs(SANNE);
    const { mail, starts } = await haarlemMail(new Date());

    const reading = await readSignupMail(api, mail);
    expect(reading.extraction.municipality).toEqual({ name: 'Haarlem', cbsCode: 'GM0392' });
    expect(reading.extraction.questions).toEqual([]);
    expect(reading.extraction.slots.map((slot) => new Date(slot.start).toISOString())).toEqual(
      starts.map((start) => new Date(start).toISOString()),
    );
    expect(reading.draft).toMatchObject({
      cbsCode: 'GM0392',
      // The invitation goes to the mayor's office, not to the griffie that sent the mail; the
      // sender is kept as who signed the municipality up (issue 18, item 7).
      contactName: 'Kabinet van de burgemeester',
      contactEmail: 'burgemeester@haarlem.nl',
      remarks: 'Aangemeld door Griffie Haarlem <griffie@haarlem.nl>.',
      scanStatus: 'gedaan',
    });
    expect(reading.draft.slots.map((slot) => [slot.start, slot.end])).toEqual([
      ['19:30', '22:30'],
      ['19:30', '22:30'],
      ['19:30', '22:30'],
    ]);
    expect(reading.municipalities.municipalities.map((m) => m.cbsCode)).toContain('GM0392');

    const input = toAvailabilityInput(reading.draft);
    if (!input.ready) throw new Error(`availability not ready: ${input.reason}`);
    const availability = await checkAvailability(api, input.request);
    expect(availability.municipality?.name).toBe('Haarlem');
    expect(availability.slots).toHaveLength(3);
    const pair = choosePair(availability.pairs, undefined);
    if (!pair) throw new Error('no trainer pair');
    expect(pair.isViable).toBe(true);
    riecTrainer = pair.riec.email;

    // The first attempt places the holds but its answer is lost on the way back; the user
    // clicks again (the pane keeps the registration of the first attempt).
    const lossy: AddinApi = {
      ...api,
      proposeHolds: async (id, body) => {
        await api.proposeHolds(id, body);
        throw new ConnectionLost(new TypeError('Failed to fetch'));
      },
    };
    const steps: SubmitStep[] = [];
    let registered: TRegisterSignupResponse | undefined;
    await expect(
      registerAndPropose(lossy, toRegisterRequest(reading.draft), pair, {
        onStep: (step) => steps.push(step),
        onRegistered: (response) => (registered = response),
      }),
    ).rejects.toBeInstanceOf(ConnectionLost);
    expect(steps).toEqual(['registering', 'proposing']);
    expect(registered?.signup.status).toBe('aangemeld');

    const since = stack.sandbox.ctx.requestLog.lastSeq;
    const result = await registerAndPropose(lossy, toRegisterRequest(reading.draft), pair, {
      registered,
    });
    // Nothing was registered or placed twice.
    expect(graphWritesSince(stack.sandbox, since)).toEqual([]);
    signupId = result.signup.id;
    expect(result.signup).toMatchObject({
      status: 'opties_geplaatst',
      municipality: { cbsCode: 'GM0392', name: 'Haarlem' },
      contact: { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' },
      remarks: 'Aangemeld door Griffie Haarlem <griffie@haarlem.nl>.',
      scanStatus: 'gedaan',
      pair: { berenschot: { email: pair.berenschot.email }, riec: { email: pair.riec.email } },
    });

    // Read back as the tab would: three options, each a hold in Sanne's calendar.
    const signup = await api.getSignup(signupId);
    expect(signup.status).toBe('opties_geplaatst');
    expect(signup.options).toHaveLength(3);
    const token = await appToken(stack.sandbox);
    for (const option of signup.options) {
      expect(option.eventId).not.toBeNull();
      const event = await graph(
        stack.sandbox,
        token,
        'GET',
        `/users/${SANNE_EMAIL}/events/${option.eventId}`,
      );
      expect(event.status).toBe(200);
      expect(event.body.subject).toMatch(
        new RegExp(`^OPTIE ${option.slotIndex + 1}: .* gemeente Haarlem$`),
      );
      expect(event.body.showAs).toBe('tentative');
      expect(instant(event.body.start)).toBe(new Date(option.slot.start).toISOString());
    }
  });

  it('finds the sign-up from the RIEC trainer’s copy of a hold', async () => {
    const token = await appToken(stack.sandbox);
    // The hold sits in the trainer's calendar at the time of option 2.
    const option = (await addinApiAs('sanne.devries').getSignup(signupId)).options[1]!;
    const events = await graph(
      stack.sandbox,
      token,
      'GET',
      `/users/${riecTrainer}/calendarView?startDateTime=${option.slot.start}&endDateTime=${option.slot.end}&$top=50`,
    );
    expect(events.status).toBe(200);
    const hold = (events.body.value as GraphEvent[]).find((event) =>
      event.subject.startsWith('OPTIE 2:'),
    );
    if (!hold) throw new Error(`no hold in ${riecTrainer}'s calendar`);

    const trainerUpn = riecTrainer.split('@')[0]!;
    const api = addinApiAs(trainerUpn);
    const match = await findAppointmentSignup(api, {
      subject: hold.subject,
      start: instant(hold.start),
      end: instant(hold.end),
    });
    expect(match?.signup.id).toBe(signupId);
    expect(match?.option?.slotIndex).toBe(1);
    expect(match?.isConfirmedWorkshop).toBe(false);
    const me = await api.getMe();
    expect(trainerRoleOf(match!.signup, me.email)).toBe('riec');
    expect(match?.signup.options.map((option) => option.answers.berenschot)).toHaveLength(3);
  });
});
