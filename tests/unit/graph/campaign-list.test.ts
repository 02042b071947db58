// An edition ↔ its item in "Workshopcampagnes" (issue 13, items 1, 3 and 4): the settings for
// automatic reminders and nudges have columns of their own; an item stored before those columns
// existed reads as "off" and "3 days".
import { describe, expect, it } from '@jest/globals';
import { demoEdition } from '../../../src/domain/campaign-settings.js';
import { fromCampaignItem, toCampaignFields } from '../../../src/graph/sharepoint/campaign-list.js';
import { CAMPAIGN_LIST_SPEC } from '../../../src/graph/sharepoint/lists.js';

const record = demoEdition('2026-09-01');

describe('the campaign list item', () => {
  it('stores automatic reminders and the nudge days in columns the list is provisioned with', () => {
    const set = {
      ...record,
      settings: { ...record.settings, autoSendReminders: true, nudgeAfterDays: 5 },
    };
    const fields = toCampaignFields(set);
    expect(fields).toMatchObject({ HerinneringenAutomatisch: true, AansporingNaDagen: 5 });
    const columns = CAMPAIGN_LIST_SPEC.columns.map((c) => c.name);
    for (const name of Object.keys(fields).filter((f) => f !== 'Title')) {
      expect(columns).toContain(name);
    }
    const back = fromCampaignItem({ id: '1', eTag: '"1"', fields: fields as never });
    expect(back.record.settings).toMatchObject({ autoSendReminders: true, nudgeAfterDays: 5 });
  });

  it('reads an item from before these columns as off and 3 days', () => {
    const {
      HerinneringenAutomatisch: _auto,
      AansporingNaDagen: _days,
      ...old
    } = toCampaignFields(record);
    const back = fromCampaignItem({ id: '1', eTag: '"1"', fields: old as never });
    expect(back.record.settings).toMatchObject({ autoSendReminders: false, nudgeAfterDays: 3 });
  });
});
