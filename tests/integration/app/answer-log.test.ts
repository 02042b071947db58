// Every answer in the log (issue 18, item 4): each trainer's accept, tentative and decline is one
// line — also when syncs overlap or one is repeated — and the mayor's office's answer on the
// confirmed workshop is followed: a decline is logged and puts the sign-up on "Eerst doen".
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { confirmSlot } from '../../../src/app/confirm-slot.js';
import { createAppState } from '../../../src/app/app-state.js';
import { syncAnswers } from '../../../src/app/sync-answers.js';
import { toSignupSummary } from '../../../src/server/routes/municipalities/_signup-summary.js';
import { respondToEvent } from '@workshopplanner/m365-sandbox';
import {
  accountHolder,
  startPlanningHarness,
  type PlanningHarness,
} from '../../support/planning.js';
import {
  answer,
  confirmableSlot,
  current,
  expectOk,
  logOf,
  proposed,
} from '../../support/planning-scenarios.js';

let h: PlanningHarness;
const sanne = accountHolder('sanne.devries');

beforeAll(async () => {
  h = await startPlanningHarness();
}, 120_000);
afterAll(async () => h?.close());

describe('trainers’ answers in the log', () => {
  it('logs each answer exactly once, with the trainer, when syncs overlap and one is repeated', async () => {
    const ctx = h.context(sanne);
    const signup = await proposed(ctx, 'GM0375'); // Beverwijk
    const pair = signup.signup.pair!;
    answer(h.sandbox, signup, 0, { berenschot: 'decline', riec: 'tentativelyAccept' });
    answer(h.sandbox, signup, 1, { riec: 'accept' });

    // Three instances, each with its own memory (cursor, cache), sync at the same moment.
    const instances = [1, 2, 3].map(() => h.context(sanne, { state: createAppState() }));
    await Promise.all(instances.map((instance) => syncAnswers(instance, sanne.email)));
    // Everything stored has settled (a sync that found an operation running comes back later).
    for (const instance of instances) await syncAnswers(instance, sanne.email);
    // And once more from scratch, as a restarted process with no cursor would.
    await syncAnswers(h.context(sanne, { state: createAppState() }), sanne.email);

    const lines = (await logOf(ctx, signup.signup.id)).filter(
      (line) => line.event?.code === 'trainerAnswered',
    );
    expect(
      lines.map((line) => [line.event?.params.option, line.event?.params.role, line.by]).sort(),
    ).toEqual([
      ['1', 'berenschot', pair.berenschot.name],
      ['1', 'riec', pair.riec.name],
      ['2', 'riec', pair.riec.name],
    ]);
    const decline = lines.find((line) => line.event?.params.answer === 'declined');
    expect(decline?.detail).toMatch(
      new RegExp(`^${pair.berenschot.name} \\(Berenschot\\) heeft optie 1 .* afgewezen\\.$`),
    );
    expect(decline?.event?.params.trainerEmail).toBe(pair.berenschot.email);
    const stored = await current(ctx, signup.signup.id);
    expect(stored.signup.options[0]?.answers).toEqual({
      berenschot: 'declined',
      riec: 'tentativelyAccepted',
    });
  });

  it('logs a trainer who changes their mind as a new line', async () => {
    const ctx = h.context(sanne);
    const signup = await proposed(ctx, 'GM0383'); // Castricum
    answer(h.sandbox, signup, 0, { riec: 'tentativelyAccept' });
    await syncAnswers(ctx, sanne.email);
    answer(h.sandbox, signup, 0, { riec: 'accept' });
    await syncAnswers(ctx, sanne.email);
    await syncAnswers(ctx, sanne.email);
    const answers = (await logOf(ctx, signup.signup.id))
      .filter((line) => line.event?.code === 'trainerAnswered')
      .map((line) => line.event?.params.answer);
    expect(answers).toEqual(['tentativelyAccepted', 'accepted']);
  });
});

describe('the mayor’s office’s answer on the confirmed workshop', () => {
  it('follows a decline: logged once, the sign-up stays confirmed and goes on the action list', async () => {
    const ctx = h.context(sanne);
    const signup = await proposed(ctx, 'GM0392', 5); // Haarlem
    const slotIndex = await confirmableSlot(ctx, signup);
    answer(h.sandbox, signup, slotIndex, { berenschot: 'accept', riec: 'accept' });
    await syncAnswers(ctx, sanne.email);
    const confirmed = expectOk(await confirmSlot(ctx, signup.signup.id, slotIndex));
    expect(confirmed.signup.status).toBe('bevestigd');
    expect(toSignupSummary(confirmed, ctx.now()).needsAction).toBeNull();

    const eventId = confirmed.signup.options.find((o) => o.slotIndex === slotIndex)?.eventId;
    // The mayor's office answers from its own (external) mailbox, with a comment.
    respondToEvent(
      h.sandbox.ctx,
      confirmed.signup.contact.email,
      eventId!,
      'decline',
      'extra raadsvergadering; graag een andere datum',
    );
    await Promise.all([
      syncAnswers(ctx, sanne.email),
      syncAnswers(h.context(sanne, { state: createAppState() }), sanne.email),
    ]);
    await syncAnswers(ctx, sanne.email);

    const after = await current(ctx, signup.signup.id);
    expect(after.signup.status).toBe('bevestigd');
    expect(after.signup.options.find((o) => o.slotIndex === slotIndex)?.municipalityAnswer).toBe(
      'declined',
    );
    expect(toSignupSummary(after, ctx.now()).needsAction).toBe('municipality_declined');
    const lines = (await logOf(ctx, signup.signup.id)).filter(
      (line) => line.event?.code === 'municipalityAnswered',
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.event?.params).toMatchObject({
      answer: 'declined',
      contactEmail: confirmed.signup.contact.email,
    });
    expect(lines[0]?.detail).toMatch(
      /^De gemeente Haarlem \(.+\) heeft de uitnodiging voor de workshop van .* uur afgewezen\. Het kabinet kan niet op de bevestigde datum\.$/,
    );
  });
});
