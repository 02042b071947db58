// The API's request and response types, from the API contract (src/contract): the web imports
// the contract and nothing else outside src/web. One place, so a page imports from here.
import type {
  TGetAvailabilityResponse,
  TGetMeResponse,
  TGetSignupLogResponse,
  TSignupSummary,
} from '../../../contract/index.js';

export type {
  TMyAvailabilityResponse,
  TSaveMyAvailabilityRequest,
  DayPartCode as TDayPart,
  TApplyPlanRequest,
  TApplyProgress,
  TCampaignEdition,
  TCampaignSettings,
  TCreateCampaignRequest,
  TExportFile,
  TListCampaignsResponse,
  TUpdateCampaignRequest,
  TAssignment,
  TPlanCampaignRequest,
  TPlanCampaignResponse,
  TPlanRow,
  ApplyOutcome as TApplyOutcome,
  UnplannedCode as TUnplannedCode,
  RiecName as TRiec,
  TConfirmSlotRequest,
  TExtractSlotsRequest,
  TExtractSlotsResponse,
  TFieldMessage,
  TGetAvailabilityRequest,
  TGetAvailabilityResponse,
  TGetCampaignResponse,
  TGetDashboardResponse,
  TFunnel,
  TGetMeResponse,
  TGetSignupLogResponse,
  TGetWebConfigResponse,
  TListLogResponse,
  TCampaignLogEntryView,
  TListMunicipalitiesResponse,
  TListSignupsResponse,
  TMunicipalityView,
  TOptionView,
  TPairView,
  TProposeHoldsRequest,
  TRegisterSignupRequest,
  TRegisterSignupResponse,
  TUpdateSignupDatesRequest,
  TSignupWithWarnings,
  TUpdateSignupRequest,
  TCheckSignupRequest,
  TCheckSignupResponse,
  TSignupSummary,
  TSignupView,
  TSlotView,
  TSyncAnswersResponse,
  TTrainerView,
  TLogEntryView,
  SignupStatus as TSignupStatus,
  TrainerAnswer as TTrainerAnswer,
  Availability as TAvailability,
  NeedsAction as TNeedsAction,
  Role as TRole,
  Permission as TPermission,
  ScanStatus as TScanStatus,
} from '../../../contract/index.js';
// Values from the lists' own module: the index would bring the zod schemas into the bundle.
export { NEEDS_ACTION, SCAN_STATUSES, SIGNUP_STATUSES } from '../../../contract/lists.js';

// Kept for pages that name the parts they show.
export type TTrainerAvailabilityView = TGetAvailabilityResponse['trainers'][number];
export type TLogEntries = TGetSignupLogResponse['entries'];
export type TSignupNeedsAction = NonNullable<TSignupSummary['needsAction']>;
export type TMeRoles = TGetMeResponse['roles'];
