// What the routes may call besides the domain's pure functions: the use cases, composed once in
// main.ts (or by a test). Routes receive this object; they never build gateways or read tokens.
// The lead adds the use cases here (registerSignup, proposeHolds, …) as they land in src/app.
import { currentCampaign, type Campaign } from '../domain/campaign.js';

export interface ServerServices {
  /** The campaign that is open at `now` (the demo edition follows today's date). */
  readonly findCurrentCampaign: (now: Date) => Campaign;
}

export function createDefaultServices(): ServerServices {
  return { findCurrentCampaign: currentCampaign };
}
