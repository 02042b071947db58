// What the server can check at start-up about its Entra ID setup, so a misconfiguration shows in
// the log at once instead of as a 401 for every user:
// - the authority's OpenID configuration for TENANT_ID names the v2.0 issuer
//   ({AUTHORITY_HOST}/{TENANT_ID}/v2.0), the only issuer the token validator accepts;
// - the app registration issues v2.0 access tokens for its own API. Entra's default for a new
//   registration is v1.0 (issuer https://sts.windows.net/{tid}/), which the validator refuses:
//   the manifest must say api.requestedAccessTokenVersion = 2. A client-credentials token for the
//   app's own API shows the version without needing any directory permission.
import { decodeJwt } from 'jose';
import { z } from 'zod';

export const V1_TOKEN_ADVICE =
  'set requestedAccessTokenVersion to 2 in the app registration (manifest: api.requestedAccessTokenVersion, aad.manifest.json)';

export interface IdentitySetupCheckOptions {
  readonly authorityHost: string;
  readonly tenantId: string;
  /** A client-credentials access token for the app's own API (`{client id}/.default`). */
  readonly acquireOwnApiToken: () => Promise<string>;
  readonly timeoutMs?: number;
}

export interface IdentitySetupFinding {
  readonly level: 'error' | 'warn';
  readonly message: string;
}

const ZDiscovery = z.object({ issuer: z.string() });

async function checkIssuer(options: IdentitySetupCheckOptions): Promise<IdentitySetupFinding[]> {
  const host = options.authorityHost.replace(/\/+$/, '');
  const expected = `${host}/${options.tenantId}/v2.0`;
  const url = `${expected}/.well-known/openid-configuration`;
  let body: unknown;
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    body = await response.json();
  } catch (error) {
    return [
      {
        level: 'warn',
        message: `identity check: could not read ${url} (${(error as Error).message}); check AUTHORITY_HOST and TENANT_ID`,
      },
    ];
  }
  const parsed = ZDiscovery.safeParse(body);
  if (!parsed.success) {
    return [{ level: 'error', message: `identity check: ${url} has no issuer` }];
  }
  if (parsed.data.issuer !== expected) {
    return [
      {
        level: 'error',
        message: `identity check: the authority names the issuer ${parsed.data.issuer}, not the v2.0 issuer ${expected}; tokens will be refused. Check AUTHORITY_HOST and TENANT_ID`,
      },
    ];
  }
  return [];
}

async function checkTokenVersion(
  options: IdentitySetupCheckOptions,
): Promise<IdentitySetupFinding[]> {
  let claims;
  try {
    claims = decodeJwt(await options.acquireOwnApiToken());
  } catch (error) {
    return [
      {
        level: 'warn',
        message: `identity check: could not get a token for the app's own API to check its version (${(error as Error).message.split('\n')[0]})`,
      },
    ];
  }
  const isV1 =
    claims.ver === '1.0' ||
    (typeof claims.iss === 'string' && claims.iss.startsWith('https://sts.windows.net/'));
  if (!isV1) return [];
  return [
    {
      level: 'error',
      message: `identity check: the app registration issues v1.0 access tokens (iss ${String(claims.iss)}), which the server refuses: ${V1_TOKEN_ADVICE}`,
    },
  ];
}

/** Every finding; empty when the setup is as the server needs it. Never throws. */
export async function checkIdentitySetup(
  options: IdentitySetupCheckOptions,
): Promise<IdentitySetupFinding[]> {
  const [issuer, version] = await Promise.all([checkIssuer(options), checkTokenVersion(options)]);
  return [...issuer, ...version];
}
