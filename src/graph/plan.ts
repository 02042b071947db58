// The WorkPlan port on Graph: a list of writes as one $batch per 20 steps, chained (dependsOn)
// or independent. Each step is safe to repeat — a hold's create carries its transactionId (a
// repeat returns the event, or ErrorDuplicateTransactionId, after which the event is found by
// that id), a log line its unique key, a cancel of a hold that is already gone counts as done.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { EventId, SignupId } from '../domain/ids.js';
import {
  DUPLICATE_SIGNUP,
  type PlanStep,
  type StepOutcome,
  type WorkPlan,
} from '../domain/ports.js';
import { executeBatch, type BatchRequest, type BatchResponse } from './client/batch.js';
import { failureFromBody } from './client/errors.js';
import { toFinalizedEvent, toHoldEvent } from './calendar/holds.js';
import { toAgendaFields } from './sharepoint/agenda-fields.js';
import { AGENDA_LIST, LOG_LIST, SIGNUP_LIST } from './sharepoint/lists.js';
import { toLogFields } from './sharepoint/log-fields.js';
import { toSignupFields } from './sharepoint/signup-fields.js';

/**
 * SharePoint eTags are `"{item guid},{version}"` and every write adds one to the version
 * (owshiddenversion), so the eTag after a write in the same chain is known in advance. If the
 * guess is ever wrong the guarded write fails with 412 and the resume path, which re-reads the
 * item, finishes the job: the guess only saves a round trip, correctness never rests on it.
 */
export function nextETag(eTag: string): string | undefined {
  const match = /^("?)(.*),(\d+)("?)$/.exec(eTag);
  if (!match) return undefined;
  return `${match[1]}${match[2]},${Number(match[3]) + 1}${match[4]}`;
}

function mailbox(address: string): string {
  return encodeURIComponent(address);
}

export class GraphWorkPlan implements WorkPlan {
  constructor(
    private readonly client: Client,
    private readonly site: string,
  ) {}

  private items(list: string): string {
    return `/sites/${this.site}/lists/${list}/items`;
  }

  /** The HTTP requests of the steps (exposed for the benchmark's unbatched baseline). */
  toRequests(steps: readonly PlanStep[]): BatchRequest[] {
    let lastGuard: string | undefined;
    return steps.map((step, index): BatchRequest => {
      const id = String(index + 1);
      switch (step.kind) {
        case 'createSignup':
          return {
            id,
            method: 'POST',
            url: this.items(SIGNUP_LIST),
            body: { fields: toSignupFields(step.signup, step.pending) },
          };
        case 'writeSignup': {
          const eTag =
            step.guard === 'afterPreviousWrite'
              ? lastGuard
                ? nextETag(lastGuard)
                : undefined
              : step.guard.eTag;
          if (!eTag)
            throw new Error('writeSignup after a previous write needs that write in the same plan');
          lastGuard = eTag;
          return {
            id,
            method: 'PATCH',
            url: `${this.items(SIGNUP_LIST)}/${encodeURIComponent(step.signup.id)}/fields`,
            body: toSignupFields(step.signup, step.pending),
            headers: { 'If-Match': eTag },
          };
        }
        case 'createHold':
          return {
            id,
            method: 'POST',
            url: `/users/${mailbox(step.organizer)}/events`,
            body: toHoldEvent(step.hold),
            // Its transactionId makes a repeat return or name the same event.
            idempotent: true,
          };
        case 'finalizeHold':
          return {
            id,
            method: 'PATCH',
            url: `/users/${mailbox(step.organizer)}/events/${encodeURIComponent(step.eventId)}`,
            body: toFinalizedEvent(step.draft),
          };
        case 'cancelHold':
          return {
            id,
            method: 'POST',
            url: `/users/${mailbox(step.organizer)}/events/${encodeURIComponent(step.eventId)}/cancel`,
            body: { comment: step.comment },
            // A repeat finds the hold gone (404), which counts as done.
            idempotent: true,
          };
        case 'appendLog':
          return {
            id,
            method: 'POST',
            url: this.items(LOG_LIST),
            body: { fields: toLogFields(step.entry) },
            // The unique key refuses a second copy of the line, which counts as done.
            idempotent: true,
          };
        case 'writeTrainerAgenda': {
          const fields = toAgendaFields(step.agenda.trainer, step.bookings);
          const stored = step.agenda.stored;
          return stored
            ? {
                id,
                method: 'PATCH',
                url: `${this.items(AGENDA_LIST)}/${encodeURIComponent(stored.id)}/fields`,
                body: fields,
                headers: { 'If-Match': stored.eTag },
              }
            : { id, method: 'POST', url: this.items(AGENDA_LIST), body: { fields } };
        }
        case 'sendMail':
          return {
            id,
            method: 'POST',
            url: `/users/${mailbox(step.from)}/sendMail`,
            body: {
              message: {
                subject: step.subject,
                body: { contentType: 'html', content: step.bodyHtml },
                toRecipients: [{ emailAddress: { address: step.to.email, name: step.to.name } }],
              },
              saveToSentItems: true,
            },
          };
      }
    });
  }

