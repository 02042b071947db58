// Teams activity feed notifications to the account holder (issue 13, item 5), through the
// maintenance cycle against the sandbox: when both trainers accepted an option, the account
// holder gets one notification in the Teams feed with a deep link to the sign-up in the tab
// (subEntityId = the sign-up's id) where the app is installed for them, and one mail where it
// is not; overlapping cycles send nothing twice.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  installApp,
  listFeed,
  listMailbox,
  PRODUCT_APP,
  respondToEvent,
  uninstallApp,
} from '@workshopplanner/m365-sandbox';
import { SYSTEM_ACCESS } from '../../../src/app/access.js';
import { runMaintenance } from '../../../src/app/run-maintenance.js';
import {
  ACTIVITY_TYPES,
  DEFAULT_TEAMS_APP_ID,
  signupDeepLink,
} from '../../../src/domain/activity-feed.js';
import { eveningSlots } from '../../support/planning.js';
import { expectStatus, FIXED_TODAY, startApiStack, type ApiStack } from './api-harness.js';

const SANNE = 'sanne.devries@riec.nl';
const PAIR = { berenschot: 'marieke.vandijk@berenschot.nl', riec: 'fatima.amrani@riec.nl' };

type ManifestActivity = { type: string; description: string; templateText: string };
const manifestActivities = (
  JSON.parse(readFileSync('appPackage/manifest.template.json', 'utf8')) as {
    activities: { activityTypes: ManifestActivity[] };
  }
).activities.activityTypes;

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack({ today: FIXED_TODAY });
}, 180_000);
afterAll(async () => stack?.close());

function sanneId(): string {
  const user = stack.sandbox.ctx.directory.findUser(SANNE);
  if (!user) throw new Error('sanne not seeded');
  return user.id;
}

function install(): void {
  installApp(stack.sandbox.ctx, {
    userId: sanneId(),
    teamsAppId: DEFAULT_TEAMS_APP_ID,
    entraAppId: PRODUCT_APP.clientId,
    displayName: 'Workshopplanner',
    activityTypes: manifestActivities,
  });
}

async function acceptedSignup(cbsCode: string, domain: string, weeksAhead: number) {
  const registered = expectStatus(
    await stack.as('sanne.devries', '/api/signups', {
      method: 'POST',
      body: {
        cbsCode,
        contact: { name: 'Kabinet van de burgemeester', email: `burgemeester@${domain}` },
        preferences: eveningSlots(FIXED_TODAY, weeksAhead),
        scanStatus: 'onbekend',
      },
    }),
    201,
  );
  const id = registered.body.signup.id as string;
  const proposed = expectStatus(
    await stack.as('sanne.devries', `/api/signups/${id}/propose`, { method: 'POST', body: PAIR }),
    200,
  );
  const eventId = proposed.body.options[1].eventId as string;
  respondToEvent(stack.sandbox.ctx, PAIR.berenschot, eventId, 'accept');
  respondToEvent(stack.sandbox.ctx, PAIR.riec, eventId, 'accept');
  return id;
}

const cycle = () => runMaintenance(stack.planning.context(SYSTEM_ACCESS));
const acceptedMails = (name: string) =>
  listMailbox(stack.sandbox.ctx, SANNE).filter((m) =>
    m.message.subject.startsWith(`Beide trainers hebben optie 2 van ${name}`),
  );

describe('activity feed notifications (issue 13, item 5)', () => {
  it('declares in the manifest exactly the activity types and parameters the product sends', () => {
    expect(manifestActivities.map((a) => a.type)).toEqual(Object.keys(ACTIVITY_TYPES));
    for (const activity of manifestActivities) {
      const names = [...activity.templateText.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(names.sort()).toEqual(
        [...ACTIVITY_TYPES[activity.type as keyof typeof ACTIVITY_TYPES]].sort(),
      );
    }
  });

  it('tells the account holder in the Teams feed, once, that both trainers accepted an option, with a deep link to the sign-up', async () => {
    install();
    const id = await acceptedSignup('GM0392', 'haarlem.nl', 5);
    await cycle(); // reads the answers
    await Promise.all([cycle(), cycle()]);
    await cycle();
    const feed = listFeed(stack.sandbox.ctx, sanneId()).filter(
      (entry) => entry.activityType === 'optionAccepted',
    );
    expect(feed).toHaveLength(1);
    expect(feed[0]).toMatchObject({
      text: 'beide trainers hebben optie 2 van Haarlem geaccepteerd',
      webUrl: signupDeepLink(DEFAULT_TEAMS_APP_ID, id),
      topic: { source: 'text', value: 'Haarlem' },
    });
    const link = new URL(feed[0]!.webUrl!);
    expect(link.pathname).toBe(`/l/entity/${DEFAULT_TEAMS_APP_ID}/workshopplanner`);
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: id });
    // In the feed instead of the mail.
    expect(acceptedMails('Haarlem')).toHaveLength(0);
  });

  it('announces holds that lapse within 2 days in the feed, once, on the sandbox clock', async () => {
    install();
    const start = stack.sandbox.ctx.clock.now().getTime();
    const day = 24 * 60 * 60 * 1000;
    const registered = expectStatus(
      await stack.as('sanne.devries', '/api/signups', {
        method: 'POST',
        body: {
          cbsCode: 'GM0450',
          contact: { name: 'Kabinet van de burgemeester', email: 'burgemeester@uitgeest.nl' },
          preferences: eveningSlots(FIXED_TODAY, 9),
          scanStatus: 'onbekend',
        },
      }),
      201,
    );
    const id = registered.body.signup.id as string;
    expectStatus(
      await stack.as('sanne.devries', `/api/signups/${id}/propose`, { method: 'POST', body: PAIR }),
      200,
    );
    const cycleAt = (at: number) =>
      runMaintenance(stack.planning.context(SYSTEM_ACCESS, { now: () => new Date(at) }), {
        sync: false,
      });
    const lapsing = () =>
      listFeed(stack.sandbox.ctx, sanneId()).filter(
        (entry) => entry.activityType === 'holdsLapsing' && entry.topic.value === 'Uitgeest',
      );
    await cycleAt(start + 10 * day);
    expect(lapsing()).toHaveLength(0);
    await Promise.all([
      cycleAt(start + 12 * day + 3_600_000),
      cycleAt(start + 12 * day + 3_600_000),
    ]);
    await cycleAt(start + 13 * day);
    expect(lapsing()).toHaveLength(1);
    expect(lapsing()[0]!.text).toMatch(/^de opties van Uitgeest vervallen op /);
    expect(lapsing()[0]!.webUrl).toBe(signupDeepLink(DEFAULT_TEAMS_APP_ID, id));
    expect(
      listMailbox(stack.sandbox.ctx, SANNE).filter((m) =>
        m.message.subject.startsWith('Opties voor Uitgeest vervallen'),
      ),
    ).toHaveLength(0);
  });

  it('falls back to one mail where the app is not installed for the account holder', async () => {
    uninstallApp(stack.sandbox.ctx, sanneId(), DEFAULT_TEAMS_APP_ID);
    const before = listFeed(stack.sandbox.ctx, sanneId()).length;
    await acceptedSignup('GM0453', 'velsen.nl', 7);
    await cycle();
    await Promise.all([cycle(), cycle()]);
    expect(acceptedMails('Velsen')).toHaveLength(1);
    expect(acceptedMails('Velsen')[0]!.message.body.content).toMatch(/Velsen geaccepteerd/);
    expect(listFeed(stack.sandbox.ctx, sanneId())).toHaveLength(before);
  });
});
