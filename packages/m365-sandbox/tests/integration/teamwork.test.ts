// Teams activity feed in the sandbox over real HTTPS: sendActivityNotification validated like
// Graph (permission, app installed for the recipient, declared activity type, template
// parameters, topic), the feed through the control API and in the inspector.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import type { Sandbox } from '../../src/app.js';
import {
  appToken,
  graph,
  personByUpn,
  PRODUCT_APP,
  SANDBOX_TOOLS_APP,
  startTestSandbox,
} from '../../src/testing.js';

const sanne = personByUpn('sanne.devries');
const jeroen = personByUpn('jeroen.visser');
const TEAMS_APP_ID = '7d1c4b2a-9e35-4f8a-b6c0-2e5d8f1a3c94';
const DEEP_LINK = `https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/aanmeldingen?context=${encodeURIComponent(
  JSON.stringify({ subEntityId: 'signup-42' }),
)}`;

let sandbox: Sandbox;
let product: string;

async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${sandbox.urls.http}/_sandbox/teamwork${path}`, {
    method,
    headers: {
      'x-sandbox-control': '1',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

function notification(extra: Record<string, unknown> = {}) {
  return {
    topic: { source: 'text', value: 'Haarlem', webUrl: DEEP_LINK },
    activityType: 'optionAccepted',
    previewText: { content: 'Optie 2 staat vast.' },
    templateParameters: [
      { name: 'option', value: '2' },
      { name: 'municipality', value: 'Haarlem' },
    ],
    ...extra,
  };
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
  product = await appToken(sandbox, PRODUCT_APP);
  const installed = await control('PUT', `/users/${sanne.id}/installedApps/${TEAMS_APP_ID}`, {
    entraAppId: PRODUCT_APP.clientId,
    displayName: 'Workshopplanner',
    activityTypes: [
      {
        type: 'optionAccepted',
        description: 'Beide trainers accepteerden een optie',
        templateText: 'beide trainers hebben optie {option} van {municipality} geaccepteerd',
      },
    ],
  });
  expect(installed.status).toBe(204);
}, 60_000);
afterAll(async () => sandbox.close());

describe('sendActivityNotification', () => {
  test('lands in the recipient’s feed with the deep link, and the inspector shows it', async () => {
    const sent = await graph(
      sandbox,
      product,
      'POST',
      `/users/${sanne.id}/teamwork/sendActivityNotification`,
      notification(),
    );
    expect(sent.status).toBe(204);
    const feed = await control('GET', `/users/${sanne.id}/feed`);
    expect(feed.body.value[0]).toMatchObject({
      activityType: 'optionAccepted',
      text: 'beide trainers hebben optie 2 van Haarlem geaccepteerd',
      previewText: 'Optie 2 staat vast.',
      webUrl: DEEP_LINK,
      teamsAppId: TEAMS_APP_ID,
    });
    const page = await fetch(`${sandbox.urls.http}/inspector/users/${sanne.id}`);
    const text = await page.text();
    expect(text).toContain('Activiteit in Teams');
    expect(text).toContain('beide trainers hebben optie 2 van Haarlem geaccepteerd');
  });

  test('an activity type the manifest does not declare is refused', async () => {
    const sent = await graph(
      sandbox,
      product,
      'POST',
      `/users/${sanne.id}/teamwork/sendActivityNotification`,
      notification({ activityType: 'somethingElse' }),
    );
    expect(sent.status).toBe(400);
    expect(sent.body.error.message).toMatch(/somethingElse.*not declared/);
  });

  test('a missing or unknown template parameter is refused', async () => {
    const missing = await graph(
      sandbox,
      product,
      'POST',
      `/users/${sanne.id}/teamwork/sendActivityNotification`,
      notification({ templateParameters: [{ name: 'option', value: '2' }] }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/missing.*municipality/);
    const unknown = await graph(
      sandbox,
      product,
      'POST',
      `/users/${sanne.id}/teamwork/sendActivityNotification`,
      notification({
        templateParameters: [...notification().templateParameters, { name: 'x', value: '1' }],
      }),
    );
    expect(unknown.status).toBe(400);
  });

  test('a text topic needs a webUrl; an entityUrl topic must be a Graph URL', async () => {
    for (const topic of [
      { source: 'text', value: 'Haarlem' },
      { source: 'entityUrl', value: 'https://example.org/x' },
      { source: 'other', value: 'x' },
    ]) {
      const sent = await graph(
        sandbox,
        product,
        'POST',
        `/users/${sanne.id}/teamwork/sendActivityNotification`,
        notification({ topic }),
      );
      expect(sent.status).toBe(400);
    }
  });

  test('a recipient without the app installed is refused, and nothing lands in a feed', async () => {
    const sent = await graph(
      sandbox,
      product,
      'POST',
      `/users/${jeroen.id}/teamwork/sendActivityNotification`,
      notification(),
    );
    expect(sent.status).toBe(403);
    expect(sent.body.error.message).toMatch(/not installed/);
    const feed = await control('GET', `/users/${jeroen.id}/feed`);
    expect(feed.body.value).toEqual([]);
  });

  test('an app without TeamsActivity.Send is refused', async () => {
    const tools = await appToken(sandbox, SANDBOX_TOOLS_APP);
    const sent = await graph(
      sandbox,
      tools,
      'POST',
      `/users/${sanne.id}/teamwork/sendActivityNotification`,
      notification(),
    );
    expect(sent.status).toBe(403);
    expect(sent.body.error.message).toMatch(/TeamsActivity\.Send/);
  });
});
