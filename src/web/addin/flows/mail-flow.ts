// The mail surface's steps against the API, without React or office.js: read the mail, look at
// the trainers' calendars, register and place the holds. The task pane and the integration tests
// run the same functions.
import type {
  TGetAvailabilityRequest,
  TGetAvailabilityResponse,
  TListMunicipalitiesResponse,
  TPairView,
  TRegisterSignupRequest,
  TRegisterSignupResponse,
  TSignupView,
} from '../../common/api/api-types.js';
import { pairKey } from '../../common/pairs/pair-key.js';
import type { AddinApi, TExtractSlotsResponse } from '../api/addin-api.js';
import { draftFromExtraction, type MailDraft } from './mail-draft.js';
import { toExtractRequest, type MailFields } from './mail-fields.js';

export interface MailReading {
  readonly extraction: TExtractSlotsResponse;
  readonly municipalities: TListMunicipalitiesResponse;
  readonly draft: MailDraft;
}

/** The mail read by the API, with the municipalities the user may plan for (for the picker). */
export async function readSignupMail(
  api: Pick<AddinApi, 'extractSlots' | 'listMunicipalities'>,
  mail: MailFields,
): Promise<MailReading> {
  const [extraction, municipalities] = await Promise.all([
    api.extractSlots(toExtractRequest(mail)),
    api.listMunicipalities(),
  ]);
  return {
    extraction,
    municipalities,
    draft: draftFromExtraction(extraction, mail, municipalities.municipalities),
  };
}

export function checkAvailability(
  api: Pick<AddinApi, 'getAvailability'>,
  request: TGetAvailabilityRequest,
): Promise<TGetAvailabilityResponse> {
  return api.getAvailability(request);
}

/** The pair to preselect: the one chosen before if it is still offered, else the best viable. */
export function choosePair(
  pairs: readonly TPairView[],
  previousKey: string | undefined,
): TPairView | undefined {
  return (
    pairs.find((pair) => pairKey(pair) === previousKey) ??
    pairs.find((pair) => pair.isViable) ??
    pairs[0]
  );
}

export type SubmitStep = 'registering' | 'proposing';

export interface SubmitResult {
  readonly signup: TSignupView;
  readonly warnings: TRegisterSignupResponse['warnings'];
}

export interface SubmitProgress {
  readonly onStep?: (step: SubmitStep) => void;
  /** Called as soon as the sign-up exists, so a retry does not register it again. */
  readonly onRegistered?: (registered: TRegisterSignupResponse) => void;
  /** The registration of an earlier attempt of this submit, if it got that far. */
  readonly registered?: TRegisterSignupResponse | undefined;
  /** "Toch plaatsen": place the holds although a trainer is booked then (HOLD_OVERLAPS_*). */
  readonly acknowledgeOverlaps?: boolean;
}

function hasPair(signup: TSignupView, pair: Pick<TPairView, 'berenschot' | 'riec'>): boolean {
  return (
    signup.status === 'opties_geplaatst' &&
    signup.pair !== null &&
    pairKey(signup.pair) === pairKey(pair)
  );
}

/**
 * Registers the sign-up and places the three holds with the pair, in that order. Safe to run
 * again after a failure or a lost answer: once the sign-up exists (`registered`) it is read
 * again instead of registered again (the API refuses a second sign-up once options are placed),
 * and holds already placed with this pair are not placed twice.
 */
export async function registerAndPropose(
  api: Pick<AddinApi, 'registerSignup' | 'proposeHolds' | 'getSignup'>,
  request: TRegisterSignupRequest,
  pair: Pick<TPairView, 'berenschot' | 'riec'>,
  progress: SubmitProgress = {},
): Promise<SubmitResult> {
  progress.onStep?.('registering');
  let registered = progress.registered;
  let signup: TSignupView;
  if (registered) {
    signup = await api.getSignup(registered.signup.id);
  } else {
    registered = await api.registerSignup(request);
    progress.onRegistered?.(registered);
    signup = registered.signup;
  }
  if (hasPair(signup, pair)) return { signup, warnings: registered.warnings };
  progress.onStep?.('proposing');
  const proposed = await api.proposeHolds(signup.id, {
    berenschot: pair.berenschot.email,
    riec: pair.riec.email,
    ...(progress.acknowledgeOverlaps ? { acknowledgeOverlaps: true } : {}),
  });
  return { signup: proposed, warnings: registered.warnings };
}
