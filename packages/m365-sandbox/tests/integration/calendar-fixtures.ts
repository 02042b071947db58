// Shared set-up of the calendar suites: the Graph SDK pointed at the sandbox exactly as the
// product points it at graph.microsoft.com (only baseUrl and customHosts differ), and hold
// bodies in the shape DESIGN.md gives them.
import { Client } from '@microsoft/microsoft-graph-client';
import type { Sandbox } from '../../src/app.js';
import { listMailbox } from '../../src/mail/index.js';
import { personByUpn } from '../../src/testing.js';

/** The anchor of the seeded calendars in these suites: the 2022 campaign. */
export const SEED_DATE = '2022-05-16';

export const sanne = personByUpn('sanne.devries'); // account holder (organizer)
export const fatima = personByUpn('fatima.amrani'); // RIEC advisor
export const jeroen = personByUpn('jeroen.visser'); // RIEC advisor
export const marieke = personByUpn('marieke.vandijk'); // Berenschot advisor
export const thomas = personByUpn('thomas.kok'); // Berenschot advisor
export const MAYOR_HAARLEM = 'burgemeester@haarlem.nl';

/** A Graph client for one token; `customHosts` makes the SDK attach it to localhost. */
export function graphClient(sandbox: Sandbox, token: string): Client {
  return Client.initWithMiddleware({
    authProvider: { getAccessToken: async () => token },
    baseUrl: `${sandbox.urls.https}/`,
    defaultVersion: 'v1.0',
    customHosts: new Set(['localhost']),
  });
}

export interface HoldOptions {
  readonly day: string;
  readonly from: string;
  readonly to: string;
  readonly attendees: readonly string[];
  readonly subject?: string;
  readonly transactionId?: string;
}

/** A hold as DESIGN.md describes it: tentative, response requested, no new time proposals. */
export function holdBody(options: HoldOptions) {
  return {
    subject: options.subject ?? 'OPTIE Workshop weerbaarheid gemeente Haarlem',
    body: { contentType: 'html', content: '<p>Optie voor de workshop <b>weerbaarheid</b>.</p>' },
    start: { dateTime: `${options.day}T${options.from}:00`, timeZone: 'W. Europe Standard Time' },
    end: { dateTime: `${options.day}T${options.to}:00`, timeZone: 'W. Europe Standard Time' },
    showAs: 'tentative',
    responseRequested: true,
    allowNewTimeProposals: false,
    categories: ['Workshop weerbaarheid'],
    attendees: options.attendees.map((address) => ({
      emailAddress: { address },
      type: 'required',
    })),
    ...(options.transactionId ? { transactionId: options.transactionId } : {}),
  };
}

/** Meeting messages a mailbox received about one organizer event (mail module). */
export function meetingMessages(sandbox: Sandbox, mailbox: string, organizerEventId: string) {
  return listMailbox(sandbox.ctx, mailbox).filter(
    (m) => m.message.meeting?.organizerEventId === organizerEventId,
  );
}

/** One day in UTC for calendarView queries. */
export function dayRange(day: string): string {
  const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return `startDateTime=${day}T00:00:00Z&endDateTime=${next}T00:00:00Z`;
}
