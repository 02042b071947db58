// POST /users/{id}/calendar/getSchedule (api/calendar-getschedule.md,
// concepts/outlook-get-free-busy-schedule.md): free/busy of up to 20 addresses over a window
// shorter than 62 days, merged per interval of 5–1440 minutes (default 30).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { callerOf, type SandboxContext } from '../context.js';
import { GraphError, parseGraphBody } from '../http/graph-error.js';
import { isFreeBusyShared } from '../http/settings.js';
import { normalizeParameterNames, resolveMailbox } from './access.js';
import { ZDateTimeTimeZone } from './event-body.js';
import { responseZone } from './events-routes.js';
import { listEventsInRange } from './store.js';
import { formatDateTimeTimeZone, parseDateTimeTimeZone, type OutputZone } from './time-zones.js';
import type { ShowAs, StoredEvent } from './types.js';

const MAX_SCHEDULES = 20;
const MAX_WINDOW_DAYS = 62;
const DAY_MS = 86_400_000;

const ZGetSchedule = z
  .object({
    schedules: z.array(z.string()),
    startTime: ZDateTimeTimeZone,
    endTime: ZDateTimeTimeZone,
    // Graph's own concept page sends the interval as a string ("15"); both are read.
    availabilityViewInterval: z.union([z.number(), z.string()]).optional(),
  })
  .strict();

/** Digit of each status in availabilityView (resources/scheduleinformation.md). */
const DIGIT: Record<ShowAs, string> = {
  free: '0',
  tentative: '1',
  busy: '2',
  oof: '3',
  workingElsewhere: '4',
  unknown: '0',
};
/**
 * Which status wins when items overlap within one interval, as Exchange merges free/busy:
 * out of office over busy over tentative over working elsewhere over free.
 */
const RANK: Record<ShowAs, number> = {
  unknown: 0,
  free: 0,
  workingElsewhere: 1,
  tentative: 2,
  busy: 3,
  oof: 4,
};

function parseInterval(value: number | string | undefined, windowMinutes: number): number {
  const interval = value === undefined ? 30 : Number(value);
  // Graph: "between 5 and 1440 minutes" and not longer than the window.
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440 || interval > windowMinutes) {
    throw new GraphError(
      400,
      'ErrorInvalidMergedFreeBusyInterval',
      'The specified merged free/busy interval is not valid. Specify an interval that is less than the free/busy time window and  between 5 and 1440 minutes.',
    );
  }
  return interval;
}

/** Items that count for free/busy: in the calendar and not cancelled. */
function busyItems(ctx: SandboxContext, userId: string, startMs: number, endMs: number) {
  return listEventsInRange(ctx.db, userId, startMs, endMs).filter((e) => !e.data.isCancelled);
}

export function availabilityView(
  items: readonly StoredEvent[],
  startMs: number,
  endMs: number,
  intervalMinutes: number,
): string {
  const step = intervalMinutes * 60_000;
  let view = '';
  for (let slot = startMs; slot < endMs; slot += step) {
    const slotEnd = Math.min(slot + step, endMs);
    let best: ShowAs = 'free';
    for (const item of items) {
      if (item.startMs < slotEnd && item.endMs > slot && RANK[item.data.showAs] > RANK[best]) {
        best = item.data.showAs;
      }
    }
    view += DIGIT[best];
  }
  return view;
}

function scheduleItem(event: StoredEvent, output: OutputZone, showDetails: boolean) {
  const isPrivate =
    event.data.sensitivity === 'private' || event.data.sensitivity === 'confidential';
  return {
    isPrivate,
    status: event.data.showAs,
    // Subject and location only where sharing allows: the caller's own organisation, and not
    // for private items (concepts/outlook-get-free-busy-schedule.md, "Event data returned").
    ...(showDetails && !isPrivate
      ? { subject: event.data.subject, location: event.data.location.displayName }
      : {}),
    start: formatDateTimeTimeZone(event.startMs, output),
    end: formatDateTimeTimeZone(event.endMs, output),
  };
}

/** Working hours of every seeded mailbox: a Dutch office week. */
const WORKING_HOURS = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '08:30:00.0000000',
  endTime: '17:00:00.0000000',
  timeZone: { name: 'W. Europe Standard Time' },
};

function scheduleError(scheduleId: string, responseCode: string, message: string) {
  return { scheduleId, error: { message, responseCode } };
}

export function registerScheduleRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.post(
    '/users/:id/calendar/getSchedule',
    async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
      resolveMailbox(ctx, request, request.params.id, 'read');
      const caller = callerOf(request);
      const body = parseGraphBody(
        ZGetSchedule,
        normalizeParameterNames(request.body, [
          'schedules',
          'startTime',
          'endTime',
          'availabilityViewInterval',
        ]),
        'getSchedule',
      );
      if (body.schedules.length > MAX_SCHEDULES) {
        throw new GraphError(
          400,
          'ErrorInvalidParameters',
          `getSchedule accepts at most ${MAX_SCHEDULES} schedules per request; ${body.schedules.length} were given.`,
        );
      }
      const startMs = parseDateTimeTimeZone(
        { dateTime: body.startTime.dateTime, timeZone: body.startTime.timeZone ?? 'UTC' },
        'startTime',
      );
      const endMs = parseDateTimeTimeZone(
        { dateTime: body.endTime.dateTime, timeZone: body.endTime.timeZone ?? 'UTC' },
        'endTime',
      );
      if (endMs <= startMs) {
        throw new GraphError(
          400,
          'ErrorInvalidTimeInterval',
          'The time duration specified for FreeBusyViewOptions.TimeWindow is invalid.',
        );
      }
      if (endMs - startMs >= MAX_WINDOW_DAYS * DAY_MS) {
        throw new GraphError(
          400,
          'ErrorTimeIntervalTooBig',
          `The requested time duration specified for FreeBusyViewOptions.TimeWindow is too long. The time window must be shorter than ${MAX_WINDOW_DAYS} days; the actual duration is ${Math.ceil((endMs - startMs) / DAY_MS)} days.`,
        );
      }
      const interval = parseInterval(body.availabilityViewInterval, (endMs - startMs) / 60_000);
      const output = responseZone(request, reply);
      const value = body.schedules.map((address) => {
        const user = ctx.directory.findUser(address);
        if (!user) {
          return scheduleError(
            address,
            'ErrorMailRecipientNotFound',
            `Unable to resolve e-mail address ${address} to an Active Directory object.`,
          );
        }
        const sameTenant = user.tenantId === caller.tenantId;
        // Another organisation's calendar is visible only with a federation (sandbox setting).
        if (!sameTenant && !isFreeBusyShared(ctx)) {
          return scheduleError(
            address,
            'ErrorFreeBusyAccessDenied',
            `The free/busy information of ${address} is not available: there is no organization relationship with its organization.`,
          );
        }
        const items = busyItems(ctx, user.id, startMs, endMs);
        return {
          scheduleId: address,
          availabilityView: availabilityView(items, startMs, endMs, interval),
          scheduleItems: items.map((e) => scheduleItem(e, output, sameTenant)),
          workingHours: WORKING_HOURS,
        };
      });
      return {
        '@odata.context': `${ctx.urls.https}/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)`,
        value,
      };
    },
  );
}
