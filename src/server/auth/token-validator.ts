// Validates the bearer tokens of the API the same way for Entra ID and the sandbox; only the
// authority's URL differs (DESIGN.md principle 2). Per allowed tenant it reads the OpenID
// configuration once for `jwks_uri`; jose's remote JWK set caches the keys and refetches them
// when a token names an unknown `kid` (key rotation), at most once per cooldown.
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { z } from 'zod';
import { AppError } from '../../app/errors.js';
import type { Clock } from '../clock.js';
import { V1_TOKEN_ADVICE } from './identity-setup-check.js';

export interface TokenValidatorOptions {
  /** e.g. https://login.microsoftonline.com or the sandbox's https URL. */
  readonly authorityHost: string;
  readonly allowedTenantIds: readonly string[];
  /** Accepted `aud` values: the client id (v2 tokens) and the Application ID URI. */
  readonly audiences: readonly string[];
  /** The delegated scope every token must carry (`access_as_user`). */
  readonly requiredScope: string;
  readonly clock: Clock;
}

export interface TokenValidatorTuning {
  readonly clockToleranceSeconds: number;
  /** Least time between two JWKS fetches caused by unknown `kid`s (jose default 30 s). */
  readonly jwksCooldownMs: number;
  /** Keys are refetched at the latest after this long (jose default 10 min). */
  readonly jwksCacheMaxAgeMs: number;
  readonly httpTimeoutMs: number;
}

export const DEFAULT_TUNING: TokenValidatorTuning = {
  clockToleranceSeconds: 60,
  jwksCooldownMs: 30_000,
  jwksCacheMaxAgeMs: 10 * 60_000,
  httpTimeoutMs: 5_000,
};

/** What the rest of the server may know about a valid token. */
export interface VerifiedToken {
  readonly tenantId: string;
  readonly objectId: string;
  readonly username: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
}

const ZDiscovery = z.object({ issuer: z.string(), jwks_uri: z.url() });

const ZClaims = z.object({
  tid: z.string(),
  oid: z.string().min(1),
  scp: z.string().optional(),
  roles: z.array(z.string()).optional(),
  preferred_username: z.string().min(1).optional(),
  upn: z.string().min(1).optional(),
  email: z.string().min(1).optional(),
  name: z.string().optional(),
});

// jose errors raised while selecting a key that mean "this token is bad", not "the issuer is
// unreachable": anything else from the key fetch is a 503.
const KEY_SELECTION_REFUSALS = new Set([
  'ERR_JWKS_NO_MATCHING_KEY',
  'ERR_JWKS_MULTIPLE_MATCHING_KEYS',
  'ERR_JOSE_ALG_NOT_ALLOWED',
  'ERR_JWS_INVALID',
]);

function refuse(reason: string, cause?: unknown): AppError {
  return new AppError('UNAUTHENTICATED', { logMessage: `token refused: ${reason}`, cause });
}

function unavailable(reason: string, cause?: unknown): AppError {
  return new AppError('AUTH_UNAVAILABLE', {
    logMessage: `token issuer unavailable: ${reason}`,
    cause,
    retryAfterSeconds: 30,
  });
}

/**
 * Only v2.0 access tokens are accepted. A v1.0 token (`ver` 1.0, issuer
 * https://sts.windows.net/{tid}/) means the app registration still asks for v1 tokens: refused
 * with a log line that says how to fix the registration, not just "wrong issuer".
 */
function refuseV1Token(token: string): void {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(token);
  } catch {
    return; // not a JWT: refused by the checks that follow
  }
  const issuer = typeof claims.iss === 'string' ? claims.iss : '';
  if (claims.ver === '1.0' || issuer.startsWith('https://sts.windows.net/')) {
    throw refuse(`v1.0 access token (iss ${issuer}): ${V1_TOKEN_ADVICE}`);
  }
}

export class TokenValidator {
  private readonly authorityHost: string;
  private readonly allowedTenants: ReadonlySet<string>;
  private readonly tuning: TokenValidatorTuning;
  private readonly keySetsByTenant = new Map<string, Promise<JWTVerifyGetKey>>();
  private readonly keySetsByUri = new Map<string, JWTVerifyGetKey>();

  constructor(
    private readonly options: TokenValidatorOptions,
    tuning: Partial<TokenValidatorTuning> = {},
  ) {
    this.authorityHost = options.authorityHost.replace(/\/+$/, '');
    this.allowedTenants = new Set(options.allowedTenantIds.map((id) => id.toLowerCase()));
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
  }

  issuerOf(tenantId: string): string {
    return `${this.authorityHost}/${tenantId}/v2.0`;
  }

  /** Where a user of the tenant signs in interactively (for claims challenges). */
  authorizationEndpointOf(tenantId: string): string {
    return `${this.authorityHost}/${tenantId}/oauth2/v2.0/authorize`;
  }

