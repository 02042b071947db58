// The pane's start: outside Outlook it says where it belongs; inside, Outlook's language and
// theme, the token (NAA, else the sign-in dialog) and the surface the ribbon button asked for.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type { TokenSource } from '../../../src/web/common/api/api-client.js';
import type { TGetWebConfigResponse } from '../../../src/web/common/api/api-types.js';
import type { AddinApi } from '../../../src/web/addin/api/addin-api.js';
import { startAuth, type AddinAuth } from '../../../src/web/addin/auth/start-auth.js';
import type { OfficeInfo } from '../../../src/web/addin/office/office-host.js';
import { AddinRoot } from '../../../src/web/addin/shell/addin-root.js';
import { SANNE } from '../support/fixtures.js';
import { attendeeAppointment, installOffice, type InstalledOffice } from './support/office-mock.js';
import { fakeAddinApi, renderInAddin } from './support/render-addin.js';

const CONFIG: TGetWebConfigResponse = {
  clientId: '2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27',
  tenantId: 'riec',
  authority: {
    issuer: 'https://localhost:8443/riec/v2.0',
    authorizationEndpoint: 'http://localhost:8443/riec/oauth2/v2.0/authorize',
    tokenEndpoint: 'http://localhost:8443/riec/oauth2/v2.0/token',
    endSessionEndpoint: 'http://localhost:8443/riec/oauth2/v2.0/logout',
    msalAuthority: 'https://localhost:8443/riec',
  },
  apiScope: 'api://localhost:3000/2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27/access_as_user',
  signInScopes: ['openid', 'profile', 'offline_access'],
};

function base64Url(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}
/** An access token as the identity provider issues it (the pane reads only `exp`). */
const ACCESS_TOKEN = `${base64Url({ alg: 'RS256' })}.${base64Url({ exp: 4_102_444_800 })}.sig`;

let office: InstalledOffice | undefined;
afterEach(() => {
  office?.uninstall();
  office = undefined;
  localStorage.clear();
  document.documentElement.style.colorScheme = '';
});

const noSignups = (): AddinApi =>
  fakeAddinApi({ getMe: async () => SANNE, listSignups: async () => ({ signups: [] }) });

