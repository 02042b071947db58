// How a batch part reaches the Graph routes: as a plain-HTTP request over loopback to the
// sandbox's own listener, so it passes every hook a request of its own passes (token check,
// fault injection, mailbox concurrency, request log).
//
// Why not app.inject: Fastify loads light-my-request for it, which requires cookie@2, an
// ES-module-only package. Node 20.19+ can require() it, but jest's module runtime on Node 20
// cannot, so every part would fail with 500 under the integration tests. Loopback HTTP behaves
// the same for the routes and works everywhere; it costs a local connection per part.
import { request as httpRequest } from 'node:http';

export interface PartRequest {
  readonly method: string;
  /** Absolute path on the sandbox, e.g. "/v1.0/users/x?$top=5". */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly payload: string | undefined;
}

export interface PartReply {
  readonly statusCode: number;
  /** Lower-case header names, as Node gives them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export type PartDispatcher = (request: PartRequest) => Promise<PartReply>;

/**
 * Node refuses request paths with characters outside \u0021–\u00ff; Graph takes unencoded
 * spaces in batch urls ("$filter=city eq null" in its own example). Percent-encode them.
 */
export function toRequestPath(path: string): string {
  return path.replace(/[^\u0021-\u007e]/gu, (char) => encodeURIComponent(char));
}

/** Dispatches parts to `baseUrl` (the sandbox's http:// origin). */
export function loopbackDispatcher(baseUrl: () => string): PartDispatcher {
  return (part) =>
    new Promise<PartReply>((resolve, reject) => {
      const origin = new URL(baseUrl());
      const headers: Record<string, string> = { ...part.headers };
      if (part.payload !== undefined) {
        headers['content-length'] = String(Buffer.byteLength(part.payload));
      }
      const request = httpRequest(
        {
          protocol: origin.protocol,
          hostname: origin.hostname,
          port: origin.port,
          method: part.method,
          path: toRequestPath(part.path),
          headers,
          // One connection per part: nothing lingers after the sandbox closes.
          agent: false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              statusCode: response.statusCode ?? 500,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
        },
      );
      request.on('error', reject);
      request.end(part.payload);
    });
}
