// The API's views of a sign-up (pure): what needs the account holder's attention first, and
// which buttons the caller gets — Haarlem's sign-up from the lifecycle fixtures.
import { describe, expect, it } from '@jest/globals';
import { mintAccess } from '../../../src/app/access.js';
import type { StoredSignup } from '../../../src/domain/ports.js';
import type { Signup } from '../../../src/domain/signup.js';
import { toSignupSummary } from '../../../src/server/routes/municipalities/_signup-summary.js';
import { toSignupView } from '../../../src/server/views/signup-view.js';
import { MAY_2, MAY_3, answered, apply, confirm, proposed } from '../domain/lifecycle-fixtures.js';
import { cest, registeredSignup } from '../domain/signup-fixtures.js';

const stored = (signup: Signup, pending = false): StoredSignup => ({
  signup,
  eTag: '"item,3"',
  pending: pending
    ? { id: 'op', command: 'confirm', by: 'x', startedAt: MAY_3.toISOString(), effects: [] }
    : null,
});

const holder = mintAccess({
  tenantId: 't',
  userId: 'u',
  email: 'k.smit@riec-nh.nl',
  name: 'K. Smit',
  roles: ['accountHolder'],
  riecs: ['RIEC Noord-Holland'],
});
const coordinator = mintAccess({
  tenantId: 't',
  userId: 'c',
  email: 'p@nh.nl',
  name: 'P',
  roles: ['coordinator'],
  riecs: [],
});

describe('needsAction on the dashboard', () => {
  const needs = (signup: Signup, now = MAY_3) => toSignupSummary(stored(signup), now).needsAction;

  it('asks for options on a fresh sign-up, and says nothing while waiting for answers', () => {
    expect(needs(registeredSignup(MAY_2))).toBe('options_needed');
    expect(needs(proposed())).toBeNull();
  });

  it('puts "both accepted" before "lapses soon", and "lapses soon" before "answer received"', () => {
    const oneAccepted = answered([
      ['declined', 'none'],
      ['accepted', 'accepted'],
      ['none', 'none'],
    ]);
    const lateDay = cest('2022-05-14T09:00:00'); // holds placed 2 May lapse on 16 May
    expect(needs(oneAccepted, lateDay)).toBe('both_accepted');
    const oneDeclined = answered([
      ['declined', 'none'],
      ['none', 'none'],
      ['none', 'none'],
    ]);
    expect(needs(oneDeclined)).toBe('answer_received');
    expect(needs(oneDeclined, lateDay)).toBe('lapses_soon');
  });

  it('counts the answers of both trainers over the options', () => {
    const summary = toSignupSummary(
      stored(
        answered([
          ['declined', 'none'],
          ['accepted', 'tentativelyAccepted'],
          ['none', 'none'],
        ]),
      ),
      MAY_3,
    );
    expect(summary.answers).toEqual({
      accepted: 1,
      tentativelyAccepted: 1,
      declined: 1,
      pending: 3,
    });
    expect(summary.status).toBe('opties_geplaatst');
  });
});

describe('the sign-up view', () => {
  const bothAccepted = answered([
    ['none', 'none'],
    ['accepted', 'accepted'],
    ['none', 'none'],
  ]);

  it('gives the planner the buttons the lifecycle allows, and the coordinator none', () => {
    const view = toSignupView(stored(bothAccepted), { now: MAY_3, access: holder });
    expect(view.allowedActions).toEqual([
      'recordHoldIds',
      'recordAnswers',
      'confirm',
      'newDates',
      'edit',
      'cancel',
    ]);
    expect(view.userActions).toEqual(['confirm', 'cancel', 'newDates', 'edit']);
    expect(view.confirmableSlots).toContainEqual({ slotIndex: 1, needsOverride: false });
    const forCoordinator = toSignupView(stored(bothAccepted), {
      now: MAY_3,
      access: coordinator,
    });
    expect(forCoordinator.userActions).toEqual([]);
  });

  it('shows the confirmed slot, codes not words, and the pending operation', () => {
    const confirmed = apply(bothAccepted, confirm(), MAY_3);
    const view = toSignupView(stored(confirmed, true), {
      now: MAY_3,
      access: holder,
    });
    expect(view.confirmedSlot).toMatchObject({ slotIndex: 1 });
    expect(view.status).toBe('bevestigd');
    expect(view.options.map((o) => o.hold)).toEqual(['released', 'finalized', 'released']);
    expect(view.pendingOperation).toBe(true);
    expect(view.municipality.domain).toBe('haarlem.nl');
  });

  it('carries each option’s invitation text on its own, and none in a list', () => {
    const context = { now: MAY_3, access: holder } as const;
    const full = toSignupView(stored(bothAccepted), context);
    expect(full.options[1]?.invitation?.subject).toMatch(/gemeente Haarlem$/);
    expect(full.options[1]?.invitation?.paragraphs.join('\n')).toContain('Hierbij bevestigen wij');
    const inList = toSignupView(stored(bothAccepted), { ...context, form: 'list' });
    expect(inList.options.map((o) => o.invitation)).toEqual([null, null, null]);
    expect({ ...inList, options: [] }).toEqual({ ...full, options: [] });
  });

  it('returns the contact’s function apart from the name, and none when there is none (issue 18)', () => {
    const context = { now: MAY_3, access: holder } as const;
    const signup = registeredSignup(MAY_2);
    const withFunction = {
      ...signup,
      contact: { ...signup.contact, function: 'kabinet van de burgemeester' },
    };
    expect(toSignupView(stored(withFunction), context).contact).toEqual({
      name: signup.contact.name,
      email: signup.contact.email,
      function: 'kabinet van de burgemeester',
    });
    const { function: _none, ...withoutFunction } = signup.contact;
    expect(toSignupView(stored({ ...signup, contact: withoutFunction }), context).contact).toEqual({
      name: signup.contact.name,
      email: signup.contact.email,
    });
  });
});