describe('the add-in page', () => {
  it('says to open it from Outlook when office.js is not there', async () => {
    renderInAddin(<AddinRoot search="?surface=mail" />);
    expect(await screen.findByText('Open deze pagina vanuit Outlook')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Workshopplanner openen' })).toHaveAttribute(
      'href',
      `${window.location.origin}/`,
    );
  });

  it('says the same when office.js loaded but no Office host is around it', async () => {
    office = installOffice({ item: {}, host: null });
    const authenticate = jest.fn<(office: OfficeInfo) => Promise<AddinAuth>>();
    renderInAddin(<AddinRoot search="?surface=mail" authenticate={authenticate} />);
    expect(await screen.findByText('Open deze pagina vanuit Outlook')).toBeVisible();
    expect(authenticate).not.toHaveBeenCalled();
  });

  it('follows Outlook’s language and dark theme and uses NAA where Outlook has it', async () => {
    office = installOffice({
      item: attendeeAppointment('Lunch', '2026-12-16T11:00:00Z', '2026-12-16T12:00:00Z'),
      displayLanguage: 'en-US',
      bodyBackgroundColor: '#1f1f1f',
      naa: true,
      userEmail: 'fatima.amrani@riec.nl',
    });
    const tokens: TokenSource = { getToken: async () => ACCESS_TOKEN };
    const authenticate = jest.fn(async (_office: OfficeInfo): Promise<AddinAuth> => ({
      kind: 'ready',
      tokens,
      signIn: undefined,
    }));
    const createApi = jest.fn((_tokens: TokenSource) => noSignups());
    renderInAddin(
      <AddinRoot search="?surface=appointment" authenticate={authenticate} createApi={createApi} />,
    );

    expect(await screen.findByRole('heading', { name: 'Workshop option' })).toBeVisible();
    expect(
      await screen.findByText(/No sign-up in Workshopplanner matches this appointment/),
    ).toBeVisible();
    expect(authenticate).toHaveBeenCalledWith(
      expect.objectContaining({
        isNaaSupported: true,
        isDark: true,
        displayLanguage: 'en-US',
        itemKind: 'appointment',
        userEmail: 'fatima.amrani@riec.nl',
      }),
    );
    expect(createApi.mock.calls[0]?.[0]).toBe(tokens);
    expect(document.documentElement.style.colorScheme).toBe('dark');

    // The switch overrides Outlook's language.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Nederlands' }));
    expect(await screen.findByRole('heading', { name: 'Workshopoptie' })).toBeVisible();
  });

  it('signs in through the Office dialog where there is no NAA', async () => {
    const dialogUrls: string[] = [];
    office = installOffice({
      item: attendeeAppointment('Lunch', '2026-12-16T11:00:00Z', '2026-12-16T12:00:00Z'),
      ui: {
        displayDialogAsync: (
          url: string,
          _options: unknown,
          callback: (result: { status: string; value: unknown }) => void,
        ) => {
          dialogUrls.push(url);
          const handlers = new Map<string, (args: unknown) => void>();
          callback({
            status: 'succeeded',
            value: {
              addEventHandler: (type: string, handler: (args: unknown) => void) =>
                handlers.set(type, handler),
              close: () => undefined,
            },
          });
          // The dialog signed in and hands the token over (messageParent).
          setTimeout(() =>
            handlers.get('dialogMessageReceived')?.({
              message: JSON.stringify({ type: 'signed-in', accessToken: ACCESS_TOKEN }),
              origin: window.location.origin,
            }),
          );
        },
      },
    });
    const createNaaTokens = jest.fn(async () => ({ getToken: async () => 'naa' }));
    const authenticate = (info: OfficeInfo) =>
      startAuth(info, {
        loadConfig: async () => CONFIG,
        createNaaTokens,
        openSignInDialog: (url) =>
          import('../../../src/web/addin/auth/sign-in-dialog.js').then((m) =>
            m.openSignInDialog(url),
          ),
      });
    const seenTokens: string[] = [];
    const createApi = (tokens: TokenSource) =>
      fakeAddinApi({
        getMe: async () => {
          seenTokens.push(await tokens.getToken());
          return SANNE;
        },
        listSignups: async () => ({ signups: [] }),
      });
    renderInAddin(
      <AddinRoot search="?surface=appointment" authenticate={authenticate} createApi={createApi} />,
    );

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Aanmelden' }));
    expect(await screen.findByText(/Bij deze afspraak is geen aanmelding gevonden/)).toBeVisible();
    expect(dialogUrls).toEqual([`${window.location.origin}/addin.html?dialog=sign-in`]);
    expect(seenTokens).toEqual([ACCESS_TOKEN]);
    expect(createNaaTokens).not.toHaveBeenCalled();
  });

  it('says so when the user closes the sign-in dialog, and offers it again', async () => {
    office = installOffice({
      item: attendeeAppointment('Lunch', '2026-12-16T11:00:00Z', '2026-12-16T12:00:00Z'),
      ui: {
        displayDialogAsync: (
          _url: string,
          _options: unknown,
          callback: (result: { status: string; value: unknown }) => void,
        ) => {
          const handlers = new Map<string, (args: unknown) => void>();
          callback({
            status: 'succeeded',
            value: {
              addEventHandler: (type: string, handler: (args: unknown) => void) =>
                handlers.set(type, handler),
              close: () => undefined,
            },
          });
          setTimeout(() => handlers.get('dialogEventReceived')?.({ error: 12006 }));
        },
      },
    });
    const authenticate = (info: OfficeInfo) =>
      startAuth(info, {
        loadConfig: async () => CONFIG,
        createNaaTokens: async () => ({ getToken: async () => 'naa' }),
        openSignInDialog: (url) =>
          import('../../../src/web/addin/auth/sign-in-dialog.js').then((m) =>
            m.openSignInDialog(url),
          ),
      });
    renderInAddin(<AddinRoot search="?surface=mail" authenticate={authenticate} />);

    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Aanmelden' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Het aanmeldvenster is gesloten voordat u was aangemeld.',
    );
    await waitFor(() => expect(screen.getByRole('button', { name: 'Aanmelden' })).toBeEnabled());
  });
});
