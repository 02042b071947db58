// Refusing an on-behalf-of exchange the way Entra ID does, switched on through the control API
// (PUT /_sandbox/obo-refusal), so the product's handling of each refusal can be tested:
// - expired: the user's token ran out between the API's check and the exchange (AADSTS500133);
// - consent_required: nobody consented to the app's delegated Graph permissions (AADSTS65001);
// - interaction_required: Conditional Access asks for more (MFA, AADSTS50076), with a `claims`
//   request the client must satisfy in a new interactive sign-in.
// Kept in memory: a restart or `null` switches it off; `count` limits it to the next n exchanges.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import type { DirectoryUser } from '../directory/store.js';
import { GraphError } from '../http/graph-error.js';
import { OAuthError } from './tokens.js';

const ZOboRefusal = z
  .object({
    refusal: z.enum(['expired', 'consent_required', 'interaction_required']).nullable(),
    /** The claims request (JSON) of interaction_required; a Conditional Access one by default. */
    claims: z.string().min(2).optional(),
    /** Only this user (id or user principal name); everyone when absent. */
    user: z.string().min(1).optional(),
    /** Only the next n exchanges (of that user); until switched off when absent. */
    count: z.number().int().min(1).optional(),
  })
  .strict();

type OboRefusal = z.infer<typeof ZOboRefusal>;

/** What Entra ID sends back for a claims challenge of Conditional Access (capolids: policy ids). */
export const DEFAULT_CLAIMS = JSON.stringify({
  access_token: {
    capolids: { essential: true, values: ['6f8e2c1a-4b3d-4e5f-9a7b-2c1d0e9f8a7b'] },
  },
});

const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

const settings = new WeakMap<SandboxContext, OboRefusal>();

function matches(refusal: OboRefusal, user: DirectoryUser): boolean {
  if (!refusal.user) return true;
  const wanted = refusal.user.toLowerCase();
  return wanted === user.id.toLowerCase() || wanted === user.userPrincipalName.toLowerCase();
}

function refusalError(refusal: NonNullable<OboRefusal['refusal']>, claims: string): OAuthError {
  switch (refusal) {
    case 'expired':
      return new OAuthError(
        400,
        'invalid_grant',
        500133,
        'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.',
      );
    case 'consent_required':
      return new OAuthError(
        400,
        'invalid_grant',
        65001,
        `The user or administrator has not consented to use the application with ID '${GRAPH_APP_ID}'. Send an interactive authorization request for this user and resource.`,
        { suberror: 'consent_required' },
      );
    case 'interaction_required':
      return new OAuthError(
        400,
        'interaction_required',
        50076,
        `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${GRAPH_APP_ID}'.`,
        { suberror: 'basic_action', claims },
      );
  }
}

/** Throws the switched-on refusal for this user's on-behalf-of exchange, if any. */
export function refuseOnBehalfOf(ctx: SandboxContext, user: DirectoryUser): void {
  const current = settings.get(ctx);
  if (!current?.refusal || !matches(current, user)) return;
  if (current.count !== undefined) {
    if (current.count <= 1) settings.delete(ctx);
    else settings.set(ctx, { ...current, count: current.count - 1 });
  }
  throw refusalError(current.refusal, current.claims ?? DEFAULT_CLAIMS);
}

/** GET and PUT /_sandbox/obo-refusal (registered by the control module). */
export function oboRefusalRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/obo-refusal', async () => settings.get(ctx) ?? { refusal: null });
  app.put('/obo-refusal', async (request) => {
    const parsed = ZOboRefusal.safeParse(request.body);
    if (!parsed.success) throw new GraphError(400, 'BadRequest', z.prettifyError(parsed.error));
    if (parsed.data.refusal === null) settings.delete(ctx);
    else settings.set(ctx, parsed.data);
    return settings.get(ctx) ?? { refusal: null };
  });
}