  /** Verifies signature, issuer, audience, lifetime, tenant and scope; throws AppError. */
  async validate(token: string): Promise<VerifiedToken> {
    refuseV1Token(token);
    const tenantId = this.allowedTenantOf(token);
    // Entra ID names the signing key of every token. Without a kid, jose would try the one key
    // of a single-key JWKS, so a token would not have to say which key it claims.
    if (!this.hasKeyId(token)) throw refuse('no kid in the header');
    const keys = await this.keySetFor(tenantId);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: this.issuerOf(tenantId),
        audience: [...this.options.audiences],
        algorithms: ['RS256'],
        clockTolerance: this.tuning.clockToleranceSeconds,
        currentDate: this.options.clock.now(),
        requiredClaims: ['exp', 'iat', 'tid', 'oid'],
      }));
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof joseErrors.JOSEError) throw refuse(error.code, error);
      throw error;
    }
    // jose checks iat only against a maximum age; a token "issued" in the future is forged or
    // comes from a clock that is off, and is refused beyond the tolerance either way.
    const now = Math.floor(this.options.clock.now().getTime() / 1000);
    if (typeof payload.iat !== 'number' || payload.iat > now + this.tuning.clockToleranceSeconds) {
      throw refuse('issued in the future');
    }
    return this.toVerifiedToken(payload, tenantId);
  }

  private hasKeyId(token: string): boolean {
    try {
      const { kid } = decodeProtectedHeader(token);
      return typeof kid === 'string' && kid.length > 0;
    } catch (error) {
      throw refuse('header unreadable', error);
    }
  }

  /** The token's tenant, checked against the allow-list before anything is fetched for it. */
  private allowedTenantOf(token: string): string {
    let claims: JWTPayload;
    try {
      claims = decodeJwt(token);
    } catch (error) {
      throw refuse('not a JWT', error);
    }
    const tid = typeof claims.tid === 'string' ? claims.tid.toLowerCase() : undefined;
    if (!tid || !this.allowedTenants.has(tid)) throw refuse('tenant not allowed');
    return tid;
  }

  private toVerifiedToken(payload: JWTPayload, tenantId: string): VerifiedToken {
    const parsed = ZClaims.safeParse(payload);
    if (!parsed.success) throw refuse('claims malformed');
    const claims = parsed.data;
    const scopes = (claims.scp ?? '').split(' ').filter(Boolean);
    if (!scopes.includes(this.options.requiredScope)) throw refuse('required scope missing');
    const username = claims.preferred_username ?? claims.upn ?? claims.email;
    if (!username) throw refuse('no username claim');
    return {
      tenantId,
      objectId: claims.oid,
      username,
      name: claims.name ?? username,
      roles: claims.roles ?? [],
      scopes,
    };
  }

  private keySetFor(tenantId: string): Promise<JWTVerifyGetKey> {
    let keySet = this.keySetsByTenant.get(tenantId);
    if (!keySet) {
      keySet = this.discoverKeySet(tenantId);
      this.keySetsByTenant.set(tenantId, keySet);
      // A failed discovery is not cached: the next request tries again.
      keySet.catch(() => this.keySetsByTenant.delete(tenantId));
    }
    return keySet;
  }

  private async discoverKeySet(tenantId: string): Promise<JWTVerifyGetKey> {
    const url = `${this.issuerOf(tenantId)}/.well-known/openid-configuration`;
    let body: unknown;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(this.tuning.httpTimeoutMs) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      body = await response.json();
    } catch (error) {
      throw unavailable('openid-configuration could not be read', error);
    }
    const discovery = ZDiscovery.safeParse(body);
    if (!discovery.success) throw unavailable('openid-configuration malformed');
    if (discovery.data.issuer !== this.issuerOf(tenantId)) {
      throw unavailable(`issuer ${discovery.data.issuer} does not match the authority`);
    }
    return this.keySetAt(discovery.data.jwks_uri);
  }

  private keySetAt(jwksUri: string): JWTVerifyGetKey {
    const cached = this.keySetsByUri.get(jwksUri);
    if (cached) return cached;
    const remote = createRemoteJWKSet(new URL(jwksUri), {
      cooldownDuration: this.tuning.jwksCooldownMs,
      cacheMaxAge: this.tuning.jwksCacheMaxAgeMs,
      timeoutDuration: this.tuning.httpTimeoutMs,
    });
    const keySet: JWTVerifyGetKey = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (error instanceof joseErrors.JOSEError && KEY_SELECTION_REFUSALS.has(error.code)) {
          throw refuse(error.code, error);
        }
        throw unavailable('signing keys could not be read', error);
      }
    };
    this.keySetsByUri.set(jwksUri, keySet);
    return keySet;
  }
}
