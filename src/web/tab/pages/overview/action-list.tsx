// "Eerst doen": the municipalities that wait for the account holder, most urgent first.
import { Body1, Link, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TGetMeResponse } from '../../../common/api/api-types.js';
import { VisuallyHidden } from '../../../common/components/visually-hidden.js';
import { canPlan, useAppServices } from '../../../common/services/app-services.js';
import { routeHref } from '../../routing/routes.js';
import { findReplanItems } from '../planning/replan.js';
import { findNextStep, type ActionItem } from './overview-model.js';
import { useOverviewStyles } from './use-overview-styles.js';

export function ActionList(props: {
  items: readonly ActionItem[];
  me: TGetMeResponse;
  isSignupOpen: boolean;
}) {
  const { t } = useTranslation();
  const styles = useOverviewStyles();
  const { now } = useAppServices();
  if (props.items.length === 0) {
    return <Body1 className={styles.muted}>{t('overview.nothingFirst')}</Body1>;
  }
  // A trainer declined or options lapsed: first, one line to the page Planning (issue 12, item 3).
  const rows = props.items.map((item) => item.row);
  const replan = canPlan(props.me) && findReplanItems(rows, now()).length > 0;
  return (
    <ol className={styles.actions}>
      {replan && (
        <li className={styles.actionItem}>
          <Link href={routeHref({ page: 'planning' })}>{t('replan.overviewLink')}</Link>
        </li>
      )}
      {props.items.map(({ row, needsAction }) => {
        const next = findNextStep(row, props.me, props.isSignupOpen);
        return (
          <li key={row.cbsCode} className={styles.actionItem}>
            <span className={styles.actionText}>
              <Text weight="semibold">{row.displayName}</Text>
              <Body1>{t(`needsAction.${needsAction}`)}</Body1>
            </span>
            {next && (
              <Link href={routeHref(next.route)}>
                {t(`nextStep.${next.kind}`)}
                <VisuallyHidden>{` – ${row.displayName}`}</VisuallyHidden>
              </Link>
            )}
          </li>
        );
      })}
    </ol>
  );
}
