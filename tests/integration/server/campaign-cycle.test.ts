// The background cycle's part of the campaign against the sandbox, on the sandbox clock moved
// through the control API (issue 13, items 3, 5 and 7): with the edition's automatic reminders
// off nothing goes to the municipalities; on, each due municipality of the RIEC gets exactly one
// reminder from the account holder's mailbox, also after overlapping cycles, a second cycle and
// a restart. On a reminder day the account holder gets one "has not signed up" notice per
// municipality in the Teams feed, deep-linked to the sign-up form in the tab; so too 3 days before
// the deadline, with the sandbox clock moved on eleven days (issue 13 leftovers, item 2).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  installApp,
  listFeed,
  listMailbox,
  PRODUCT_APP,
  RIEC_TENANT,
} from '@workshopplanner/m365-sandbox';
import { SYSTEM_ACCESS } from '../../../src/app/access.js';
import { createAppState } from '../../../src/app/app-state.js';
import { runMaintenance } from '../../../src/app/run-maintenance.js';
import { DEFAULT_TEAMS_APP_ID, signupDeepLink } from '../../../src/domain/activity-feed.js';
import { createGraphClient } from '../../../src/graph/client/client.js';
import { appTokenProvider, createConfidentialClient } from '../../../src/graph/client/tokens.js';
import { createMicrosoft365 } from '../../../src/graph/gateway.js';
import { defaultReminderAddress } from '../../../src/domain/reminders.js';
import { MUNICIPALITIES } from '../../../src/domain/municipalities.js';
import { eveningSlots } from '../../support/planning.js';
import { expectStatus, startApiStack, type ApiStack } from './api-harness.js';

const SANNE = 'sanne.devries@riec.nl';
const COORDINATOR = 'pieter.bakker';
const EDITION = 'weerbaarheid-herfst';
const MINUTE = 60 * 1000;
// Twenty minutes before midnight in Amsterdam: half an hour on the sandbox clock is the next day,
// within the lifetime of the tokens the harness and the server hold.
const START = new Date('2026-09-01T23:40:00+02:00');
const NOORD_HOLLAND = MUNICIPALITIES.filter((m) => m.riec === 'RIEC Noord-Holland');
const OTHERS = MUNICIPALITIES.filter((m) => m.riec !== 'RIEC Noord-Holland');

type ManifestActivity = { type: string; description: string; templateText: string };
const manifestActivities = (
  JSON.parse(readFileSync('appPackage/manifest.template.json', 'utf8')) as {
    activities: { activityTypes: ManifestActivity[] };
  }
).activities.activityTypes;

let stack: ApiStack;

beforeAll(async () => {
  stack = await startApiStack({ today: START });
}, 300_000);
afterAll(async () => stack?.close());

const control = { 'content-type': 'application/json', 'x-sandbox-control': '1' };

/** Moves the sandbox clock (and so the server's and the cycle's) on by `ms`. */
async function advanceClock(ms: number): Promise<void> {
  const now = stack.sandbox.ctx.clock.now().getTime() + ms;
  const answer = await fetch(`${stack.sandbox.urls.https}/_sandbox/clock`, {
    method: 'PUT',
    headers: control,
    body: JSON.stringify({ now: new Date(now).toISOString() }),
  });
  expect(answer.status).toBe(200);
}

/**
 * The cycle as the app; `restarted`: a process that knows nothing of the runs before it, with
 * its own app tokens (days later on the sandbox clock the first process's tokens have expired).
 */
function cycle(restarted = false) {
  return runMaintenance(
    stack.planning.context(
      SYSTEM_ACCESS,
      restarted ? { state: createAppState(), m365: freshMicrosoft365() } : {},
    ),
    { sync: false },
  );
}

function freshMicrosoft365() {
  const msal = createConfidentialClient({
    authorityHost: stack.sandbox.urls.https,
    tenantId: RIEC_TENANT.id,
    clientId: PRODUCT_APP.clientId,
    clientSecret: PRODUCT_APP.clientSecret,
  });
  const client = createGraphClient({
    baseUrl: `${stack.sandbox.urls.https}/v1.0`,
    tokens: appTokenProvider(msal),
  });
  return createMicrosoft365(client, { site: 'root' });
}

function reminders(address: string) {
  return listMailbox(stack.sandbox.ctx, address).filter((m) =>
    m.message.subject.startsWith('Herinnering: aanmelden workshop weerbaarheid'),
  );
}

function sanneId(): string {
  const user = stack.sandbox.ctx.directory.findUser(SANNE);
  if (!user) throw new Error('sanne not seeded');
  return user.id;
}

const notSignedUp = () =>
  listFeed(stack.sandbox.ctx, sanneId()).filter((entry) => entry.activityType === 'notSignedUp');

interface Edition {
  version: string;
  settings: Record<string, unknown>;
}

async function setAutoSend(on: boolean): Promise<void> {
  const edition = expectStatus(await stack.as(COORDINATOR, `/api/campaigns/${EDITION}`), 200)
    .body as Edition;
  expectStatus(
    await stack.as(COORDINATOR, `/api/campaigns/${EDITION}`, {
      method: 'PUT',
      body: {
        version: edition.version,
        settings: { ...edition.settings, autoSendReminders: on },
      },
    }),
    200,
  );
  // The cycle's process reads the editions at most every half minute: this test does not wait.
  stack.planning.state.campaigns.clear();
}

