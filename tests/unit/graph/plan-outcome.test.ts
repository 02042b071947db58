// A createHold refused with ErrorDuplicateTransactionId is the hold an earlier run created:
// a success once the existing event is known, a failure (left to resume) while it is not.
import { describe, expect, it } from '@jest/globals';
import type { EventId } from '../../../src/domain/ids.js';
import type { PlanStep } from '../../../src/domain/ports.js';
import { toOutcome } from '../../../src/graph/plan.js';

const createHold = {
  kind: 'createHold',
  organizer: 'sanne.devries@riec.nl',
  hold: { transactionId: 'aanmelding-1-r1-a' },
} as unknown as PlanStep;

const duplicate = {
  id: '2',
  status: 400,
  headers: {},
  body: { error: { code: 'ErrorDuplicateTransactionId', message: 'already used' } },
};

describe('toOutcome for a repeated transactionId', () => {
  it('succeeds with the existing event when it was found', () => {
    expect(toOutcome(createHold, duplicate, 'AAMk-existing' as EventId)).toEqual({
      ok: true,
      eventId: 'AAMk-existing',
    });
  });

  it('fails, keeping Graph code, while the event is unknown', () => {
    expect(toOutcome(createHold, duplicate)).toMatchObject({
      ok: false,
      status: 400,
      code: 'ErrorDuplicateTransactionId',
    });
  });

  it('does not treat another error as a duplicate', () => {
    const other = { ...duplicate, body: { error: { code: 'ErrorInvalidRequest', message: 'x' } } };
    expect(toOutcome(createHold, other, 'AAMk-existing' as EventId)).toMatchObject({ ok: false });
  });
});
