// The inspector's answer buttons in a real browser: the page's script posts the form with the
// sandbox's control header (a plain form post is refused since the control API and inspector
// accept changes only with it), lands on the page with the notice, and the organizer sees the
// answer.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Browser } from 'playwright-core';
import type { Sandbox } from '../../src/app.js';
import { launchChromium } from '../support/browser.js';
import { appToken, startTestSandbox } from '../../src/testing.js';
import {
  SEED_DATE,
  fatima,
  graphClient,
  holdBody,
  marieke,
  sanne,
} from '../integration/calendar-fixtures.js';

// A seeded sandbox and Chromium on a busy 2-core machine.
jest.setTimeout(120_000);

let sandbox: Sandbox;
let browser: Browser;
let client: Client;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seedDate: SEED_DATE });
  client = graphClient(sandbox, await appToken(sandbox));
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
}, 60_000);

describe('answering an invitation in the inspector', () => {
  it('sends the control header from the page: the answer reaches the organizer', async () => {
    const hold = await client.api(`/users/${sanne.upn}/events`).post(
      holdBody({
        day: '2022-06-14',
        from: '19:30',
        to: '22:30',
        subject: 'OPTIE 1: Workshop weerbaarheid gemeente Haarlem',
        attendees: [fatima.upn, marieke.upn],
      }),
    );
    const page = await browser.newPage();
    try {
      await page.goto(`${sandbox.urls.http}/inspector/users/${fatima.id}?week=2022-W24`);
      const form = page.getByRole('form', { name: /OPTIE 1: Workshop weerbaarheid/ }).first();
      await form.getByRole('button', { name: /^Accepteren/ }).click();
      await page.getByRole('status').filter({ hasText: 'Uitnodiging geaccepteerd.' }).waitFor();
      expect(page.url()).toContain('melding=accept');
    } finally {
      await page.close();
    }
    const organizerCopy = await client.api(`/users/${sanne.upn}/events/${hold.id}`).get();
    const answer = organizerCopy.attendees.find(
      (a: { emailAddress: { address: string } }) => a.emailAddress.address === fatima.upn,
    ).status.response;
    expect(answer).toBe('accepted');
  });
});
