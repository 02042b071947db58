// Which host the tab is in. Desktop and web hosts frame the tab; Teams, Outlook and Microsoft 365
// on mobile load it in a webview without a frame, with the manifest's contentUrl (`?host=teams`).
// Both must reach teams-js; a plain browser must not load it, and a link with `?host=teams`
// opened in a plain browser must fall back at once (teams-js finds no host and rejects).
import { describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  detectHost,
  isOpenedFromManifest,
  type DetectHostDependencies,
} from '../../src/web/common/host/detect-host.js';

const config = Promise.resolve({} as never);
const teamsHost = { kind: 'teams' } as never;

function fakeConnect(answer: 'teams' | 'none') {
  return jest.fn<DetectHostDependencies['connectTeams']>(async () =>
    answer === 'teams' ? teamsHost : undefined,
  );
}

describe('detectHost', () => {
  it('is the browser in a top-level window opened without the host flag, without teams-js', async () => {
    const connect = fakeConnect('teams');
    for (const search of ['', '?view=logboek', '?host=outlook-web', '?hostx=teams']) {
      await expect(
        detectHost(config, { isFramed: () => false, search: () => search, connectTeams: connect }),
      ).resolves.toEqual({ kind: 'browser' });
    }
    expect(connect).not.toHaveBeenCalled();
  });

  it('tries the host in a top-level window opened from the manifest (Teams, Outlook, Microsoft 365 on mobile)', async () => {
    for (const search of ['?host=teams', '?host=teams&view=logboek', '?view=logboek&host=teams']) {
      const connect = fakeConnect('teams');
      await expect(
        detectHost(config, {
          isFramed: () => false,
          search: () => search,
          connectTeams: connect,
          timeoutMs: 1234,
        }),
      ).resolves.toBe(teamsHost);
      expect(connect).toHaveBeenCalledWith(config, 1234);
    }
  });

  it('tries the host in a frame whatever the URL, and falls back to the browser when none answers', async () => {
    const connect = fakeConnect('none');
    await expect(
      detectHost(config, { isFramed: () => true, search: () => '', connectTeams: connect }),
    ).resolves.toEqual({ kind: 'browser' });
    expect(connect).toHaveBeenCalledTimes(1);
  });

  it('reads the flag the manifest puts in every contentUrl', () => {
    const manifest = JSON.parse(readFileSync('appPackage/manifest.template.json', 'utf8')) as {
      staticTabs: { contentUrl: string; websiteUrl: string }[];
    };
    for (const tab of manifest.staticTabs) {
      expect(
        isOpenedFromManifest(new URL(tab.contentUrl.replace('{{PUBLIC_URL}}', 'https://x')).search),
      ).toBe(true);
      // The "open in browser" address is a plain browser page.
      expect(
        isOpenedFromManifest(new URL(tab.websiteUrl.replace('{{PUBLIC_URL}}', 'https://x')).search),
      ).toBe(false);
    }
  });
});

describe('teams-js outside any host', () => {
  it('gives up at once in a top-level window with the host flag but no host (a copied link)', async () => {
    // teams-js fetches its list of host origins from Microsoft's CDN when it loads; offline it
    // uses its built-in list (jsdom has no fetch at all).
    globalThis.fetch = () => Promise.reject(new TypeError('offline'));
    const { connectTeams } = await import('../../src/web/common/host/teams-host.js');
    // jsdom's window has no parent, no opener and no native interface: app.initialize() rejects
    // immediately, long before this timeout would matter.
    const host = await detectHost(config, {
      isFramed: () => false,
      search: () => '?host=teams',
      connectTeams,
      timeoutMs: 10 * 60 * 1000,
    });
    expect(host).toEqual({ kind: 'browser' });
  });
});
