// The API's request and response types, taken from the server's zod schemas (types only: the
// bundle never includes server code). One place, so a page imports from here.
import type { TGetCampaignResponse } from '../../../server/routes/campaign/get-campaign.schema.js';
import type { TGetWebConfigResponse } from '../../../server/routes/config/get-web-config.js';
import type { TGetMeResponse } from '../../../server/routes/me/get-me.schema.js';
import type {
  TListMunicipalitiesResponse,
  TSignupSummary,
} from '../../../server/routes/municipalities/list-municipalities.schema.js';
import type {
  TGetAvailabilityRequest,
  TGetAvailabilityResponse,
} from '../../../server/routes/planning/get-availability.schema.js';
import type { TSyncAnswersResponse } from '../../../server/routes/planning/sync-answers.schema.js';
import type { TConfirmSlotRequest } from '../../../server/routes/signups/confirm-slot.schema.js';
import type { TGetSignupLogResponse } from '../../../server/routes/signups/get-signup-log.schema.js';
import type { TListSignupsResponse } from '../../../server/routes/signups/list-signups.schema.js';
import type { TProposeHoldsRequest } from '../../../server/routes/signups/propose-holds.schema.js';
import type {
  TRegisterSignupRequest,
  TRegisterSignupResponse,
} from '../../../server/routes/signups/register-signup.schema.js';
import type {
  TFieldMessage,
  TSignupView,
  TSlotView,
  TTrainerView,
} from '../../../server/views/signup-view.schema.js';

export type {
  TConfirmSlotRequest,
  TFieldMessage,
  TGetAvailabilityRequest,
  TGetAvailabilityResponse,
  TGetCampaignResponse,
  TGetMeResponse,
  TGetSignupLogResponse,
  TGetWebConfigResponse,
  TListMunicipalitiesResponse,
  TListSignupsResponse,
  TProposeHoldsRequest,
  TRegisterSignupRequest,
  TRegisterSignupResponse,
  TSignupSummary,
  TSignupView,
  TSlotView,
  TSyncAnswersResponse,
  TTrainerView,
};

export type TMunicipalityView = TListMunicipalitiesResponse['municipalities'][number];
export type TSignupStatus = TSignupView['status'];
export type TTrainerAnswer = TSignupView['options'][number]['answers']['riec']['answer'];
export type TOptionView = TSignupView['options'][number];
export type TAvailability =
  TGetAvailabilityResponse['trainers'][number]['availability'][number]['availability'];
export type TPairView = TGetAvailabilityResponse['pairs'][number];
export type TLogEntryView = TGetSignupLogResponse['entries'][number];
export type TNeedsAction = NonNullable<TSignupSummary['needsAction']>;
export type TRole = TGetMeResponse['roles'][number];
export type TPermission = TGetMeResponse['permissions'][number];
export type TScanStatus = TRegisterSignupRequest['scanStatus'];

/** The lifecycle's statuses in the order a sign-up passes them (SIGNUP_STATUSES). */
export const SIGNUP_STATUSES = [
  'aangemeld',
  'opties_geplaatst',
  'bevestigd',
  'uitgevoerd',
  'geannuleerd',
  'nieuwe_data_nodig',
] as const satisfies readonly TSignupStatus[];

export const SCAN_STATUSES = [
  'gedaan',
  'gepland',
  'nee',
  'onbekend',
] as const satisfies readonly TScanStatus[];

/** Most urgent first, as the server orders them (list-municipalities.schema.ts). */
export const NEEDS_ACTION = [
  'new_dates_needed',
  'both_accepted',
  'lapses_soon',
  'answer_received',
  'options_needed',
] as const satisfies readonly TNeedsAction[];
