// The whole story against the sandbox: register, availability, propose, answers, confirm —
// with the round trips DESIGN.md budgets, counted from the sandbox's request log. One test with
// named steps: each step needs the one before, so a failure stops the story there and names it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { step } from '../../support/step.js';
import { checkAvailability } from '../../../src/app/check-availability.js';
import { confirmSlot } from '../../../src/app/confirm-slot.js';
import { proposeHolds } from '../../../src/app/propose-holds.js';
import { getSignup, getSignupLog } from '../../../src/app/read-signups.js';
import { registerSignup } from '../../../src/app/register-signup.js';
import { syncAnswers } from '../../../src/app/sync-answers.js';
import type { SignupId } from '../../../src/domain/ids.js';
import { respondToEvent, listMailbox } from '@workshopplanner/m365-sandbox';
import { graph, appToken } from '../../support/sandbox.js';
import {
  accountHolder,
  sandboxTrainers,
  eveningSlots,
  measure,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';

let h: PlanningHarness;
const sanne = accountHolder('sanne.devries');
let id: SignupId;
const mayor = { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' };

beforeAll(async () => {
  h = await startPlanningHarness();
}, 120_000);
afterAll(async () => h?.close());

describe('an account holder plans Haarlem from sign-up to confirmation', () => {
  it('goes from sign-up to confirmation', async () => {
    await step('registers the sign-up as aangemeld and logs it', async () => {
      const ctx = h.context(sanne);
      const result = await registerSignup(ctx, {
        cbsCode: 'GM0392',
        contact: mayor,
        preferences: eveningSlots(ctx.now()),
        scanStatus: 'gedaan',
        remarks: 'Graag in de raadzaal.',
      });
      if (!result.ok) throw new Error(JSON.stringify(result.failure));
      id = result.value.signup.id;
      expect(result.value.signup.status).toBe('aangemeld');
      expect(result.value.pending).toBeNull();
      const log = await getSignupLog(ctx, id);
      // The status changes; each answer has a line of its own besides (answer-log.test.ts).
      const steps = log.ok ? log.value.filter((entry) => !entry.event) : [];
      expect(steps.map((entry) => entry.to)).toEqual(['aangemeld']);
    });

    await step('refuses a second sign-up of the same municipality', async () => {
      const ctx = h.context(sanne);
      const again = await registerSignup(ctx, {
        cbsCode: 'GM0392',
        contact: mayor,
        preferences: eveningSlots(ctx.now(), 4),
        scanStatus: 'nee',
        remarks: '',
      });
      expect(again.ok).toBe(false);
      expect(!again.ok && again.failure.kind === 'rejected' && again.failure.issue.code).toBe(
        'ALREADY_SIGNED_UP',
      );
    });

    await step(
      'ranks trainer pairs in one round trip; Berenschot calendars are unknown',
      async () => {
        const ctx = h.context(sanne);
        const signup = await getSignup(ctx, id);
        if (!signup.ok) throw new Error('no signup');
        await ctx.state.trainers.get(h.m365.trainers); // the trainer list is cached between requests
        const {
          result: availability,
          requests,
          sequential,
        } = await measure(h, () => checkAvailability(ctx, signup.value.signup.preferences));
        // One round trip: the getSchedule $batch, the read of the trainers' agendas of confirmed
        // workshops, the campaign's sign-ups (each trainer's load) and the trainers' own statements
        // go out side by side.
        expect([requests, sequential]).toEqual([4, 1]);
        if (!availability.ok) throw new Error('no availability');
        // Every Berenschot advisor, and the RIEC advisors of Haarlem's RIEC (Noord-Holland) only.
        const own = sandboxTrainers().filter(
          (t) => t.organisation === 'Berenschot' || t.riec === 'RIEC Noord-Holland',
        );
        expect(availability.value.trainers.map((t) => t.trainer.email).sort()).toEqual(
          own.map((t) => t.email).sort(),
        );
        const berenschot = availability.value.trainers.filter(
          (t) => t.trainer.role === 'berenschot',
        );
        expect(
          berenschot.every((t) => !t.visible && t.availability.every((a) => a === 'unknown')),
        ).toBe(true);
        expect(availability.value.pairs.length).toBe(6 * 3);
      },
    );

    await step('places three tentative holds in at most three round trips', async () => {
      const ctx = h.context(sanne);
      const { result, sequential } = await measure(h, () =>
        proposeHolds(ctx, id, {
          berenschot: 'marieke.vandijk@berenschot.nl',
          riec: 'fatima.amrani@riec.nl',
        }),
      );
      if (!result.ok) throw new Error(JSON.stringify(result.failure));
      expect(sequential).toBeLessThanOrEqual(3);
      const { signup } = result.value;
      expect(signup.status).toBe('opties_geplaatst');
      expect(signup.options.map((o) => Boolean(o.eventId))).toEqual([true, true, true]);
      const token = await appToken(h.sandbox);
      const event = await graph(
        h.sandbox,
        token,
        'GET',
        `/users/sanne.devries@riec.nl/events/${signup.options[0]!.eventId}`,
      );
      expect(event.body).toMatchObject({
        showAs: 'tentative',
        responseRequested: true,
        allowNewTimeProposals: false,
        categories: ['Workshop weerbaarheid'],
      });
      expect(event.body.subject).toMatch(/^OPTIE 1: /);
      expect(
        event.body.attendees
          .map((a: { emailAddress: { address: string } }) => a.emailAddress.address)
          .sort(),
      ).toEqual(['fatima.amrani@riec.nl', 'marieke.vandijk@berenschot.nl']);
    });

    await step('records the trainers’ answers; an idle sync is one request', async () => {
      const ctx = h.context(sanne);
      const first = await syncAnswers(ctx, sanne.email);
      expect(first.failed).toEqual([]);
      const signup = await getSignup(ctx, id);
      if (!signup.ok) throw new Error('gone');
      const second = signup.value.signup.options[1]!.eventId!;
      respondToEvent(h.sandbox.ctx, 'marieke.vandijk@berenschot.nl', second, 'accept');
      respondToEvent(h.sandbox.ctx, 'fatima.amrani@riec.nl', second, 'accept');
      respondToEvent(
        h.sandbox.ctx,
        'fatima.amrani@riec.nl',
        signup.value.signup.options[0]!.eventId!,
        'decline',
      );
      const report = await syncAnswers(ctx, sanne.email);
      expect(report.updated).toEqual([id]);
      const after = await getSignup(ctx, id);
      if (!after.ok) throw new Error('gone');
      expect(after.value.signup.options.map((o) => o.answers)).toEqual([
        { berenschot: 'none', riec: 'declined' },
        { berenschot: 'accepted', riec: 'accepted' },
        { berenschot: 'none', riec: 'none' },
      ]);
      const { result: idle, requests } = await measure(h, () => syncAnswers(ctx, sanne.email));
      expect(idle.changes).toBe(0);
      expect(requests).toBe(1);
    });

    await step(
      'confirms the slot both accepted in two round trips and invites the mayor’s office',
      async () => {
        const ctx = h.context(sanne);
        await getSignup(ctx, id); // the account holder looks at the sign-up before confirming
        const { result, sequential } = await measure(h, () => confirmSlot(ctx, id, 1));
        if (!result.ok) throw new Error(JSON.stringify(result.failure));
        expect(sequential).toBeLessThanOrEqual(2);
        const { signup } = result.value;
        expect(signup.status).toBe('bevestigd');
        expect(signup.confirmedSlotIndex).toBe(1);
        const token = await appToken(h.sandbox);
        const confirmed = await graph(
          h.sandbox,
          token,
          'GET',
          `/users/sanne.devries@riec.nl/events/${signup.options[1]!.eventId}`,
        );
        expect(confirmed.body.subject).not.toMatch(/OPTIE/);
        expect(confirmed.body.showAs).toBe('busy');
        expect(
          confirmed.body.attendees.map(
            (a: { emailAddress: { address: string } }) => a.emailAddress.address,
          ),
        ).toContain('burgemeester@haarlem.nl');
        for (const index of [0, 2]) {
          const released = await graph(
            h.sandbox,
            token,
            'GET',
            `/users/sanne.devries@riec.nl/events/${signup.options[index]!.eventId}`,
          );
          expect(released.status).toBe(404);
        }
        const mayorMail = listMailbox(h.sandbox.ctx, 'burgemeester@haarlem.nl');
        expect(
          mayorMail.some(
            (m) =>
              m.message.meeting?.type === 'meetingRequest' && /Haarlem/.test(m.message.subject),
          ),
        ).toBe(true);
        const log = await getSignupLog(ctx, id);
        // The status changes; each answer has a line of its own besides (answer-log.test.ts).
        const steps = log.ok ? log.value.filter((entry) => !entry.event) : [];
        expect(steps.map((entry) => entry.to)).toEqual([
          'aangemeld',
          'opties_geplaatst',
          'bevestigd',
        ]);
      },
    );
  }, 600_000);
});
