// The add-in's logic without rendering: what goes to extractSlots, how a calendar item finds its
// sign-up, a repeated submit, where API messages belong, and the pieces of the sign-in.
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { SignInRequired } from '../../../src/web/common/api/api-errors.js';
import type { TGetWebConfigResponse, TSignupView } from '../../../src/web/common/api/api-types.js';
import { createMemoryTokens } from '../../../src/web/addin/auth/memory-tokens.js';
import { openSignInDialog } from '../../../src/web/addin/auth/sign-in-dialog.js';
import { startAuth } from '../../../src/web/addin/auth/start-auth.js';
import { matchAppointment } from '../../../src/web/addin/flows/appointment-match.js';
import { fieldOf, messagesAt } from '../../../src/web/addin/flows/mail-draft.js';
import { toExtractRequest } from '../../../src/web/addin/flows/mail-fields.js';
import { registerAndPropose } from '../../../src/web/addin/flows/mail-flow.js';
import type { TProposeHoldsRequest } from '../../../src/web/common/api/api-types.js';
import { isDarkColour, surfaceOf } from '../../../src/web/addin/office/office-host.js';
import { readMessage } from '../../../src/web/addin/office/read-item.js';
import { FATIMA, MARIEKE, SLOTS, signupView } from '../support/fixtures.js';
import { installOffice, messageItem, type InstalledOffice } from './support/office-mock.js';
import './support/render-addin.js';

let office: InstalledOffice | undefined;
afterEach(() => {
  office?.uninstall();
  office = undefined;
});

describe('reading a mail for extractSlots', () => {
  it('sends the text, and the HTML only when Outlook gives no text', async () => {
    const bodyRequests: string[] = [];
    const item = messageItem(
      {
        subject: 'Aanmelding workshop',
        from: { displayName: 'Griffie Amstelveen', emailAddress: 'griffie@amstelveen.nl' },
        text: '  \n',
        html: '<p>dinsdag 14 juni van 19.30 tot 22.30 uur</p>',
        dateTimeCreated: new Date('2022-05-10T07:14:22Z'),
      },
      bodyRequests,
    );
    office = installOffice({ item }, bodyRequests);
    const mail = await readMessage();
    expect(bodyRequests).toEqual(['text', 'html']);
    expect(toExtractRequest(mail)).toEqual({
      subject: 'Aanmelding workshop',
      from: 'Griffie Amstelveen <griffie@amstelveen.nl>',
      html: '<p>dinsdag 14 juni van 19.30 tot 22.30 uur</p>',
      receivedAt: '2022-05-10T07:14:22.000Z',
    });
  });

  it('writes a sender without a name as the bare address', () => {
    expect(
      toExtractRequest({
        subject: '',
        from: { name: 'griffie@hoorn.nl', address: 'griffie@hoorn.nl' },
        text: '3 opties: 21/6, 28/6 en 5/7',
        html: undefined,
        receivedAt: '2022-05-16T06:41:09.000Z',
      }),
    ).toEqual({
      from: 'griffie@hoorn.nl',
      text: '3 opties: 21/6, 28/6 en 5/7',
      receivedAt: '2022-05-16T06:41:09.000Z',
    });
  });
});

describe('matching a calendar item to its sign-up', () => {
  const haarlem = signupView();
  const subject = 'OPTIE 3: Workshop weerbaarheid, integriteit en ondermijning – gemeente Haarlem';

  it('accepts a time a few seconds off, and not one a few minutes off', () => {
    const slot = SLOTS[2]!;
    const at = (offsetMs: number) => ({
      subject,
      start: new Date(Date.parse(slot.start) + offsetMs).toISOString(),
      end: slot.end,
    });
    expect(matchAppointment(at(30_000), [haarlem])?.option?.slotIndex).toBe(2);
    expect(matchAppointment(at(5 * 60_000), [haarlem])).toBeUndefined();
  });

  it('needs the municipality as a whole word in the subject', () => {
    const slot = SLOTS[0]!;
    const other: TSignupView = {
      ...haarlem,
      municipality: { cbsCode: 'GM0394', name: 'Haarlemmermeer', domain: null },
    };
    const item = { subject: subject.replace('Haarlem', 'Haarlemmermeer'), ...slot };
    expect(matchAppointment(item, [haarlem, other])?.signup.municipality.name).toBe(
      'Haarlemmermeer',
    );
    expect(matchAppointment(item, [haarlem])).toBeUndefined();
    expect(matchAppointment({ ...item, subject: 'Lunch' }, [haarlem, other])).toBeUndefined();
  });
});

