// Change notifications in the sandbox, as Graph documents them: the validation handshake when a
// subscription is created (and Graph's refusals), notifications for created, updated and deleted
// events with the subscription's clientState, renewal and expiry on the sandbox's clock, the
// lifecycle events, and the control API that drops or delays deliveries.
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Sandbox } from '../../src/app.js';
import { respondToEvent } from '../../src/calendar/index.js';
import { CONTROL_HEADER } from '../../src/http/local-only.js';
import { appToken, graph, PRODUCT_APP, RIEC_TENANT, startTestSandbox } from '../../src/testing.js';
import {
  eventually,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../support/webhook-receiver.js';
import { fatima, holdBody, marieke, sanne } from './calendar-fixtures.js';

// A sandbox, a receiver and deliveries with short retry schedules.
jest.setTimeout(60_000);
const TODAY = new Date('2026-09-01T09:00:00+02:00');
const MINUTE = 60_000;

let sandbox: Sandbox;
let receiver: WebhookReceiver;
let token: string;

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.urls.http}/_sandbox/subscriptions${path}`, {
    method,
    headers: {
      [CONTROL_HEADER]: '1',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- control JSON, asserted on
  return { status: response.status, body: text ? (JSON.parse(text) as any) : undefined };
}

function inMinutes(minutes: number): string {
  return new Date(sandbox.ctx.clock.now().getTime() + minutes * MINUTE).toISOString();
}

function subscriptionBody(overrides: Record<string, unknown> = {}) {
  return {
    changeType: 'created,updated,deleted',
    notificationUrl: receiver.url,
    lifecycleNotificationUrl: receiver.url,
    resource: `/users/${sanne.id}/events`,
    expirationDateTime: inMinutes(60),
    clientState: 'geheim-van-de-test',
    ...overrides,
  };
}

async function subscribe(overrides: Record<string, unknown> = {}) {
  return graph(sandbox, token, 'POST', '/subscriptions', subscriptionBody(overrides));
}

/** Change and lifecycle notifications received so far, flattened. */
function notifications() {
  return receiver.notificationBodies().flatMap((body) => body.value);
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ today: TODAY });
  receiver = await startWebhookReceiver();
  token = await appToken(sandbox, PRODUCT_APP);
  await control('PUT', '/delivery', { retryDelaysMs: [50, 50], notificationTimeoutMs: 1_000 });
});
afterAll(async () => {
  await receiver?.close();
  await sandbox?.close();
});
afterEach(async () => {
  receiver.validation = 'echo';
  receiver.notifications = 'accept';
  await control('PUT', '/delivery', { mode: 'deliver', validationTimeoutMs: 10_000 });
  for (const s of (await graph(sandbox, token, 'GET', '/subscriptions')).body.value) {
    await graph(sandbox, token, 'DELETE', `/subscriptions/${s.id}`);
  }
  receiver.received.length = 0;
});

describe('creating a subscription', () => {
  it('validates the endpoint first: a POST with the token, answered with the token', async () => {
    const created = await subscribe();
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      resource: `/users/${sanne.id}/events`,
      changeType: 'created,updated,deleted',
      clientState: 'geheim-van-de-test',
      applicationId: PRODUCT_APP.clientId,
      notificationUrl: receiver.url,
      lifecycleNotificationUrl: receiver.url,
      latestSupportedTlsVersion: 'v1_2',
    });
    const validation = receiver.received.find((r) => r.validationToken !== null);
    expect(validation?.contentType).toMatch(/^text\/plain/);
    // Opaque, with characters that had to be URL-encoded on the way.
    expect(validation?.validationToken).toMatch(/ /);
    const listed = await graph(sandbox, token, 'GET', '/subscriptions');
    expect(listed.body.value.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
  });

  it('is refused when the endpoint answers anything but the decoded token', async () => {
    receiver.validation = 'wrong';
    const wrong = await subscribe();
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('ValidationError');
    expect(wrong.body.error.message).toContain('must exactly match validationToken');
    receiver.validation = 'status500';
    const failing = await subscribe();
    expect(failing.status).toBe(400);
    expect(failing.body.error.message).toContain('must respond with 200 OK');
    expect((await graph(sandbox, token, 'GET', '/subscriptions')).body.value).toEqual([]);
  });

  it('is refused when the validation answer comes too late (Graph waits 10 s)', async () => {
    await control('PUT', '/delivery', { validationTimeoutMs: 200 });
    receiver.validation = 'slow';
    receiver.slowMs = 1_000;
    const late = await subscribe();
    expect(late.status).toBe(400);
    expect(late.body.error).toMatchObject({
      code: 'InvalidRequest',
      message: 'Subscription validation request timed out.',
    });
  });

  it('refuses what Graph refuses: plain http outside this machine, too long a lifetime', async () => {
    const http = await subscribe({
      notificationUrl: 'http://workshops.example.nl/api/notifications',
    });
    expect(http.status).toBe(400);
    expect(http.body.error.message).toBe("NotificationUrl scheme='http' is not supported.");
    const long = await subscribe({ expirationDateTime: inMinutes(10_081) });
    expect(long.status).toBe(400);
    expect(long.body.error).toMatchObject({
      code: 'ExtensionError',
      message: 'Subscription expiration can only be 10080 minutes in the future.',
    });
    const past = await subscribe({ expirationDateTime: inMinutes(-1) });
    expect(past.status).toBe(400);
    const other = await subscribe({ resource: `/users/${sanne.id}/messages` });
    expect(other.status).toBe(400);
    // Nothing was validated for requests refused on their face.
    expect(receiver.received).toEqual([]);
  });
});

describe('notifications', () => {
  it('tells of created, updated and deleted events in the mailbox, with the clientState', async () => {
    const created = (await subscribe()).body;
    const hold = await graph(
      sandbox,
      token,
      'POST',
      `/users/${sanne.upn}/events`,
      holdBody({
        day: '2026-09-29',
        from: '19:30',
        to: '22:30',
        attendees: [fatima.upn, marieke.upn],
      }),
    );
    expect(hold.status).toBe(201);
    await eventually(notifications, (n) => n.some((x) => x.changeType === 'created'));
    respondToEvent(sandbox.ctx, fatima.upn, hold.body.id, 'accept');
    await eventually(notifications, (n) => n.some((x) => x.changeType === 'updated'));
    await graph(sandbox, token, 'DELETE', `/users/${sanne.upn}/events/${hold.body.id}`);
    const all = await eventually(notifications, (n) => n.some((x) => x.changeType === 'deleted'));
    const own = all.filter(
      (n) => (n.resourceData as { id?: string } | undefined)?.id === hold.body.id,
    );
    expect(own.map((n) => n.changeType)).toEqual(['created', 'updated', 'deleted']);
    for (const notification of own) {
      expect(notification).toMatchObject({
        subscriptionId: created.id,
        clientState: 'geheim-van-de-test',
        tenantId: RIEC_TENANT.id,
        resource: `Users/${sanne.id}/Events/${hold.body.id}`,
        resourceData: { '@odata.type': '#Microsoft.Graph.Event', id: hold.body.id },
      });
    }
    // Only the subscribed mailbox: the trainers' copies changed too, nothing was said of them.
    expect(all.every((n) => n.subscriptionId === created.id)).toBe(true);
    expect(all.every((n) => String(n.resource).startsWith(`Users/${sanne.id}/`))).toBe(true);
  });

  it('drops deliveries on request and reports them as missed when delivery resumes', async () => {
    const created = (await subscribe()).body;
    await control('PUT', '/delivery', { mode: 'drop' });
    await graph(
      sandbox,
      token,
      'POST',
      `/users/${sanne.upn}/events`,
      holdBody({ day: '2026-09-30', from: '19:30', to: '22:30', attendees: [fatima.upn] }),
    );
    const dropped = await eventually(
      async () => (await control('GET', '/')).body.deliveries,
      (d: { outcome: string }[]) => d.some((x) => x.outcome === 'dropped'),
    );
    expect(dropped.some((d: { outcome: string }) => d.outcome === 'dropped')).toBe(true);
    expect(notifications()).toEqual([]);
    await control('PUT', '/delivery', { mode: 'deliver' });
    const after = await eventually(notifications, (n) => n.length > 0);
    expect(after).toEqual([
      expect.objectContaining({
        subscriptionId: created.id,
        lifecycleEvent: 'missed',
        clientState: 'geheim-van-de-test',
      }),
    ]);
  });

  it('resends a notification the endpoint failed, then drops it and says so (missed)', async () => {
    await subscribe();
    receiver.notifications = 'status500';
    await graph(
      sandbox,
      token,
      'POST',
      `/users/${sanne.upn}/events`,
      holdBody({ day: '2026-10-01', from: '19:30', to: '22:30', attendees: [fatima.upn] }),
    );
    const missed = await eventually(notifications, (n) =>
      n.some((x) => x.lifecycleEvent === 'missed'),
    );
    // One first attempt and two resends of the change, then the lifecycle notification.
    expect(missed.filter((n) => n.changeType === 'created')).toHaveLength(3);
    expect(missed.at(-1)).toMatchObject({ lifecycleEvent: 'missed' });
  });

  it('delays deliveries on request', async () => {
    await subscribe();
    await control('PUT', '/delivery', { mode: 'delay', delayMs: 300 });
    const since = (await control('GET', '/')).body.lastDeliverySeq;
    await graph(
      sandbox,
      token,
      'POST',
      `/users/${sanne.upn}/events`,
      holdBody({ day: '2026-10-06', from: '19:30', to: '22:30', attendees: [fatima.upn] }),
    );
    await eventually(notifications, (n) => n.some((x) => x.changeType === 'created'));
    const { deliveries } = (await control('GET', `/?since=${since}`)).body;
    expect(deliveries.map((d: { outcome: string }) => d.outcome)).toContain('delivered');
  });
});

describe('lifetime on the sandbox clock', () => {
  it('renews with PATCH, warns before the end, and deletes an expired subscription', async () => {
    const created = (await subscribe({ expirationDateTime: inMinutes(20) })).body;
    const renewed = await graph(sandbox, token, 'PATCH', `/subscriptions/${created.id}`, {
      expirationDateTime: inMinutes(40),
    });
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.expirationDateTime)).toBeGreaterThan(
      Date.parse(created.expirationDateTime),
    );
    // A quarter of its 40 minutes left: reauthorizationRequired, once.
    sandbox.ctx.clock.set(new Date(sandbox.ctx.clock.now().getTime() + 31 * MINUTE));
    const warned = await eventually(notifications, (n) =>
      n.some((x) => x.lifecycleEvent === 'reauthorizationRequired'),
    );
    expect(warned).toEqual([
      expect.objectContaining({
        subscriptionId: created.id,
        lifecycleEvent: 'reauthorizationRequired',
      }),
    ]);
    expect(
      (await graph(sandbox, token, 'POST', `/subscriptions/${created.id}/reauthorize`)).status,
    ).toBe(204);
    sandbox.ctx.clock.set(new Date(sandbox.ctx.clock.now().getTime() + 10 * MINUTE));
    const gone = await graph(sandbox, token, 'GET', `/subscriptions/${created.id}`);
    expect(gone.status).toBe(404);
    const renewAfter = await graph(sandbox, token, 'PATCH', `/subscriptions/${created.id}`, {
      expirationDateTime: inMinutes(40),
    });
    expect(renewAfter.status).toBe(404);
  });

  it('removes a subscription with a subscriptionRemoved lifecycle notification', async () => {
    const created = (await subscribe()).body;
    const removed = await control('POST', `/${created.id}/lifecycle`, {
      lifecycleEvent: 'subscriptionRemoved',
    });
    expect(removed.body.sent).toBe(true);
    await eventually(notifications, (n) => n.length > 0);
    expect(notifications()).toEqual([
      expect.objectContaining({
        subscriptionId: created.id,
        lifecycleEvent: 'subscriptionRemoved',
      }),
    ]);
    expect((await graph(sandbox, token, 'GET', `/subscriptions/${created.id}`)).status).toBe(404);
  });
});
