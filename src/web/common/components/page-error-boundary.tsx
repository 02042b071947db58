// A page that fails to render shows a message instead of a white screen, and the rest of the app
// (the header, the navigation, the language switch) keeps working. What the user typed is kept
// outside the page (useSessionDraft), so it is there again after "Terug naar het overzicht" or
// "Opnieuw proberen". A new `resetKey` (another page in the URL) clears the error.
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PageErrorBoundaryProps {
  /** Changes when the user goes to another page: the new page gets its own chance. */
  readonly resetKey: string;
  /** Where "Terug naar het overzicht" goes (the tab's '#/'); absent: only "Opnieuw proberen". */
  readonly overviewHref?: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: unknown;
  readonly hasError: boolean;
  readonly resetKey: string;
}

export class PageErrorBoundary extends Component<PageErrorBoundaryProps, State> {
  override state: State = { error: undefined, hasError: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, hasError: true };
  }

  static getDerivedStateFromProps(props: PageErrorBoundaryProps, state: State): Partial<State> {
    return props.resetKey === state.resetKey
      ? {}
      : { error: undefined, hasError: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // For the developer's console; the user sees the message below.
    console.error('A page failed to render', error, info.componentStack);
  }

  private readonly retry = () => this.setState({ error: undefined, hasError: false });

  override render() {
    if (!this.state.hasError) return this.props.children;
    return <PageFailed overviewHref={this.props.overviewHref} onRetry={this.retry} />;
  }
}

function PageFailed({
  overviewHref,
  onRetry,
}: {
  overviewHref: string | undefined;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('pageError.title')}</MessageBarTitle>
        {overviewHref !== undefined ? t('pageError.text') : t('pageError.textRetry')}
      </MessageBarBody>
      <MessageBarActions>
        {overviewHref !== undefined && (
          <Button as="a" href={overviewHref} appearance="primary" onClick={onRetry}>
            {t('pageError.toOverview')}
          </Button>
        )}
        <Button onClick={onRetry}>{t('problem.tryAgain')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
