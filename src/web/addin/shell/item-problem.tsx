// Why a surface cannot show the open mail or appointment: Outlook would not give the item (said in
// the surface's own words), or the API answered with a problem; both with "try again".
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../common/components/problem-message.js';
import { OfficeReadError } from '../office/read-item.js';

export function ItemProblem(props: {
  readonly error: unknown;
  /** What to say when office.js could not read the item. */
  readonly readFailed: string;
  readonly onRetry: () => void;
}) {
  const { t } = useTranslation();
  if (!(props.error instanceof OfficeReadError)) {
    return <ProblemMessage error={props.error} onRetry={props.onRetry} />;
  }
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{props.readFailed}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onRetry}>{t('problem.tryAgain')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
