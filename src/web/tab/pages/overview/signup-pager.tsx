// Under the overview's table: how many sign-ups are loaded ("50 van 342 aanmeldingen geladen",
// a polite live region, so a screen reader hears the new count after each page) and the button
// for the next page. The button stays focusable while the page loads (disabledFocusable), and
// when the last page came in and the button goes, focus moves to the count instead of the body.
import { Body1, Button, Spinner } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useOverviewStyles } from './use-overview-styles.js';

export function SignupPager(props: {
  loaded: number;
  total: number;
  pageSize: number;
  hasMore: boolean;
  isLoadingMore: boolean;
  onMore(): void;
}) {
  const { t } = useTranslation();
  const styles = useOverviewStyles();
  const status = useRef<HTMLDivElement>(null);
  const clicked = useRef(false);
  const { hasMore } = props;
  useEffect(() => {
    if (!hasMore && clicked.current) {
      clicked.current = false;
      status.current?.focus();
    }
  }, [hasMore]);
  const next = Math.max(1, Math.min(props.pageSize, props.total - props.loaded));
  return (
    <div className={styles.pager}>
      <div ref={status} tabIndex={-1} role="status" aria-live="polite" id="overview-pages">
        <Body1 className={styles.muted}>
          {t('overview.pages.loaded', { loaded: props.loaded, total: props.total })}
        </Body1>
      </div>
      {props.hasMore && (
        <Button
          appearance="secondary"
          aria-describedby="overview-pages"
          disabledFocusable={props.isLoadingMore}
          {...(props.isLoadingMore ? { icon: <Spinner size="tiny" /> } : {})}
          onClick={() => {
            clicked.current = true;
            props.onMore();
          }}
        >
          {props.isLoadingMore
            ? t('overview.pages.loadingMore')
            : t('overview.pages.more', { size: next })}
        </Button>
      )}
    </div>
  );
}
