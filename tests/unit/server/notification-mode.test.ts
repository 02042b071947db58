// When the server uses Graph change notifications and when it polls only (env.ts).
import { describe, expect, it } from '@jest/globals';
import { isClientState } from '../../../src/app/change-notifications.js';
import { notificationModeOf, readEnv } from '../../../src/server/env.js';

const SECRET = 'een-geheim-van-minstens-16';

describe('notificationModeOf', () => {
  it('polls without a notification URL, or without a client state', () => {
    expect(notificationModeOf(readEnv({}))).toMatchObject({ mode: 'polling' });
    expect(notificationModeOf(readEnv({ NOTIFICATION_CLIENT_STATE: SECRET }))).toMatchObject({
      mode: 'polling',
    });
    expect(
      notificationModeOf(readEnv({ PUBLIC_URL: 'https://workshops.example.nl' })),
    ).toMatchObject({ mode: 'polling', reason: 'no NOTIFICATION_CLIENT_STATE' });
  });

  it('derives the URL from PUBLIC_URL', () => {
    expect(
      notificationModeOf(
        readEnv({ PUBLIC_URL: 'https://workshops.example.nl/', NOTIFICATION_CLIENT_STATE: SECRET }),
      ),
    ).toEqual({
      mode: 'notifications',
      url: 'https://workshops.example.nl/api/notifications',
      clientState: SECRET,
    });
  });

  it('accepts http on this machine only', () => {
    const on = (url: string) =>
      notificationModeOf(readEnv({ NOTIFICATION_URL: url, NOTIFICATION_CLIENT_STATE: SECRET }));
    expect(on('http://localhost:3000/api/notifications')).toMatchObject({
      mode: 'notifications',
    });
    expect(on('http://workshops.example.nl/api/notifications')).toMatchObject({
      mode: 'polling',
    });
  });

  it('refuses a client state shorter than 16 characters', () => {
    expect(() => readEnv({ NOTIFICATION_CLIENT_STATE: 'kort' })).toThrow(
      /NOTIFICATION_CLIENT_STATE/,
    );
  });
});

describe('isClientState', () => {
  it('accepts the secret only, whatever is sent instead', () => {
    expect(isClientState(SECRET, SECRET)).toBe(true);
    for (const other of [`${SECRET} `, SECRET.slice(0, -1), '', undefined, null, 42, [SECRET]]) {
      expect(isClientState(other, SECRET)).toBe(false);
    }
  });
});
