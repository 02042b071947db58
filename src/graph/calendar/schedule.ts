// Free/busy through getSchedule (PLATFORM.md §1): at most 20 addresses per call, a window under
// 62 days; one call per (window, 20 addresses), all in one $batch — one round trip for a
// sign-up's three slots and up to 20 trainers. A throttled or failed schedule means "unknown",
// never "free" (DESIGN.md).
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { Availability } from '../../domain/pairing.js';
import type { ScheduleItem, TrainerSchedule } from '../../domain/ports.js';
import type { Slot } from '../../domain/signup.js';
import { executeBatch, type BatchRequest } from '../client/batch.js';
import { fromGraphDateTime, toGraphDateTime } from './date-time.js';

export const MAX_SCHEDULES_PER_CALL = 20;

const ZScheduleInformation = z.object({
  scheduleId: z.string(),
  scheduleItems: z
    .array(
      z.object({
        status: z.string(),
        start: z.object({ dateTime: z.string(), timeZone: z.string() }),
        end: z.object({ dateTime: z.string(), timeZone: z.string() }),
        subject: z.string().nullish(),
      }),
    )
    .optional(),
  error: z.object({ message: z.string().nullish(), responseCode: z.string().nullish() }).nullish(),
});
const ZScheduleResponse = z.object({ value: z.array(ZScheduleInformation) });

const STATUSES: Readonly<Record<string, Availability>> = {
  free: 'free',
  tentative: 'tentative',
  busy: 'busy',
  oof: 'oof',
  workingelsewhere: 'workingElsewhere',
  unknown: 'unknown',
};

/** Graph's examples differ in casing ("Busy", "busy"): compare case-insensitively. */
function toAvailability(status: string): Availability {
  return STATUSES[status.toLowerCase()] ?? 'unknown';
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export async function getSchedules(
  client: Client,
  organizer: string,
  addresses: readonly string[],
  windows: readonly Slot[],
): Promise<TrainerSchedule[][]> {
  const unique = [...new Set(addresses.map((a) => a.toLowerCase()))];
  const requests: (BatchRequest & { readonly window: number })[] = [];
  windows.forEach((window, w) => {
    chunk(unique, MAX_SCHEDULES_PER_CALL).forEach((schedules, c) => {
      requests.push({
        id: `w${w}c${c}`,
        window: w,
        method: 'POST',
        url: `/users/${encodeURIComponent(organizer)}/calendar/getSchedule`,
        body: {
          schedules,
          startTime: toGraphDateTime(window.start),
          endTime: toGraphDateTime(window.end),
          availabilityViewInterval: 15,
        },
        // A read, though it is a POST.
        idempotent: true,
      });
    });
  });
  const answers = unique.length === 0 ? new Map() : await executeBatch(client, requests);
  return windows.map((_, w) => {
    const found = new Map<string, TrainerSchedule>();
    for (const request of requests.filter((r) => r.window === w)) {
      const answer = answers.get(request.id);
      const parsed =
        answer && answer.status < 300 ? ZScheduleResponse.safeParse(answer.body) : undefined;
      for (const info of parsed?.success ? parsed.data.value : []) {
        const items: ScheduleItem[] = (info.scheduleItems ?? []).map((item) => ({
          start: fromGraphDateTime(item.start),
          end: fromGraphDateTime(item.end),
          status: toAvailability(item.status),
          ...(item.subject ? { subject: item.subject } : {}),
        }));
        found.set(info.scheduleId.toLowerCase(), {
          address: info.scheduleId.toLowerCase(),
          visible: !info.error,
          items,
        });
      }
    }
    return unique.map((address) => found.get(address) ?? { address, visible: false, items: [] });
  });
}
