// Free/busy of every trainer for up to three slots and the trainer pairs ranked, from one
// getSchedule round trip. POST because the slots are a body; it writes nothing.
import { readCurrentCampaign } from '../../../app/campaigns.js';
import { checkAvailability } from '../../../app/check-availability.js';
import { canRead } from '../../../app/access.js';
import { domainRuleViolated } from '../../../app/errors.js';
import type { Campaign } from '../../../domain/campaign.js';
import { createIssue, type DomainIssue } from '../../../domain/errors.js';
import { findMunicipalityByCbsCode, type Municipality } from '../../../domain/municipalities.js';
import { validatePreferences } from '../../../domain/signup-validation.js';
import type { Slot } from '../../../domain/signup.js';
import { failureToAppError, unwrapOutcome } from '../../errors/use-case-failure.js';
import { getAvailability } from '../../../contract/index.js';
import { implement } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSlotView, toTrainerView } from '../../views/signup-view.js';

/**
 * The slots under the campaign's rules for preferences (valid instants, end after start, at most
 * four hours, in the window, in the future, no overlap), with the field paths of this request.
 * Warnings (weekend, holiday) do not matter here. Returns the slots as UTC instants.
 */
function checkSlots(slots: readonly Slot[], campaign: Campaign, now: Date): readonly Slot[] {
  const result = validatePreferences(slots, { ...campaign, preferenceCount: slots.length }, now);
  if (result.ok) return result.value;
  const issues: DomainIssue[] = result.errors.map((issue) => ({
    ...issue,
    field: issue.field.replace(/^preferences/, 'slots'),
  }));
  throw domainRuleViolated(issues, `availability slots refused: ${issues.map((i) => i.code)}`);
}

function findPlannedMunicipality(cbsCode: string | undefined): Municipality | undefined {
  if (cbsCode === undefined) return undefined;
  const municipality = findMunicipalityByCbsCode(cbsCode);
  if (!municipality) {
    throw domainRuleViolated([createIssue('MUNICIPALITY_UNKNOWN', 'cbsCode', { cbsCode })]);
  }
  return municipality;
}

export default implement(getAvailability, async (route) => {
  const { access } = route;
  const now = route.clock.now();
  const municipality = findPlannedMunicipality(route.body.cbsCode);
  if (municipality && !canRead(access, municipality.riec)) {
    throw failureToAppError({ kind: 'forbidden', reason: 'otherRiec', field: 'cbsCode' });
  }
  const slots = checkSlots(route.body.slots, await readCurrentCampaign(useCasesFor(route)), now);
  const result = unwrapOutcome(
    await checkAvailability(
      useCasesFor(route),
      slots,
      municipality ? { riec: municipality.riec } : {},
    ),
  );
  return {
    municipality: municipality
      ? { cbsCode: municipality.cbsCode, name: municipality.displayName, riec: municipality.riec }
      : null,
    slots: result.slots.map((slot, index) => toSlotView(slot, index)),
    trainers: result.trainers.map((entry) => ({
      trainer: toTrainerView(entry.trainer),
      visible: entry.visible,
      availability: entry.availability.map((availability, slotIndex) => ({
        slotIndex,
        availability,
      })),
      load: { ...entry.load },
      stated: entry.stated,
    })),
    pairs: result.pairs.map((pair, index) => ({
      rank: index + 1,
      berenschot: toTrainerView(pair.pair.berenschot),
      riec: toTrainerView(pair.pair.riec),
      slots: pair.slots.map((slot) => ({ ...slot })),
      bothFreeCount: pair.bothFreeCount,
      berenschotUnknownCount: pair.berenschotUnknownCount,
      isViable: pair.isViable,
      reason: pair.reason,
    })),
  };
});
