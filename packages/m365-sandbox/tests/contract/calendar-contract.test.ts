// Calendar payloads against the metadata: an event with attendees as the product creates its
// holds (POST /users/{organizer}/events), and getSchedule's scheduleInformation/scheduleItem.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Sandbox } from '../../src/app.js';
import { appToken, graph, personByUpn, startTestSandbox } from '../../src/testing.js';
import {
  expectCollectionContract,
  expectContract,
  expectGraphErrorShape,
} from './contract-support.js';

let sandbox: Sandbox;
let token: string;
const organizer = personByUpn('sanne.devries');
const riecTrainer = personByUpn('fatima.amrani');
const berenschotTrainer = personByUpn('marieke.vandijk');

/** A hold as DESIGN.md describes it ("Graph usage", Holds). */
function hold(transactionId: string, day: string) {
  return {
    subject: 'OPTIE Workshop weerbaarheid – Haarlem',
    body: { contentType: 'text', content: 'Optie voor de workshop van de gemeente Haarlem.' },
    start: { dateTime: `${day}T19:30:00`, timeZone: 'W. Europe Standard Time' },
    end: { dateTime: `${day}T22:30:00`, timeZone: 'W. Europe Standard Time' },
    location: { displayName: 'Stadhuis Haarlem' },
    attendees: [riecTrainer, berenschotTrainer].map((person) => ({
      type: 'required',
      emailAddress: { address: person.upn, name: `${person.givenName} ${person.surname}` },
    })),
    showAs: 'tentative',
    responseRequested: true,
    allowNewTimeProposals: false,
    categories: ['Workshop weerbaarheid'],
    transactionId,
  };
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedDate: '2022-06-01' });
  token = await appToken(sandbox);
});

afterAll(async () => {
  await sandbox?.close();
});

describe('event and attendee', () => {
  it('POST /users/{organizer}/events answers an event whose attendees keep to attendee', async () => {
    const created = await graph(
      sandbox,
      token,
      'POST',
      `/users/${organizer.upn}/events`,
      hold('contract-haarlem-1', '2022-06-14'),
    );
    expect(created.status).toBe(201);
    expect(created.body.attendees).toHaveLength(2);
    expectContract('event', created.body);
    expectContract('Collection(microsoft.graph.attendee)', created.body.attendees);
    const read = await graph(
      sandbox,
      token,
      'GET',
      `/users/${organizer.upn}/events/${created.body.id as string}`,
    );
    expectContract('event', read.body);
  });

  it('a reused transactionId with another body is Graph’s error shape', async () => {
    await graph(
      sandbox,
      token,
      'POST',
      `/users/${organizer.upn}/events`,
      hold('contract-2', '2022-06-20'),
    );
    const reused = await graph(
      sandbox,
      token,
      'POST',
      `/users/${organizer.upn}/events`,
      hold('contract-2', '2022-06-21'),
    );
    expect(reused.status).toBe(400);
    expectGraphErrorShape(reused.body, 'ErrorDuplicateTransactionId');
  });
});

describe('scheduleInformation and scheduleItem', () => {
  it('getSchedule answers scheduleInformation with scheduleItems and errors', async () => {
    await graph(
      sandbox,
      token,
      'POST',
      `/users/${organizer.upn}/events`,
      hold('contract-3', '2022-06-15'),
    );
    const schedule = await graph(
      sandbox,
      token,
      'POST',
      `/users/${organizer.upn}/calendar/getSchedule`,
      {
        schedules: [riecTrainer.upn, berenschotTrainer.upn, 'onbekend@riec.nl'],
        startTime: { dateTime: '2022-06-13T00:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2022-06-18T00:00:00', timeZone: 'UTC' },
        availabilityViewInterval: 30,
      },
    );
    expect(schedule.status).toBe(200);
    expectCollectionContract('scheduleInformation', schedule.body);
    const items = (schedule.body.value as { scheduleItems?: unknown[] }[]).flatMap(
      (info) => info.scheduleItems ?? [],
    );
    expect(items.length).toBeGreaterThan(0);
    expectContract('Collection(microsoft.graph.scheduleItem)', items);
  });
});
