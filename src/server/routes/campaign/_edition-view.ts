// An edition of the campaign as the API shows it, and the answers to a refused write.
import type { CampaignWriteOutcome } from '../../../app/campaigns.js';
import { AppError, domainRuleViolated } from '../../../app/errors.js';
import { isSignupOpen } from '../../../domain/campaign.js';
import { settingsOf, toCampaign } from '../../../domain/campaign-settings.js';
import type { StoredCampaign } from '../../../domain/ports.js';
import type { TCampaignEdition } from '../../../contract/index.js';

/** The edition at `now`: a rolling edition shows the dates it has today. */
export function toEditionView(stored: StoredCampaign, now: Date): TCampaignEdition {
  const campaign = toCampaign(stored.record, now);
  const settings = settingsOf(campaign);
  return {
    id: stored.record.id,
    isCurrent: stored.record.isCurrent,
    rolling: stored.record.rolling,
    version: stored.version,
    isSignupOpen: isSignupOpen(campaign, now),
    settings: { ...settings, reminderDays: [...settings.reminderDays] },
  };
}

export { CAMPAIGN_NOT_FOUND } from '../../../app/campaigns.js';
import { CAMPAIGN_NOT_FOUND } from '../../../app/campaigns.js';

const CAMPAIGN_CHANGED = {
  nl: 'Iemand anders heeft deze editie intussen gewijzigd; uw wijziging is niet opgeslagen. Uw invoer staat er nog: vernieuw de editie en voer de wijziging opnieuw door.',
  en: 'Someone else changed this edition in the meantime; your change was not saved. Your input is still there: reload the edition and make the change again.',
};

const ONLY_COORDINATOR = {
  nl: 'Alleen de coördinator van de provincie kan de campagne wijzigen.',
  en: 'Only the province’s coordinator can change the campaign.',
};

export function unwrapCampaignWrite(outcome: CampaignWriteOutcome): StoredCampaign {
  if (outcome.ok) return outcome.stored;
  switch (outcome.reason) {
    case 'invalid':
      throw domainRuleViolated(outcome.issues);
    case 'forbidden':
      throw new AppError('FORBIDDEN', {
        detail: ONLY_COORDINATOR,
        logMessage: 'not a coordinator',
      });
    case 'notFound':
      throw new AppError('NOT_FOUND', {
        detail: CAMPAIGN_NOT_FOUND,
        logMessage: 'no such campaign',
      });
    case 'conflict':
      throw new AppError('CONFLICT', {
        detail: CAMPAIGN_CHANGED,
        logMessage: 'stale campaign edit',
      });
  }
}
