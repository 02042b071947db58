// The naive baseline the benchmark compares against: the same use cases and the same lifecycle,
// but Microsoft 365 spoken to the simple way — one request per event, per trainer and per status
// write, one after another, no $batch, no delta (every hold read back one by one).
import type { Client } from '@microsoft/microsoft-graph-client';
import type {
  HoldChange,
  Microsoft365,
  PlanStep,
  StepOutcome,
  TrainerSchedule,
  WorkPlan,
} from '../src/domain/ports.js';
import type { Slot, TrainerAnswer } from '../src/domain/signup.js';
import type { BatchRequest, BatchResponse } from '../src/graph/client/batch.js';
import { toGraphFailure } from '../src/graph/client/errors.js';
import { getSchedules } from '../src/graph/calendar/schedule.js';
import { GraphWorkPlan, toOutcome } from '../src/graph/plan.js';

async function send(client: Client, request: BatchRequest): Promise<BatchResponse> {
  let api = client.api(request.url);
  for (const [name, value] of Object.entries(request.headers ?? {})) api = api.header(name, value);
  try {
    const body = await (request.method === 'GET'
      ? api.get()
      : request.method === 'PATCH'
        ? api.patch(request.body)
        : request.method === 'DELETE'
          ? api.delete()
          : api.post(request.body ?? {}));
    return { id: request.id, status: 200, headers: {}, body };
  } catch (error) {
    const failure = toGraphFailure(error);
    return {
      id: request.id,
      status: failure.status,
      headers: {},
      body: { error: { code: failure.code, message: failure.message } },
    };
  }
}

/** Every step its own request, in order; a failure stops the rest (as a chain would). */
class OneByOnePlan implements WorkPlan {
  private readonly requests: GraphWorkPlan;
  constructor(
    private readonly client: Client,
    site: string,
  ) {
    this.requests = new GraphWorkPlan(client, site);
  }

  async run(
    steps: readonly PlanStep[],
    mode: 'chain' | 'independent' = 'chain',
  ): Promise<StepOutcome[]> {
    const requests = this.requests.toRequests(steps);
    const outcomes: StepOutcome[] = [];
    let failed = false;
    for (const [index, step] of steps.entries()) {
      if (failed && mode === 'chain') {
        outcomes.push({
          ok: false,
          status: 424,
          code: 'failedDependency',
          message: 'an earlier step failed',
        });
        continue;
      }
      const outcome = toOutcome(step, await send(this.client, requests[index]!));
      failed ||= !outcome.ok;
      outcomes.push(outcome);
    }
    return outcomes;
  }
}

interface NaiveEvent {
  readonly transactionId?: string;
  readonly lastModifiedDateTime?: string;
  readonly attendees?: readonly {
    readonly emailAddress: { readonly address: string };
    readonly status?: { readonly response?: string };
  }[];
}

const ANSWERS: Readonly<Record<string, TrainerAnswer>> = {
  none: 'none',
  accepted: 'accepted',
  tentativelyaccepted: 'tentativelyAccepted',
  declined: 'declined',
  notresponded: 'notResponded',
};

export function naiveMicrosoft365(client: Client, site: string, base: Microsoft365): Microsoft365 {
  return {
    ...base,
    plan: new OneByOnePlan(client, site),
    calendar: {
      // One getSchedule per trainer and window, one after another.
      async getSchedules(
        organizer: string,
        addresses: readonly string[],
        windows: readonly Slot[],
      ): Promise<TrainerSchedule[][]> {
        const result: TrainerSchedule[][] = [];
        for (const window of windows) {
          const perWindow: TrainerSchedule[] = [];
          for (const address of addresses) {
            const [[schedule] = []] = await getSchedules(client, organizer, [address], [window]);
            perWindow.push(schedule ?? { address, visible: false, items: [] });
          }
          result.push(perWindow);
        }
        return result;
      },
      // No delta: read every hold of every open sign-up back, one event at a time.
      async readHoldChanges(organizer: string) {
        const open = await base.statusLog.list({
          accountHolder: organizer,
          statuses: ['opties_geplaatst'],
        });
        const changes: HoldChange[] = [];
        for (const stored of open) {
          for (const option of stored.signup.options) {
            if (!option.eventId || option.hold !== 'open') continue;
            let event: NaiveEvent;
            try {
              event = (await client
                .api(`/users/${encodeURIComponent(organizer)}/events/${option.eventId}`)
                .get()) as NaiveEvent;
            } catch {
              // A hold deleted meanwhile has no answers left to read.
              continue;
            }
            const answers: Record<string, TrainerAnswer> = {};
            for (const attendee of event.attendees ?? []) {
              const response = (attendee.status?.response ?? 'none').toLowerCase();
              answers[attendee.emailAddress.address.toLowerCase()] = ANSWERS[response] ?? 'none';
            }
            changes.push({
              eventId: option.eventId,
              transactionId: event.transactionId,
              removed: false,
              answers,
              ...(event.lastModifiedDateTime ? { lastModified: event.lastModifiedDateTime } : {}),
            });
          }
        }
        return { changes, cursor: 'naive' };
      },
      // Only after a lost race; the naive way would read them one by one too.
      readHolds: (organizer, eventIds) => base.calendar.readHolds(organizer, eventIds),
    },
  };
}
