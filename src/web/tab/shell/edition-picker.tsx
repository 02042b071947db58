// The edition of the campaign the tab works on (issue 13, item 1): the current one by default,
// another one picked here lands in the URL (`editie=` in the fragment) so a link keeps it, and
// every page that lists by campaign (overview, dashboard, Campagne) follows it.
import { Field, Select, makeStyles } from '@fluentui/react-components';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppServices } from '../../common/services/app-services.js';
import { useQuery } from '../../common/services/use-query.js';
import { queryKeys } from '../../common/services/query-keys.js';
import { pickEdition, useEdition } from '../routing/use-route.js';

const useStyles = makeStyles({
  field: { maxWidth: '100%', minWidth: 0 },
  // A long title is cut, not the pane widened (375 px in Teams mobile).
  select: { maxWidth: 'min(22rem, 100%)', minWidth: 0 },
});

export default function EditionPicker() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useAppServices();
  const load = useCallback(() => api.listCampaigns(), [api]);
  const query = useQuery(queryKeys.campaigns(), load);
  const picked = useEdition();
  const campaigns = query.data?.campaigns ?? [];
  const current = campaigns.find((c) => c.isCurrent);
  // Nothing to pick between: no picker (a failed load leaves the current edition in use).
  if (campaigns.length < 2) return null;
  return (
    <Field label={t('edition.label')} className={styles.field}>
      <Select
        className={styles.select}
        value={picked ?? current?.id ?? ''}
        onChange={(_, data) => pickEdition(data.value === current?.id ? undefined : data.value)}
      >
        {campaigns.map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {campaign.isCurrent
              ? t('edition.current', { title: campaign.settings.title })
              : campaign.settings.title}
          </option>
        ))}
      </Select>
    </Field>
  );
}
