// The inspector as a person uses it in a browser: the overview of people and external
// mailboxes, a week of someone's calendar with their inbox, and answering an invitation with
// the form (which must reach the organizer's event like an answer through Graph).
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../src/app.js';
import { PEOPLE, appToken, startTestSandbox } from '../../src/testing.js';
import {
  MAYOR_HAARLEM,
  SEED_DATE,
  fatima,
  graphClient,
  holdBody,
  marieke,
  meetingMessages,
  sanne,
} from './calendar-fixtures.js';

// beforeAll starts and seeds a sandbox: more than jest's 5 s on a busy machine.
jest.setTimeout(60_000);

let sandbox: Sandbox;
let client: Client;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Graph JSON of the created hold
let hold: any;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedDate: SEED_DATE });
  client = graphClient(sandbox, await appToken(sandbox));
  hold = await client.api(`/users/${sanne.upn}/events`).post(
    holdBody({
      day: '2022-06-14',
      from: '19:30',
      to: '22:30',
      subject: 'OPTIE <script>alert(1)</script> Haarlem',
      attendees: [fatima.upn, marieke.upn, MAYOR_HAARLEM],
    }),
  );
}, 60_000);
afterAll(async () => sandbox.close());

async function getPage(path: string) {
  const response = await fetch(`${sandbox.urls.http}${path}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

async function postForm(fields: Record<string, string>) {
  return fetch(`${sandbox.urls.http}/inspector/respond`, {
    method: 'POST',
    redirect: 'manual',
    // As the inspector's own page sends it (src/inspector/layout.ts).
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-sandbox-control': '1' },
    body: new URLSearchParams(fields),
  });
}

async function organizerStatus(address: string) {
  const event = await client.api(`/users/${sanne.upn}/events/${hold.id}`).get();
  return event.attendees.find(
    (a: { emailAddress: { address: string } }) => a.emailAddress.address === address,
  ).status.response;
}

describe('overview', () => {
  it('lists every seeded user by organisation and the external mailboxes', async () => {
    const page = await getPage('/inspector');
    expect(page.status).toBe(200);
    expect(page.type).toContain('text/html');
    expect(page.text).toContain('<main');
    expect(page.text).toMatch(/<h2[^>]*>\s*RIEC \(sandbox\)/);
    expect(page.text).toMatch(/<h2[^>]*>\s*Berenschot \(sandbox\)/);
    for (const person of PEOPLE) expect(page.text).toContain(`/inspector/users/${person.id}`);
    expect(page.text).toContain(`/inspector/external/${encodeURIComponent(MAYOR_HAARLEM)}`);
  });
});

describe("a user's page", () => {
  it('shows the week with the hold placed, its status in words, and navigation', async () => {
    const page = await getPage(`/inspector/users/${fatima.id}?week=2022-W24`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('dinsdag 14 juni');
    expect(page.text).toContain('19:30–22:30');
    expect(page.text).toContain('Voorlopig · Nog niet beantwoord');
    expect(page.text).toContain('?week=2022-W23');
    expect(page.text).toContain('?week=2022-W25');
    // Escaped everywhere: the subject's markup is text, never markup.
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The invitation in the inbox, with labelled answer buttons.
    expect(page.text).toContain('Uitnodiging');
    expect(page.text).toMatch(/<label for="opmerking-[^"]+"\s*>\s*Opmerking/);
    expect(page.text).toContain('value="accept"');
  });

  it('refuses a week that is not YYYY-Www', async () => {
    expect((await getPage(`/inspector/users/${fatima.id}?week=2022-24`)).status).toBe(400);
  });
});

describe('answering with the form', () => {
  it("an accept by a trainer updates the organizer's event and redirects back", async () => {
    const copyId = meetingMessages(sandbox, fatima.id, hold.id)[0]!.message.meeting!
      .recipientEventIds![fatima.upn]!;
    const returnTo = `/inspector/users/${fatima.id}?week=2022-W24`;
    const response = await postForm({
      attendee: fatima.id,
      event: copyId,
      answer: 'accept',
      comment: 'Graag',
      returnTo,
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${returnTo}&melding=accept`);
    expect(await organizerStatus(fatima.upn)).toBe('accepted');
    const after = await getPage(response.headers.get('location')!);
    expect(after.text).toContain('Uitnodiging geaccepteerd.');
  });

  it("the mayor's office declines from its external mailbox", async () => {
    const page = await getPage(`/inspector/external/${encodeURIComponent(MAYOR_HAARLEM)}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="decline"');
    const response = await postForm({
      attendee: MAYOR_HAARLEM,
      event: hold.id,
      answer: 'decline',
      returnTo: `/inspector/external/${encodeURIComponent(MAYOR_HAARLEM)}`,
    });
    expect(response.status).toBe(303);
    expect(await organizerStatus(MAYOR_HAARLEM)).toBe('declined');
  });

  it('has an icon, so a browser on the sign-in page or the inspector gets no 404 (issue 18)', async () => {
    const response = await fetch(`${sandbox.urls.http}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    await expect(response.text()).resolves.toMatch(/^<svg /);
  });

  it('keeps idle connections open longer than clients do (no ECONNRESET on a busy machine)', async () => {
    const response = await fetch(`${sandbox.urls.http}/favicon.ico`);
    await response.arrayBuffer();
    // Node's own default is 5 s, just above undici's 4 s: a client late by a second resets.
    expect(response.headers.get('keep-alive')).toBe('timeout=65');
  });

  it('does not redirect outside the inspector', async () => {
    const copyId = meetingMessages(sandbox, marieke.id, hold.id)[0]!.message.meeting!
      .recipientEventIds![marieke.upn]!;
    const response = await postForm({
      attendee: marieke.id,
      event: copyId,
      answer: 'tentativelyAccept',
      returnTo: 'https://example.org/inspector',
    });
    expect(response.headers.get('location')).toBe('/inspector?melding=tentativelyAccept');
    expect(await organizerStatus(marieke.upn)).toBe('tentativelyAccepted');
  });

  it("shows Graph's refusal as a page (the organizer cannot answer her own meeting)", async () => {
    const response = await postForm({
      attendee: sanne.id,
      event: hold.id,
      answer: 'accept',
      returnTo: '/inspector',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('role="alert"');
  });
});