describe('registering and placing the holds', () => {
  const pair = { berenschot: MARIEKE, riec: FATIMA };

  const request = {
    cbsCode: 'GM0392',
    contact: { name: 'Griffie Haarlem', email: 'griffie@haarlem.nl' },
    preferences: [],
    scanStatus: 'onbekend' as const,
    remarks: '',
  };

  it('on a retry reads the registered sign-up instead of registering it again', async () => {
    // The first attempt registered; the answer to "propose" was lost, yet the holds are there.
    const registered = { signup: signupView({ status: 'aangemeld', pair: null }), warnings: [] };
    const registerSignup = jest.fn(async () => registered);
    const getSignup = jest.fn(async (_id: string) =>
      signupView({ status: 'opties_geplaatst', pair }),
    );
    const proposeHolds = jest.fn(async () => signupView());
    const steps: string[] = [];
    const result = await registerAndPropose(
      { registerSignup, getSignup, proposeHolds },
      request,
      pair,
      {
        registered,
        onStep: (step) => steps.push(step),
      },
    );
    expect(result.signup.status).toBe('opties_geplaatst');
    expect(registerSignup).not.toHaveBeenCalled();
    expect(getSignup).toHaveBeenCalledWith('7');
    expect(proposeHolds).not.toHaveBeenCalled();
    expect(steps).toEqual(['registering']);
  });

  it('places the holds for a sign-up that was registered but has none yet', async () => {
    const registered = { signup: signupView({ status: 'aangemeld', pair: null }), warnings: [] };
    const getSignup = jest.fn(async (_id: string) => registered.signup);
    const proposeHolds = jest.fn(async (_id: string, _pair: { berenschot: string; riec: string }) =>
      signupView(),
    );
    const onRegistered = jest.fn();
    await registerAndPropose(
      { registerSignup: jest.fn(async () => registered), getSignup, proposeHolds },
      request,
      pair,
      { registered, onRegistered },
    );
    expect(proposeHolds).toHaveBeenCalledWith('7', {
      berenschot: 'marieke.vandijk@berenschot.nl',
      riec: 'fatima.amrani@riec.nl',
    });
    expect(onRegistered).not.toHaveBeenCalled();
  });

  it('places them anyway after "Toch plaatsen" (acknowledgeOverlaps)', async () => {
    const registered = { signup: signupView({ status: 'aangemeld', pair: null }), warnings: [] };
    const proposeHolds = jest.fn(async (_id: string, _request: TProposeHoldsRequest) =>
      signupView(),
    );
    await registerAndPropose(
      {
        registerSignup: jest.fn(async () => registered),
        getSignup: jest.fn(async (_id: string) => registered.signup),
        proposeHolds,
      },
      request,
      pair,
      { registered, acknowledgeOverlaps: true },
    );
    expect(proposeHolds).toHaveBeenCalledWith('7', {
      berenschot: 'marieke.vandijk@berenschot.nl',
      riec: 'fatima.amrani@riec.nl',
      acknowledgeOverlaps: true,
    });
  });
});

