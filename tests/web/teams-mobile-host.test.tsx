// The tab in Teams on a phone: no frame, teams-js talks to the app through the webview's
// `window.nativeInterface` (teams-js 2.x, communication.ts: a window without a parent that has a
// native interface is "frameless"). A stand-in host answers the three calls the tab makes —
// initialize, getContext, authentication.getAuthToken — the way the native bridge does: the
// request as JSON to framelessPostMessage, the answer to window.onNativeMessage. Its own file:
// teams-js keeps one initialisation per page.
import { afterAll, describe, expect, it } from '@jest/globals';
import { detectHost } from '../../src/web/common/host/detect-host.js';

interface BridgeRequest {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly func: string;
  readonly args?: unknown[];
}

const RUNTIME = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: { app: {}, appEntity: {}, appInstallDialog: {}, dialog: { url: {} }, pages: {} },
};

const CONTEXT = {
  locale: 'nl-nl',
  theme: 'dark',
  frameContext: 'content',
  hostClientType: 'android',
  userPrincipalName: 'sanne.devries@riec.nl',
  loginHint: 'sanne.devries@riec.nl',
  userDisplayName: 'Sanne de Vries',
  appSessionId: 'session-1',
  hostName: 'Teams',
};

const calls: BridgeRequest[] = [];

function answer(request: BridgeRequest): unknown[] {
  switch (request.func) {
    case 'initialize':
      return [CONTEXT.frameContext, CONTEXT.hostClientType, JSON.stringify(RUNTIME), '2.58.0'];
    case 'getContext':
      return [CONTEXT];
    case 'authentication.getAuthToken':
      return [true, 'sso-token-from-teams-mobile'];
    default:
      return [];
  }
}

type NativeWindow = Window & {
  nativeInterface?: { framelessPostMessage(message: string): void };
  onNativeMessage?: (event: { data: unknown }) => void;
};

// teams-js fetches its list of host origins from Microsoft's CDN when it loads; offline it uses
// its built-in list (jsdom has no fetch at all).
globalThis.fetch = () => Promise.reject(new TypeError('offline'));

const nativeWindow = window as NativeWindow;
nativeWindow.nativeInterface = {
  framelessPostMessage(message) {
    const request = JSON.parse(message) as BridgeRequest;
    calls.push(request);
    // The native side answers asynchronously, as a real bridge does.
    setTimeout(() => {
      nativeWindow.onNativeMessage?.({
        data: { id: request.id, uuidAsString: request.uuidAsString, args: answer(request) },
      });
    }, 0);
  },
};

afterAll(() => {
  delete nativeWindow.nativeInterface;
});

describe('the tab in Teams on a phone (no frame)', () => {
  it('connects through the native bridge and signs in with Teams SSO', async () => {
    expect(window.parent).toBe(window);
    // The contentUrl as the manifest gives it; then the same start-up as the tab's own.
    window.history.replaceState(null, '', '/?host=teams');
    const host = await detectHost(Promise.resolve({} as never));
    expect(host).toMatchObject({
      kind: 'teams',
      locale: 'nl-nl',
      theme: 'dark',
      account: { name: 'Sanne de Vries', username: 'sanne.devries@riec.nl' },
    });
    if (host.kind !== 'teams') throw new Error('not in Teams');
    await expect(host.tokens.getToken()).resolves.toBe('sso-token-from-teams-mobile');
    expect(calls.map((call) => call.func)).toEqual(
      expect.arrayContaining(['initialize', 'getContext', 'authentication.getAuthToken']),
    );
  });
});
