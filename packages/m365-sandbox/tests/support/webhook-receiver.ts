// A stand-in notification endpoint for the sandbox's subscription tests: plain HTTP on
// 127.0.0.1, answering the validation handshake and notifications the way a test tells it to,
// and keeping every request it got.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ValidationAnswer = 'echo' | 'wrong' | 'status500' | 'slow';
export type NotificationAnswer = 'accept' | 'status500' | 'slow';

export interface ReceivedRequest {
  readonly url: string;
  readonly contentType: string | undefined;
  readonly validationToken: string | null;
  readonly body: string;
}

export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedRequest[];
  validation: ValidationAnswer;
  notifications: NotificationAnswer;
  /** How long a `slow` answer takes. */
  slowMs: number;
  /** The JSON notification collections received (validation requests left out). */
  notificationBodies(): { value: Record<string, unknown>[] }[];
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedRequest[] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const receiver: Omit<WebhookReceiver, 'url' | 'close'> = {
    received,
    validation: 'echo',
    notifications: 'accept',
    slowMs: 1_000,
    notificationBodies: () =>
      received.filter((r) => r.validationToken === null).map((r) => JSON.parse(r.body)),
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const token = url.searchParams.get('validationToken');
      const body = await readBody(request);
      received.push({
        url: request.url ?? '/',
        contentType: request.headers['content-type'],
        validationToken: token,
        body,
      });
      const answer = token !== null ? receiver.validation : receiver.notifications;
      if (answer === 'slow') await sleep(receiver.slowMs);
      if (answer === 'status500') {
        response.writeHead(500).end();
        return;
      }
      if (token !== null) {
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end(answer === 'wrong' ? encodeURIComponent(token) : token);
        return;
      }
      response.writeHead(202).end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/notifications`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Polls `read` until `done` holds, for at most `ms` (no timing assertion: a bound to stop). */
export async function eventually<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  ms = 20_000,
): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}