describe('where an API message is shown', () => {
  it.each([
    ['cbsCode', 'cbsCode'],
    ['contact', 'contact.name'],
    ['contact.email', 'contact.email'],
    ['preferences.1.end', 'preferences.1.end'],
    ['preferences.2', 'preferences.2'],
    ['preferences.0.start.hour', 'preferences.0.start'],
    ['preferences', 'preferences'],
    ['lateOverride.reason', 'form'],
  ])('%s → %s', (path, field) => expect(fieldOf(path)).toBe(field));

  it('shows a message about the day at the date, though the API names the start', () => {
    const messages = [
      { field: 'preferences.0.start', code: 'SLOT_IN_PAST', message: 'Ligt in het verleden.' },
      { field: 'preferences.0.end', code: 'SLOT_END_BEFORE_START', message: 'Eindigt te vroeg.' },
    ];
    expect(messagesAt(messages, 'preferences.0.date')).toEqual(['Ligt in het verleden.']);
    expect(messagesAt(messages, 'preferences.0.start')).toEqual([]);
    expect(messagesAt(messages, 'preferences.0.end')).toEqual(['Eindigt te vroeg.']);
  });
});

describe('Outlook’s settings', () => {
  it.each([
    ['#1f1f1f', true],
    ['#292929', true],
    ['#ffffff', false],
    ['#f3f2f1', false],
    ['#000', true],
    [undefined, false],
  ])('body background %s is dark: %s', (colour, isDark) =>
    expect(isDarkColour(colour)).toBe(isDark),
  );

  it('takes the surface from the URL, else from the open item', () => {
    expect(surfaceOf('?surface=appointment', 'message')).toBe('appointment');
    expect(surfaceOf('', 'appointment')).toBe('appointment');
    expect(surfaceOf('?surface=other', undefined)).toBe('mail');
  });
});

describe('signing in', () => {
  const info = {
    displayLanguage: 'nl-NL',
    isDark: false,
    isNaaSupported: true,
    hasDialogApi: true,
    itemKind: 'message' as const,
    userEmail: 'sanne.devries@riec.nl',
  };

  it('uses NAA with the web config and the mailbox as login hint, without a dialog', async () => {
    const config = { clientId: 'client' } as TGetWebConfigResponse;
    const naa = { getToken: async () => 'naa-token' };
    const createNaaTokens = jest.fn(
      async (_config: TGetWebConfigResponse, _loginHint: string | undefined) => naa,
    );
    const openDialog = jest.fn(async () => 'x');
    const auth = await startAuth(info, {
      loadConfig: async () => config,
      createNaaTokens,
      openSignInDialog: openDialog,
    });
    expect(auth).toEqual({ kind: 'ready', tokens: naa, signIn: undefined });
    expect(createNaaTokens).toHaveBeenCalledWith(config, 'sanne.devries@riec.nl');
    expect(openDialog).not.toHaveBeenCalled();
  });

  it('keeps the dialog’s token only while it is valid', async () => {
    const token = (exp: number) => `h.${btoa(JSON.stringify({ exp })).replace(/=+$/, '')}.s`;
    const now = Date.parse('2026-11-28T12:00:00Z');
    const fresh = createMemoryTokens(token(now / 1000 + 3600), () => now);
    expect(await fresh.getToken()).toBe(token(now / 1000 + 3600));
    await expect(fresh.getToken({ forceRefresh: true })).rejects.toBeInstanceOf(SignInRequired);
    const stale = createMemoryTokens(token(now / 1000 + 30), () => now);
    await expect(stale.getToken()).rejects.toBeInstanceOf(SignInRequired);
  });

  it('takes a token from its own page only', async () => {
    let deliver: (args: unknown) => void = () => undefined;
    const close = jest.fn();
    office = installOffice({
      item: {},
      ui: {
        displayDialogAsync: (_url: string, _options: unknown, callback: (r: unknown) => void) =>
          callback({
            status: 'succeeded',
            value: {
              addEventHandler: (type: string, handler: (args: unknown) => void) => {
                if (type === 'dialogMessageReceived') deliver = handler;
              },
              close,
            },
          }),
      },
    });
    const token = openSignInDialog('https://localhost:3000/addin.html?dialog=sign-in');
    const message = JSON.stringify({ type: 'signed-in', accessToken: 'good' });
    deliver({
      message: JSON.stringify({ type: 'signed-in', accessToken: 'evil' }),
      origin: 'https://evil.example',
    });
    deliver({ message, origin: window.location.origin });
    await expect(token).resolves.toBe('good');
    expect(close).toHaveBeenCalledTimes(1);
  });
});