describe('the campaign in the background cycle (issue 13, items 3, 5 and 7)', () => {
  it('sends nothing with automatic reminders off, and tells the account holder once per municipality on the reminder day', async () => {
    // Sanne plans for RIEC Noord-Holland: her sign-up makes her its known account holder.
    expectStatus(
      await stack.as('sanne.devries', '/api/signups', {
        method: 'POST',
        body: {
          cbsCode: 'GM0392',
          contact: { name: 'Kabinet van de burgemeester', email: 'burgemeester@haarlem.nl' },
          preferences: eveningSlots(START, 5),
          scanStatus: 'onbekend',
        },
      }),
      201,
    );
    const demo = expectStatus(await stack.as(COORDINATOR, '/api/campaigns/weerbaarheid-demo'), 200)
      .body as Edition;
    // Deadline 16 September; reminders 14 and 3 days before: 2 and 13 September.
    expectStatus(
      await stack.as(COORDINATOR, '/api/campaigns', {
        method: 'POST',
        body: {
          id: EDITION,
          settings: {
            ...demo.settings,
            title: 'Workshop najaar',
            signupDeadline: '2026-09-16',
            window: { start: '2026-09-17', end: '2026-12-31' },
            reminderDays: [14, 3],
            autoSendReminders: false,
          },
        },
      }),
      201,
    );
    installApp(stack.sandbox.ctx, {
      userId: sanneId(),
      teamsAppId: DEFAULT_TEAMS_APP_ID,
      entraAppId: PRODUCT_APP.clientId,
      displayName: 'Workshopplanner',
      activityTypes: manifestActivities,
    });

    // 1 September: nothing due, no notice.
    await cycle();
    expect(notSignedUp()).toHaveLength(0);

    // 2 September, 14 days before the deadline.
    await advanceClock(30 * MINUTE);
    stack.planning.state.campaigns.clear();
    await Promise.all([cycle(), cycle()]);
    await cycle();
    for (const municipality of MUNICIPALITIES) {
      expect(reminders(defaultReminderAddress(municipality))).toHaveLength(0);
    }
    // One notice per municipality of her RIEC (Haarlem too: it signed up for the demo edition).
    const notices = notSignedUp();
    expect(notices).toHaveLength(NOORD_HOLLAND.length);
    const velsen = notices.filter((entry) => entry.topic.value === 'Velsen');
    expect(velsen).toHaveLength(1);
    expect(velsen[0]!.text).toMatch(
      /Velsen heeft zich nog niet aangemeld, de deadline is over 14 dagen/,
    );
    expect(velsen[0]!.webUrl).toBe(signupDeepLink(DEFAULT_TEAMS_APP_ID, 'GM0453'));
    const link = new URL(velsen[0]!.webUrl!);
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'GM0453' });
  }, 300_000);

  it('with automatic reminders on, each due municipality gets exactly one reminder from the account holder’s mailbox, after overlaps, a second cycle and a restart', async () => {
    await setAutoSend(true);
    await Promise.all([cycle(), cycle()]);
    await cycle();
    await cycle(true);
    for (const municipality of NOORD_HOLLAND) {
      const received = reminders(defaultReminderAddress(municipality));
      expect(received).toHaveLength(1);
      // The edition's template, with its deadline and the account holder to contact.
      expect(received[0]!.message.subject).toContain(`(${municipality.displayName})`);
      expect(received[0]!.message.body.content).toMatch(/16 september 2026.*Sanne de Vries/);
    }
    // No account holder known for the other RIECs: theirs stay actions on the dashboard.
    for (const municipality of OTHERS) {
      expect(reminders(defaultReminderAddress(municipality))).toHaveLength(0);
    }
    const sent = listMailbox(stack.sandbox.ctx, SANNE, 'sentitems').filter((m) =>
      m.message.subject.startsWith('Herinnering: aanmelden workshop weerbaarheid'),
    );
    expect(sent).toHaveLength(NOORD_HOLLAND.length);

    // The dashboard's list shows them as sent, none due any more.
    const overview = expectStatus(
      await stack.as('sanne.devries', `/api/campaigns/${EDITION}/reminders`),
      200,
    );
    const rows = overview.body.municipalities as { sentCount: number; dueSince: string | null }[];
    expect(rows.every((row) => row.sentCount === 1 && row.dueSince === null)).toBe(true);

    // Later that day, after another restart: nothing more, the notices stay one each.
    await advanceClock(5 * MINUTE);
    await cycle(true);
    for (const municipality of NOORD_HOLLAND) {
      expect(reminders(defaultReminderAddress(municipality))).toHaveLength(1);
    }
    expect(notSignedUp()).toHaveLength(NOORD_HOLLAND.length);
  }, 300_000);

  it('3 days before the deadline on the sandbox clock, tells the account holder once that Velsen has not signed up, deep-linked to its form', async () => {
    await setAutoSend(false);
    // From 2 September 00:15 to 13 September 00:15 in Amsterdam: 3 days before 16 September.
    await advanceClock(11 * 24 * 60 * MINUTE);
    stack.planning.state.campaigns.clear();
    // Two processes started after the jump, overlapping, then a third.
    await Promise.all([cycle(true), cycle(true)]);
    await cycle(true);
    const velsen = notSignedUp().filter(
      (entry) => entry.topic.value === 'Velsen' && /over 3 dagen/.test(entry.text),
    );
    expect(velsen).toHaveLength(1);
    expect(velsen[0]!.text).toMatch(
      /Velsen heeft zich nog niet aangemeld, de deadline is over 3 dagen/,
    );
    expect(velsen[0]!.webUrl).toBe(signupDeepLink(DEFAULT_TEAMS_APP_ID, 'GM0453'));
    // One new notice per municipality of her RIEC, none for the others.
    expect(notSignedUp()).toHaveLength(2 * NOORD_HOLLAND.length);
  }, 300_000);
});
