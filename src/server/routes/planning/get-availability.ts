// Free/busy of every trainer for up to three slots and the trainer pairs ranked, from one
// getSchedule round trip. POST because the slots are a body; it writes nothing.
import { checkAvailability } from '../../../app/check-availability.js';
import { canRead } from '../../../app/access.js';
import { domainRuleViolated } from '../../../app/errors.js';
import type { Campaign } from '../../../domain/campaign.js';
import { createIssue, type DomainIssue } from '../../../domain/errors.js';
import { findMunicipalityByCbsCode, type Municipality } from '../../../domain/municipalities.js';
import { validatePreferences } from '../../../domain/signup-validation.js';
import type { Slot } from '../../../domain/signup.js';
import { failureToAppError, unwrapOutcome } from '../../errors/use-case-failure.js';
import { defineRoute } from '../../http/define-route.js';
import { useCasesFor } from '../../http/use-case-context.js';
import { toSlotView, toTrainerView } from '../../views/signup-view.js';
import { AVAILABILITY_LABELS } from '../../views/view-labels.js';
import {
  ZGetAvailabilityRequest,
  ZGetAvailabilityResponse,
  type TGetAvailabilityResponse,
} from './get-availability.schema.js';

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

export default defineRoute({
  method: 'POST',
  url: '/availability',
  operationId: 'getAvailability',
  summary: 'Geeft de beschikbaarheid van de trainers en de beste trainersparen voor de voorkeuren',
  description:
    'Een POST omdat de voorkeuren in de body staan; er wordt niets opgeslagen of verstuurd. ' +
    'Een agenda die niet zichtbaar is (Berenschot) telt als onbekend, nooit als vrij.',
  tags: ['Planning'],
  permission: ['signups:propose', 'province:read'],
  problems: ['DOMAIN_RULE_VIOLATED', 'GRAPH_UNAVAILABLE'],
  schemas: { body: ZGetAvailabilityRequest, response: { 200: ZGetAvailabilityResponse } },
  handler: async (route): Promise<TGetAvailabilityResponse> => {
    const { language, access } = route;
    const now = route.clock.now();
    const municipality = findPlannedMunicipality(route.body.cbsCode);
    if (municipality && !canRead(access, municipality.riec)) {
      throw failureToAppError({ kind: 'forbidden', reason: 'otherRiec' });
    }
    const slots = checkSlots(route.body.slots, route.services.findCurrentCampaign(now), now);
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
      slots: result.slots.map((slot, index) => toSlotView(slot, index, language)),
      trainers: result.trainers.map((entry) => ({
        trainer: toTrainerView(entry.trainer),
        visible: entry.visible,
        availability: entry.availability.map((availability, slotIndex) => ({
          slotIndex,
          availability,
          label: AVAILABILITY_LABELS[language][availability],
        })),
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
  },
});
