// The sign-up lifecycle as a pure function (DESIGN.md, "The sign-up lifecycle"):
// (state, command, now) → (state, effects) | error. The app layer performs the effects.
//
//   aangemeld → opties_geplaatst → bevestigd → uitgevoerd
//   side exits: geannuleerd (from every state that is not final) and nieuwe_data_nodig (no option
//   can become the workshop any more); new dates lead from nieuwe_data_nodig back to aangemeld.
import type { Campaign } from './campaign.js';
import type { SignupId } from './ids.js';
import { confirmOption } from './lifecycle-confirm.js';
import { describePreferences, transitionTo } from './lifecycle-effects.js';
import { editSignup } from './lifecycle-edit.js';
import { acceptNewDates, cancelSignup, expireOptions, markExecuted } from './lifecycle-exits.js';
import { proposeOptions, recordAnswers, recordHoldIds } from './lifecycle-options.js';
import type { Command, Effect, TransitionResult } from './lifecycle-types.js';
import type { AccountHolder, Signup, ValidSignup } from './signup.js';
import { isEmptyScanThemes } from './signup-validation.js';
import { toAmsterdam, toUtcIso } from './time.js';

export { allowedActions, listConfirmableOptions } from './lifecycle-rules.js';
export type { ConfirmableOption } from './lifecycle-rules.js';

export interface RegisterSignupInput {
  readonly id: SignupId;
  readonly campaign: Campaign;
  readonly signup: ValidSignup;
  readonly accountHolder: AccountHolder;
}

/** A new sign-up in state `aangemeld`, with its status write and first log line. */
export function registerSignup(
  input: RegisterSignupInput,
  now: Date,
): { readonly state: Signup; readonly effects: readonly Effect[] } {
  const { signup, campaign, accountHolder } = input;
  const state: Signup = {
    id: input.id,
    campaignId: campaign.id,
    municipality: { cbsCode: signup.municipality.cbsCode, name: signup.municipality.displayName },
    riec: signup.municipality.riec,
    accountHolder,
    contact: signup.contact,
    preferences: signup.preferences,
    scanStatus: signup.scanStatus,
    ...(signup.scan && !isEmptyScanThemes(signup.scan) ? { scan: signup.scan } : {}),
    remarks: signup.remarks,
    status: 'aangemeld',
    holdLapseDays: campaign.holdLapseDays,
    registeredAt: toUtcIso(toAmsterdam(now)),
    round: 0,
    options: [],
    ...(signup.lateOverride ? { lateOverride: signup.lateOverride } : {}),
  };
  // A sign-up after the deadline must be logged with its reason.
  const late = signup.lateOverride
    ? ` Aangenomen na de aanmeldtermijn; reden: ${signup.lateOverride.reason}`
    : '';
  const detail = `Aanmelding van gemeente ${state.municipality.name}: ${describePreferences(state.preferences)}.${late}`;
  const { effects } = transitionTo(state, null, accountHolder.email, now, detail);
  return { state, effects };
}

/** Applies a command. On failure the given state is untouched and no effect is asked for. */
export function transition(state: Signup, command: Command, now: Date): TransitionResult {
  switch (command.type) {
    case 'propose':
      return proposeOptions(state, command, now);
    case 'recordHoldIds':
      return recordHoldIds(state, command);
    case 'recordAnswers':
      return recordAnswers(state, command, now);
    case 'confirm':
      return confirmOption(state, command, now);
    case 'cancel':
      return cancelSignup(state, command, now);
    case 'expire':
      return expireOptions(state, command, now);
    case 'markExecuted':
      return markExecuted(state, command, now);
    case 'newDates':
      return acceptNewDates(state, command, now);
    case 'edit':
      return editSignup(state, command, now);
  }
}
