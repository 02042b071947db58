// Request bodies of POST /events and PATCH /events/{id}: strict zod schemas (an unknown property
// is Graph's 400 RequestBodyRead) and their translation into the stored model.
import { z } from 'zod';
import type { Directory } from '../directory/store.js';
import { GraphError } from '../http/graph-error.js';
import { parseDateTimeTimeZone } from './time-zones.js';
import type { Attendee, EmailAddress, EventData, EventLocation } from './types.js';

/** Graph reads enum members case-insensitively ("Busy" and "busy"); it writes them camelCase. */
function graphEnum<const T extends readonly [string, ...string[]]>(values: T) {
  return z.string().transform((value, ctx) => {
    const found = values.find((member) => member.toLowerCase() === value.toLowerCase());
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', message: `Requested value '${value}' was not found` });
      return z.NEVER;
    }
    return found as T[number];
  });
}

const odataType = { '@odata.type': z.string().optional() };

export const ZDateTimeTimeZone = z
  .object({ dateTime: z.string(), timeZone: z.string().optional(), ...odataType })
  .strict();

const ZEmailAddress = z
  .object({ address: z.string().min(1), name: z.string().optional(), ...odataType })
  .strict();

const ZResponseStatus = z
  .object({ response: z.string().optional(), time: z.string().optional(), ...odataType })
  .strict();

const ZAttendee = z
  .object({
    emailAddress: ZEmailAddress,
    type: graphEnum(['required', 'optional', 'resource'] as const).optional(),
    // Read-only on the organizer's side: Graph accepts and ignores it in requests.
    status: ZResponseStatus.optional(),
    ...odataType,
  })
  .strict();

const ZLocation = z
  .object({
    displayName: z.string().optional(),
    locationType: z.string().optional(),
    locationUri: z.string().optional(),
    locationEmailAddress: z.string().optional(),
    uniqueId: z.string().optional(),
    uniqueIdType: z.string().optional(),
    address: z.record(z.string(), z.unknown()).optional(),
    coordinates: z.record(z.string(), z.unknown()).optional(),
    ...odataType,
  })
  .strict();

const ZItemBody = z
  .object({
    contentType: graphEnum(['text', 'html'] as const).optional(),
    content: z.string().optional(),
    ...odataType,
  })
  .strict();

const eventFields = {
  subject: z.string().optional(),
  body: ZItemBody.optional(),
  start: ZDateTimeTimeZone.optional(),
  end: ZDateTimeTimeZone.optional(),
  location: ZLocation.optional(),
  locations: z.array(ZLocation).optional(),
  // Graph allows at most 500 attendees on an event (resources/event.md).
  attendees: z.array(ZAttendee).max(500).optional(),
  showAs: graphEnum([
    'free',
    'tentative',
    'busy',
    'oof',
    'workingElsewhere',
    'unknown',
  ] as const).optional(),
  importance: graphEnum(['low', 'normal', 'high'] as const).optional(),
  sensitivity: graphEnum(['normal', 'personal', 'private', 'confidential'] as const).optional(),
  categories: z.array(z.string()).optional(),
  isAllDay: z.boolean().optional(),
  isReminderOn: z.boolean().optional(),
  reminderMinutesBeforeStart: z.number().int().min(0).optional(),
  responseRequested: z.boolean().optional(),
  allowNewTimeProposals: z.boolean().optional(),
  hideAttendees: z.boolean().optional(),
  isOnlineMeeting: z.boolean().optional(),
  onlineMeetingProvider: graphEnum([
    'unknown',
    'teamsForBusiness',
    'skypeForBusiness',
    'skypeForConsumer',
  ] as const).optional(),
  // The sandbox models single instances only; a series is refused rather than half-supported.
  recurrence: z.null().optional(),
  transactionId: z.string().min(1).max(255).optional(),
  ...odataType,
};

export const ZCreateEvent = z.object(eventFields).strict();
export type TCreateEvent = z.infer<typeof ZCreateEvent>;
export const ZUpdateEvent = z.object(eventFields).strict();
export type TUpdateEvent = z.infer<typeof ZUpdateEvent>;

