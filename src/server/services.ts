// What the routes may call besides the domain's pure functions: per request, the use cases' context — Microsoft 365 on behalf of the caller. composeServices
// (compose.ts) builds the real ones from the settings; a test may pass its own (fakes of the
// small ports in src/domain/ports.ts). Routes never build gateways or read tokens.
import type { Access } from '../app/access.js';
import type { UseCaseContext } from '../app/context.js';
import type { PlannerSettings } from '../domain/planner/types.js';
import type { DelegatedAccessRefusal } from '../graph/client/tokens.js';
import type { UserAssertion } from './auth/user-assertion.js';
import type { TGetWebConfigResponse } from './web-config.js';

/** Who is asking, as the authentication hook established it. */
export interface Caller {
  readonly access: Access;
  /** The caller's token, for the on-behalf-of exchange only. */
  readonly userAssertion: UserAssertion;
  /** The request's correlation id; Graph requests carry it as client-request-id. */
  readonly correlationId: string;
  /** Told when Entra ID refuses to exchange the caller's token for Graph (answered with 401). */
  readonly onDelegatedAccessRefused?: (refusal: DelegatedAccessRefusal) => void;
}

export interface ServerServices {
  /** The context the use cases of one request run in: Graph as the caller, the process state. */
  readonly contextFor: (caller: Caller) => UseCaseContext;
  /** The public sign-in settings of the web app (GET /api/web-config). */
  readonly webConfig: TGetWebConfigResponse;
  /** The province planner's settings (PLANNER_*); missing ones are the planner's defaults. */
  readonly plannerSettings?: Partial<PlannerSettings>;
}
