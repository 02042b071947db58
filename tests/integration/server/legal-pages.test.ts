// The privacy statement and the terms of use that the app package links to answer on the server
// (Teams shows both links on the app's details page), Dutch by default and English on request,
// and every page address in the rendered manifests answers 200 on a running server.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseXml, childNamed } from '../../../src/cli/package-outlook-xml.js';
import { renderManifests } from '../../../src/cli/package-render.js';
import { readPackageSettings } from '../../../src/cli/package-settings.js';
import type { Sandbox } from '@workshopplanner/m365-sandbox';
import { startTestSandbox } from '../../support/sandbox.js';
import { call, startTestServer, type TestServer } from './server-harness.js';

// A sandbox and a server per file: more than jest's 5 s on a busy machine.
jest.setTimeout(60_000);

let sandbox: Sandbox;
let server: TestServer;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  // A web bundle of two pages stands in for `npm run build`; it has no legal/ folder, so the
  // pages come from their sources (src/web/public/legal), as in development.
  const webDir = mkdtempSync(join(tmpdir(), 'workshopplanner-web-'));
  writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Workshopplanner</title>');
  writeFileSync(join(webDir, 'addin.html'), '<!doctype html><title>Workshopplanner</title>');
  server = await startTestServer(sandbox, { env: { WEB_DIST_DIR: webDir } });
});
afterAll(async () => {
  await server?.close();
  await sandbox?.close();
});

/** The path and query of a manifest URL, asked of the test server. */
const onServer = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

describe('privacy statement and terms of use', () => {
  it.each([
    ['/privacy', 'Privacyverklaring Workshopplanner'],
    ['/terms', 'Gebruiksvoorwaarden Workshopplanner'],
  ])('%s answers in Dutch by default', async (path, heading) => {
    const page = await call(server, path);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-language')).toBe('nl-NL');
    expect(page.headers.get('vary')).toContain('Accept-Language');
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain(`<h1>${heading}</h1>`);
  });

  it.each([
    ['/privacy?lang=en', {}, 'Workshop planner privacy statement'],
    ['/terms', { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' }, 'Workshop planner terms of use'],
  ])('%s answers in English when asked', async (path, headers, heading) => {
    const page = await call(server, path, { headers });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-language')).toBe('en-US');
    expect(page.text).toContain('<html lang="en">');
    expect(page.text).toContain(`<h1>${heading}</h1>`);
  });

  it('says what is processed where: the lists in the tenant, calendars, mail, no own database', async () => {
    const page = await call(server, '/privacy');
    for (const fact of [
      'geen eigen database',
      'Workshopaanmeldingen',
      'Workshoplogboek',
      'Workshoptrainers',
      'agenda',
      'postvak',
      'Bewaren',
    ]) {
      expect(page.text).toContain(fact);
    }
  });

  it('needs no token and is not part of the API', async () => {
    const page = await call(server, '/privacy', { headers: { authorization: 'Bearer nonsense' } });
    expect(page.status).toBe(200);
    expect((await call(server, '/api/privacy')).status).toBe(404);
  });
});

describe('the links in the rendered manifests', () => {
  const settings = readPackageSettings({
    PUBLIC_URL: 'https://workshops.noord-holland.nl',
    CLIENT_ID: '0b9a8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
  });
  if (!settings.ok) throw new Error(settings.problems.join('\n'));
  const rendered = renderManifests(settings.settings);

  it('answer 200: websiteUrl, privacyUrl, termsOfUseUrl and the tabs of the app package', async () => {
    const unified = JSON.parse(rendered.unified) as {
      developer: Record<'websiteUrl' | 'privacyUrl' | 'termsOfUseUrl', string>;
      staticTabs: { contentUrl: string; websiteUrl: string }[];
    };
    const urls = [
      unified.developer.websiteUrl,
      unified.developer.privacyUrl,
      unified.developer.termsOfUseUrl,
      ...unified.staticTabs.flatMap((tab) => [tab.contentUrl, tab.websiteUrl]),
    ];
    expect(urls).toContain('https://workshops.noord-holland.nl/privacy');
    expect(urls).toContain('https://workshops.noord-holland.nl/terms');
    for (const url of urls) {
      expect([url, (await call(server, onServer(url))).status]).toEqual([url, 200]);
    }
  });

  it('answer 200: the support address and the task panes of the XML manifest', async () => {
    const parsed = parseXml(rendered.outlook);
    if (!parsed.ok) throw new Error(parsed.problem);
    const support = childNamed(parsed.root, 'SupportUrl')?.attrs.DefaultValue ?? '';
    const panes = [...rendered.outlook.matchAll(/DefaultValue="([^"]*addin\.html[^"]*)"/g)].map(
      (match) => match[1]!.replaceAll('&amp;', '&'),
    );
    expect(panes.length).toBeGreaterThan(0);
    for (const url of [support, ...panes]) {
      expect([url, (await call(server, onServer(url))).status]).toEqual([url, 200]);
    }
  });
});