type LocationInput = z.infer<typeof ZLocation>;

/** graph.location as Graph echoes it: defaults filled in, `uniqueId` from the display name. */
export function toLocation(input: LocationInput | undefined): EventLocation {
  const { '@odata.type': _type, ...rest } = input ?? {};
  const displayName = rest.displayName ?? '';
  return {
    ...rest,
    displayName,
    locationType: rest.locationType ?? 'default',
    ...(displayName !== '' ? { uniqueId: rest.uniqueId ?? displayName } : {}),
    uniqueIdType: rest.uniqueIdType ?? (displayName !== '' ? 'private' : 'unknown'),
    address: rest.address ?? {},
    coordinates: rest.coordinates ?? {},
  };
}

/** Attendees with a name (the directory's when known) and the status kept from `previous`. */
export function toAttendees(
  directory: Directory,
  input: z.infer<typeof ZAttendee>[],
  previous: readonly Attendee[],
  organizerAddress: string,
): Attendee[] {
  const seen = new Set<string>();
  const out: Attendee[] = [];
  for (const item of input) {
    const address = item.emailAddress.address.trim();
    const key = address.toLowerCase();
    // Outlook drops duplicate recipients and the organizer from the attendee list.
    if (seen.has(key) || key === organizerAddress.toLowerCase()) continue;
    seen.add(key);
    const known = previous.find((a) => a.emailAddress.address.toLowerCase() === key);
    const user = directory.findUser(address);
    out.push({
      type: item.type ?? known?.type ?? 'required',
      status: known?.status ?? { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: {
        name: item.emailAddress.name ?? user?.displayName ?? address,
        address: user?.mail ?? address,
      },
    });
  }
  return out;
}

/** Start and end in epoch ms, checked as a pair. */
export function toTimes(
  start: z.infer<typeof ZDateTimeTimeZone>,
  end: z.infer<typeof ZDateTimeTimeZone>,
): { startMs: number; endMs: number } {
  const startMs = parseDateTimeTimeZone(
    { dateTime: start.dateTime, timeZone: start.timeZone ?? 'UTC' },
    'start',
  );
  const endMs = parseDateTimeTimeZone(
    { dateTime: end.dateTime, timeZone: end.timeZone ?? 'UTC' },
    'end',
  );
  if (endMs < startMs) {
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      'The end time of the event must be later than or equal to its start time.',
    );
  }
  return { startMs, endMs };
}

/** The stored data of a new organizer's event, with Graph's defaults (resources/event.md). */
export function toNewEventData(
  directory: Directory,
  body: TCreateEvent,
  organizer: EmailAddress,
  startTimeZone: string,
  endTimeZone: string,
): EventData {
  const location = toLocation(body.location ?? body.locations?.[0]);
  return {
    subject: body.subject ?? '',
    body: { contentType: body.body?.contentType ?? 'text', content: body.body?.content ?? '' },
    importance: body.importance ?? 'normal',
    sensitivity: body.sensitivity ?? 'normal',
    showAs: body.showAs ?? 'busy',
    isAllDay: body.isAllDay ?? false,
    isCancelled: false,
    isDraft: false,
    isReminderOn: body.isReminderOn ?? true,
    reminderMinutesBeforeStart: body.reminderMinutesBeforeStart ?? 15,
    responseRequested: body.responseRequested ?? true,
    allowNewTimeProposals: body.allowNewTimeProposals ?? true,
    hideAttendees: body.hideAttendees ?? false,
    isOnlineMeeting: body.isOnlineMeeting ?? false,
    onlineMeetingProvider: body.onlineMeetingProvider ?? 'unknown',
    categories: body.categories ?? [],
    location,
    // Setting location replaces locations (resources/event.md).
    locations: body.location
      ? location.displayName !== ''
        ? [location]
        : []
      : (body.locations ?? []).map(toLocation),
    attendees: toAttendees(directory, body.attendees ?? [], [], organizer.address),
    organizer,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    originalStartTimeZone: startTimeZone,
    originalEndTimeZone: endTimeZone,
  };
}
