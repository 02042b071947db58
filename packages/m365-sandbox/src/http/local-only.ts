// The control API (/_sandbox/…) and the inspector (/inspector/…) are unauthenticated and meant
// for this machine only. Two checks keep other web pages out:
// - the Host header must name this machine (localhost, 127.0.0.1, [::1], or SANDBOX_HOST): a
//   page of another site whose DNS name was rebound to 127.0.0.1 sends its own name and is
//   refused (DNS rebinding);
// - a request that changes something (anything but GET/HEAD/OPTIONS) must carry
//   `x-sandbox-control: 1`. A page of another origin can send a form or a text/plain POST
//   without asking, but not a custom header: that needs a CORS preflight the sandbox never grants.
import type { FastifyRequest } from 'fastify';
import { GraphError } from './graph-error.js';

/** The header every state-changing control or inspector request must carry, with value "1". */
export const CONTROL_HEADER = 'x-sandbox-control';

const LOCAL_ONLY = /^\/(_sandbox|inspector)(\/|\?|$)/;
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
// A wildcard listen address is not a name a client uses.
const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]']);

/** The host name of a Host header (without the port; IPv6 in brackets), lower case. */
export function hostNameOf(header: string | undefined): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(header?.trim() ?? '');
  return match?.[1]?.toLowerCase();
}

export function localHostNames(sandboxHost: string): ReadonlySet<string> {
  const configured = sandboxHost.includes(':') ? `[${sandboxHost}]` : sandboxHost;
  return new Set(
    WILDCARD_HOSTS.has(sandboxHost)
      ? LOOPBACK_NAMES
      : [...LOOPBACK_NAMES, configured.toLowerCase()],
  );
}

/** An onRequest hook: refuses control and inspector requests from anywhere but this machine. */
export function createLocalOnlyGuard(sandboxHost: string) {
  const allowed = localHostNames(sandboxHost);
  return async function guardLocalOnly(request: FastifyRequest): Promise<void> {
    if (!LOCAL_ONLY.test(request.url)) return;
    const host = hostNameOf(request.headers.host);
    if (!host || !allowed.has(host)) {
      throw new GraphError(
        403,
        'Forbidden',
        `The sandbox's control API and inspector answer only to localhost, not to host '${request.headers.host ?? ''}'.`,
      );
    }
    if (!READ_METHODS.has(request.method) && request.headers[CONTROL_HEADER] !== '1') {
      throw new GraphError(
        403,
        'Forbidden',
        `Requests that change the sandbox need the header '${CONTROL_HEADER}: 1'.`,
      );
    }
  };
}
