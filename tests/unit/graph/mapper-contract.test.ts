// The product's own Graph payloads against Microsoft's Graph v1.0 metadata (issue 17, item 11):
// the events the product creates and finalizes come from its mappers, not from hand-written
// copies, so a property the product adds or misspells fails here.
import { describe, expect, it } from '@jest/globals';
import { checkAgainstType } from '../../../packages/m365-sandbox/tests/contract/graph-metadata.js';
import { toFinalizedEvent, toHoldEvent } from '../../../src/graph/calendar/holds.js';

const TRAINERS = [
  { name: 'Fatima Amrani', email: 'fatima.amrani@riec-nh.nl' },
  { name: 'Marieke van Dijk', email: 'marieke.vandijk@berenschot.nl' },
];

describe('the product’s event payloads keep to the Graph metadata', () => {
  it('a hold (toHoldEvent) is a valid microsoft.graph.event', () => {
    const event = toHoldEvent({
      transactionId: 'signup-1-r1-s1',
      subject: 'OPTIE Workshop weerbaarheid – Haarlem',
      bodyHtml: '<p>Optie voor de workshop van de gemeente Haarlem.</p>',
      slot: { start: '2026-12-15T19:30:00+01:00', end: '2026-12-15T22:30:00+01:00' },
      location: 'Stadhuis Haarlem',
      attendees: TRAINERS,
      category: 'Workshop weerbaarheid',
    });
    expect(checkAgainstType('event', event)).toEqual([]);
  });

  it('a finalized workshop (toFinalizedEvent) is a valid microsoft.graph.event', () => {
    const event = toFinalizedEvent({
      subject: 'Workshop weerbaarheid – Haarlem',
      bodyHtml: '<p>De workshop gaat door.</p>',
      attendees: [...TRAINERS, { name: 'Kabinet', email: 'kabinet@haarlem.nl' }],
    });
    expect(checkAgainstType('event', event)).toEqual([]);
  });
});
