// A stand-in for the managed identity endpoint that Azure Container Apps and App Service give a
// container (IDENTITY_ENDPOINT + IDENTITY_HEADER, api-version 2019-08-01): GET with the secret
// header, resource and client_id in the query, a token in JSON. msal-node's
// ManagedIdentityApplication talks to it as to the real one. Plain HTTP on 127.0.0.1, as the
// platform's endpoint is.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface IdentityRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingHttpHeaders;
}

export interface IdentityEndpoint {
  readonly url: string;
  readonly header: string;
  readonly requests: IdentityRequest[];
  /** Sets IDENTITY_ENDPOINT and IDENTITY_HEADER as the platform does; returns a restore. */
  exposeToProcess(): () => void;
  close(): Promise<void>;
}

export const STUB_IDENTITY_HEADER = 'stub-identity-header';

/** Answers every request with `token` (or an error for client ids in `refused`). */
export async function startIdentityEndpoint(
  token: (request: IdentityRequest) => string,
  refused: readonly string[] = [],
): Promise<IdentityEndpoint> {
  const requests: IdentityRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request = { method: req.method ?? '', url, headers: req.headers };
    requests.push(request);
    res.setHeader('content-type', 'application/json');
    if (req.headers['x-identity-header'] !== STUB_IDENTITY_HEADER) {
      res.statusCode = 401;
      res.end(JSON.stringify({ statusCode: 401, message: 'missing X-IDENTITY-HEADER' }));
      return;
    }
    if (refused.includes(url.searchParams.get('client_id') ?? '')) {
      res.statusCode = 400;
      res.end(
        JSON.stringify({ statusCode: 400, message: 'No managed identity with that client id' }),
      );
      return;
    }
    const resource = url.searchParams.get('resource') ?? '';
    res.end(
      JSON.stringify({
        access_token: token(request),
        expires_on: String(Math.floor(Date.now() / 1000) + 3600),
        resource,
        token_type: 'Bearer',
        client_id: url.searchParams.get('client_id'),
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}/msi/token`;
  return {
    url: endpoint,
    header: STUB_IDENTITY_HEADER,
    requests,
    exposeToProcess() {
      const before = {
        IDENTITY_ENDPOINT: process.env.IDENTITY_ENDPOINT,
        IDENTITY_HEADER: process.env.IDENTITY_HEADER,
      };
      process.env.IDENTITY_ENDPOINT = endpoint;
      process.env.IDENTITY_HEADER = STUB_IDENTITY_HEADER;
      return () => {
        for (const [name, value] of Object.entries(before)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
