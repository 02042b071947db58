// Who is asking for a token: client secrets, on-behalf-of assertions and PKCE verifiers.
import { createHash } from 'node:crypto';
import { createLocalJWKSet, errors as joseErrors, jwtVerify } from 'jose';
import type { SandboxContext } from '../context.js';
import type { AppRegistration, DirectoryUser } from '../directory/store.js';
import { safeEqual, type AuthorizationCode, type Form } from './oauth-http.js';
import { OAuthError } from './tokens.js';

export function authenticateClient(
  ctx: SandboxContext,
  form: Form,
  options: { secretRequired: boolean },
): AppRegistration {
  const client = ctx.directory.findApp(form.client_id ?? '');
  if (!client) {
    throw new OAuthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${form.client_id ?? ''}' was not found in the directory.`,
    );
  }
  if (form.client_assertion) {
    throw new OAuthError(
      401,
      'invalid_client',
      700027,
      'Client assertions are not supported by the sandbox; use a client secret.',
    );
  }
  if (form.client_secret !== undefined || options.secretRequired) {
    if (!client.clientSecret || !safeEqual(form.client_secret ?? '', client.clientSecret)) {
      throw new OAuthError(
        401,
        'invalid_client',
        7000215,
        'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.',
      );
    }
  }
  return client;
}

export async function verifyAssertion(
  ctx: SandboxContext,
  assertion: string | undefined,
  client: AppRegistration,
): Promise<DirectoryUser> {
  if (!assertion) throw new OAuthError(400, 'invalid_request', 50027, 'The assertion is missing.');
  try {
    const { payload } = await jwtVerify(assertion, createLocalJWKSet(ctx.keys.jwks()), {
      audience: [client.clientId, ...client.identifierUris],
      algorithms: ['RS256'],
      currentDate: ctx.clock.now(),
    });
    const user = ctx.directory.findUser(String(payload.oid ?? ''));
    // A v2 or (for an API still on v1) a v1 token of the user's home tenant.
    const issuers = user
      ? [ctx.issuerFor(user.tenantId), `https://sts.windows.net/${user.tenantId}/`]
      : [];
    if (!user || !issuers.includes(String(payload.iss))) throw new Error('unknown user or issuer');
    return user;
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) {
      // Entra checks the assertion's exp without tolerance: a token the API still accepted
      // (within its clock tolerance) can be too old for the exchange.
      throw new OAuthError(
        400,
        'invalid_grant',
        500133,
        'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
      );
    }
    throw new OAuthError(
      400,
      'invalid_grant',
      50013,
      `Assertion failed signature validation or is not for this application. (${(error as Error).message})`,
    );
  }
}

export function verifyPkce(
  grant: AuthorizationCode,
  verifier: string | undefined,
  client: AppRegistration,
  secret: string | undefined,
): void {
  if (!grant.codeChallenge) {
    // Without PKCE only a confidential client may redeem the code.
    if (!secret || !client.clientSecret) {
      throw new OAuthError(
        400,
        'invalid_request',
        9002325,
        'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
      );
    }
    return;
  }
  const computed =
    grant.codeChallengeMethod === 'S256'
      ? createHash('sha256')
          .update(verifier ?? '')
          .digest('base64url')
      : (verifier ?? '');
  if (!verifier || computed !== grant.codeChallenge) {
    throw new OAuthError(
      400,
      'invalid_grant',
      501481,
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    );
  }
}