  async run(
    steps: readonly PlanStep[],
    mode: 'chain' | 'independent' = 'chain',
  ): Promise<StepOutcome[]> {
    if (steps.length === 0) return [];
    const requests = this.toRequests(steps);
    const answers = await executeBatch(this.client, requests, { serial: mode === 'chain' });
    const existing = await this.findExistingHolds(steps, answers);
    return steps.map((step, index) =>
      toOutcome(step, answers.get(String(index + 1)), existing.get(index)),
    );
  }

  /**
   * The events behind createHold steps refused with ErrorDuplicateTransactionId (the hold
   * exists: a repeat of a create that went through): from the error when it names the event,
   * else looked up by transactionId — one $batch of GETs, only on this recovery path.
   */
  private async findExistingHolds(
    steps: readonly PlanStep[],
    answers: ReadonlyMap<string, BatchResponse>,
  ): Promise<Map<number, EventId>> {
    const found = new Map<number, EventId>();
    const lookups: { index: number; request: BatchRequest }[] = [];
    steps.forEach((step, index) => {
      const answer = answers.get(String(index + 1));
      if (step.kind !== 'createHold' || !answer || !isDuplicateTransaction(answer)) return;
      const named = eventIdInError(answer.body);
      if (named) {
        found.set(index, named);
        return;
      }
      const filter = `transactionId eq '${step.hold.transactionId.replace(/'/g, "''")}'`;
      lookups.push({
        index,
        request: {
          id: `hold${index + 1}`,
          method: 'GET',
          url: `/users/${mailbox(step.organizer)}/events?$filter=${encodeURIComponent(filter)}&$select=id`,
        },
      });
    });
    if (lookups.length === 0) return found;
    const results = await executeBatch(
      this.client,
      lookups.map((lookup) => lookup.request),
    );
    for (const { index, request } of lookups) {
      const result = results.get(request.id);
      const value = (result?.body as { value?: { id?: unknown }[] } | undefined)?.value;
      const id = result && result.status < 300 ? value?.[0]?.id : undefined;
      if (typeof id === 'string') found.set(index, id as EventId);
    }
    return found;
  }
}

/** Graph's answer to a create with a transactionId already used (resources/event.md). */
function isDuplicateTransaction(answer: BatchResponse): boolean {
  if (answer.status !== 400 && answer.status !== 409) return false;
  return failureFromBody(answer.status, answer.body).code === 'ErrorDuplicateTransactionId';
}

/** The existing event's id, where the error names it (seen as an annotation on the error). */
function eventIdInError(body: unknown): EventId | undefined {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  const inner = error?.innerError as Record<string, unknown> | undefined;
  const id = error?.['@event.existingEventId'] ?? inner?.existingEventId;
  return typeof id === 'string' && id !== '' ? (id as EventId) : undefined;
}

/**
 * A step's outcome from its answer. A createHold refused as a duplicate transactionId is a
 * success when the existing event was found (`existingEventId`): the hold was created by an
 * earlier run — real Graph may answer a repeat that way rather than return the event.
 */
export function toOutcome(
  step: PlanStep,
  answer: BatchResponse | undefined,
  existingEventId?: EventId,
): StepOutcome {
  if (!answer) return { ok: false, status: 0, code: 'noAnswer', message: 'No answer in the batch' };
  if (step.kind === 'createHold' && existingEventId && isDuplicateTransaction(answer)) {
    return { ok: true, eventId: existingEventId };
  }
  const body = (answer.body ?? {}) as Record<string, unknown>;
  if (answer.status < 300) {
    switch (step.kind) {
      case 'createSignup':
        return {
          ok: true,
          signupId: String(body.id) as SignupId,
          eTag: String(body['@odata.etag'] ?? body.eTag ?? ''),
        };
      case 'writeSignup':
        return { ok: true, eTag: String(body['@odata.etag'] ?? '') };
      case 'createHold':
        return { ok: true, eventId: String(body.id) as EventId };
      default:
        return { ok: true };
    }
  }
  const failure = failureFromBody(answer.status, answer.body, answer.headers);
  // Repeats of steps that already happened (see the class comment).
  if (step.kind === 'cancelHold' && answer.status === 404) return { ok: true };
  if (step.kind === 'appendLog' && isDuplicateValue(answer.status, failure.message))
    return { ok: true };
  // The unique column refused a second sign-up of the municipality in this campaign.
  if (step.kind === 'createSignup' && isDuplicateValue(answer.status, failure.message)) {
    return { ok: false, status: 409, code: DUPLICATE_SIGNUP, message: failure.message };
  }
  // Another request created this trainer's agenda first: a concurrent booking, as a 412 is.
  if (step.kind === 'writeTrainerAgenda' && isDuplicateValue(answer.status, failure.message)) {
    return { ok: false, status: 409, code: 'agendaExists', message: failure.message };
  }
  return {
    ok: false,
    status: answer.status,
    code: failure.code,
    message: failure.message,
    ...(failure.requestId ? { requestId: failure.requestId } : {}),
  };
}

/** SharePoint refuses a second item with the same unique Sleutel: that line is already logged. */
function isDuplicateValue(status: number, message: string): boolean {
  return status === 409 || (status === 400 && /duplicate values/i.test(message));
}
