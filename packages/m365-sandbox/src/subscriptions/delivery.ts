// Delivering what the subscriptions produce, as Graph's webhook channel does
// (concepts/change-notifications-delivery-webhooks.md, change-notifications-lifecycle-events.md):
// - the validation handshake: POST {url}?validationToken=… (text/plain), answered 200 with the
//   URL-decoded token as text/plain within 10 seconds, or the subscription is not created;
// - change and lifecycle notifications: a JSON changeNotificationCollection POSTed to the URL,
//   acknowledged with a 2xx within 3 seconds; otherwise resent later, and dropped in the end —
//   after which the subscription gets a `missed` lifecycle notification.
// The control API (control.ts) can drop or delay deliveries, and shorten the timeouts and the
// retry schedule so a test need not wait Graph's hours. Every attempt is in the delivery log.
import { randomUUID } from 'node:crypto';

export type DeliveryMode = 'deliver' | 'drop' | 'delay';

export interface DeliverySettings {
  mode: DeliveryMode;
  /** Added before each notification POST in `delay` mode. */
  delayMs: number;
  /** How long the endpoint has to answer the validation request (Graph: 10 s). */
  validationTimeoutMs: number;
  /** How long the endpoint has to acknowledge a notification (Graph: 3 s). */
  notificationTimeoutMs: number;
  /** Waits before the resends of a failed notification; after the last it is dropped. */
  retryDelaysMs: number[];
}

export const DEFAULT_DELIVERY: DeliverySettings = {
  mode: 'deliver',
  delayMs: 0,
  validationTimeoutMs: 10_000,
  notificationTimeoutMs: 3_000,
  // Graph keeps trying for up to four hours; the sandbox gives up after about a minute.
  retryDelaysMs: [1_000, 5_000, 15_000, 40_000],
};

export type DeliveryKind = 'validation' | 'notification' | 'lifecycle';
export type DeliveryOutcome = 'delivered' | 'refused' | 'timeout' | 'failed' | 'dropped';

export interface DeliveryRecord {
  readonly seq: number;
  readonly at: string;
  readonly kind: DeliveryKind;
  readonly subscriptionId: string | null;
  readonly url: string;
  readonly outcome: DeliveryOutcome;
  /** The endpoint's HTTP status, when it answered. */
  readonly status: number | null;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly durationMs: number;
  /** The JSON that was (or would have been) POSTed; null for a validation request. */
  readonly body: string | null;
}

const MAX_RECORDS = 2_000;

export class DeliveryLog {
  private records: DeliveryRecord[] = [];
  private nextSeq = 1;

  add(record: Omit<DeliveryRecord, 'seq' | 'at'>): DeliveryRecord {
    const full = { ...record, seq: this.nextSeq++, at: new Date().toISOString() };
    this.records.push(full);
    if (this.records.length > MAX_RECORDS)
      this.records.splice(0, this.records.length - MAX_RECORDS);
    return full;
  }

  since(seq: number): readonly DeliveryRecord[] {
    return this.records.filter((record) => record.seq > seq);
  }

  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  clear(): void {
    this.records = [];
  }
}

export type ValidationResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'timeout' | 'status' | 'mismatch' | 'unreachable' };

/** A token as opaque as Graph's, with characters that must be URL-encoded and decoded. */
export function newValidationToken(): string {
  return `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
}

function withQuery(url: string, name: string, value: string): string {
  const target = new URL(url);
  target.searchParams.append(name, value);
  return target.toString();
}

/** AbortSignal.timeout's DOMException (not `instanceof Error` in every realm, e.g. jest's). */
function isTimeout(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** POSTs the validation request and checks the answer: 200 and exactly the token. */
export async function validateEndpoint(
  url: string,
  settings: DeliverySettings,
  log: DeliveryLog,
): Promise<ValidationResult> {
  const token = newValidationToken();
  const started = performance.now();
  const record = (outcome: DeliveryOutcome, status: number | null) =>
    log.add({
      kind: 'validation',
      subscriptionId: null,
      url,
      outcome,
      status,
      attempt: 1,
      durationMs: Math.round(performance.now() - started),
      body: null,
    });
  try {
    const response = await fetch(withQuery(url, 'validationToken', token), {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: '',
      signal: AbortSignal.timeout(settings.validationTimeoutMs),
      redirect: 'manual',
    });
    const text = await response.text();
    if (response.status !== 200) {
      record('refused', response.status);
      return { ok: false, reason: 'status' };
    }
    if (text !== token) {
      record('refused', response.status);
      return { ok: false, reason: 'mismatch' };
    }
    record('delivered', response.status);
    return { ok: true };
  } catch (error) {
    const timedOut = isTimeout(error);
    record(timedOut ? 'timeout' : 'failed', null);
    return { ok: false, reason: timedOut ? 'timeout' : 'unreachable' };
  }
}

/** One POST of a notification collection; true when the endpoint acknowledged it (2xx). */
export async function postNotification(
  url: string,
  body: string,
  meta: { kind: 'notification' | 'lifecycle'; subscriptionId: string; attempt: number },
  settings: DeliverySettings,
  log: DeliveryLog,
): Promise<boolean> {
  const started = performance.now();
  let outcome: DeliveryOutcome;
  let status: number | null = null;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(settings.notificationTimeoutMs),
      redirect: 'manual',
    });
    await response.arrayBuffer();
    status = response.status;
    outcome = status >= 200 && status < 300 ? 'delivered' : 'refused';
  } catch (error) {
    outcome = isTimeout(error) ? 'timeout' : 'failed';
  }
  log.add({
    ...meta,
    url,
    outcome,
    status,
    durationMs: Math.round(performance.now() - started),
    body,
  });
  return outcome === 'delivered';
}
