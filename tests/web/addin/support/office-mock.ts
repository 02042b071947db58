// Outlook as office.js presents it, through office-addin-mock's OfficeMockObject: the global
// `Office` with its enums, Office.onReady, the context (language, theme, requirement sets, the
// dialog API) and the open mailbox item. Installed on globalThis as the CDN script would.
import { jest } from '@jest/globals';
import { readFileSync } from 'node:fs';

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, which also pulls in
// @microsoft/app-manifest and an ESM-only dependency that jest's CommonJS loader cannot require
// on Node 20. The enum is given here (values as office-addin-manifest 3 defines them), so the
// mock itself — unchanged — runs inside the test's own realm.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));
const { OfficeMockObject } = await import('office-addin-mock');

/** office.js's enum values as strings, as the real library has them at run time. */
const ENUMS = {
  HostType: { Outlook: 'Outlook' },
  CoercionType: { Text: 'text', Html: 'html' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  EventType: {
    DialogMessageReceived: 'dialogMessageReceived',
    DialogEventReceived: 'dialogEventReceived',
  },
};

type Callback<T> = (result: { status: string; value?: T; error?: { code: number } }) => void;

export interface MessageInit {
  readonly subject: string;
  readonly from: { readonly displayName: string; readonly emailAddress: string };
  readonly text: string;
  readonly html?: string;
  readonly dateTimeCreated: Date;
}

export interface OfficeInit {
  readonly item: Record<string, unknown>;
  readonly displayLanguage?: string;
  readonly bodyBackgroundColor?: string;
  readonly naa?: boolean;
  readonly host?: string | null;
  readonly ui?: Record<string, unknown>;
  readonly userEmail?: string;
}

export interface InstalledOffice {
  /** Coercion types the body was asked in, in order. */
  readonly bodyRequests: string[];
  uninstall(): void;
}

export function messageItem(init: MessageInit, bodyRequests: string[] = []) {
  return {
    itemType: 'message',
    subject: init.subject,
    from: init.from,
    dateTimeCreated: init.dateTimeCreated,
    body: {
      getAsync(coercion: string, callback: Callback<string>) {
        bodyRequests.push(coercion);
        callback({
          status: 'succeeded',
          value: coercion === 'html' ? (init.html ?? '') : init.text,
        });
      },
    },
  };
}

/** An appointment as the attendee sees it: values, no getAsync. */
export function attendeeAppointment(subject: string, start: string, end: string) {
  return { itemType: 'appointment', subject, start: new Date(start), end: new Date(end) };
}

/** The organizer's meeting form (compose): every field is read with getAsync. */
export function organizerAppointment(subject: string, start: string, end: string) {
  const field = <T>(value: T) => ({
    getAsync: (callback: Callback<T>) => callback({ status: 'succeeded', value }),
  });
  return {
    itemType: 'appointment',
    subject: field(subject),
    start: field(new Date(start)),
    end: field(new Date(end)),
  };
}

export function installOffice(init: OfficeInit, bodyRequests: string[] = []): InstalledOffice {
  const data = {
    host: 'outlook',
    ...ENUMS,
    onReady: async () => ({
      host: init.host === undefined ? 'Outlook' : init.host,
      platform: 'OfficeOnline',
    }),
    context: {
      displayLanguage: init.displayLanguage ?? 'nl-NL',
      officeTheme: {
        bodyBackgroundColor: init.bodyBackgroundColor ?? '#ffffff',
        bodyForegroundColor: '#000000',
      },
      requirements: {
        isSetSupported: (name: string, version: string) =>
          init.naa === true && name === 'NestedAppAuth' && version === '1.1',
      },
      ui: init.ui ?? {},
      mailbox: {
        item: init.item,
        userProfile: { emailAddress: init.userEmail ?? 'sanne.devries@riec.nl' },
      },
    },
  };
  const mock = new OfficeMockObject(data);
  Object.assign(globalThis, { Office: mock });
  return {
    bodyRequests,
    uninstall: () => {
      delete (globalThis as { Office?: unknown }).Office;
    },
  };
}

// Jest runs from the repository root (as the other suites that read fixtures assume).
const MAILS = 'tests/fixtures/mails';

/** A fixture mail (RFC 822, plain text, 8 bit) split into what Outlook shows of it. */
export function fixtureMail(name: string): MessageInit {
  const raw = readFileSync(`${MAILS}/${name}.eml`, 'utf8');
  const split = raw.indexOf('\n\n');
  const headers = raw.slice(0, split);
  const header = (key: string) =>
    new RegExp(`^${key}: (.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
  const from = /^(?:"?([^"<]*?)"?\s*)?<([^>]+)>$/.exec(header('From'));
  return {
    subject: header('Subject'),
    from: from
      ? { displayName: from[1] ?? '', emailAddress: from[2] ?? '' }
      : { displayName: '', emailAddress: header('From') },
    text: raw.slice(split + 2),
    dateTimeCreated: new Date(header('Date')),
  };
}

export function fixtureExpectation<T>(name: string): T {
  return JSON.parse(readFileSync(`${MAILS}/${name}.expected.json`, 'utf8')) as T;
}
