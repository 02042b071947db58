// The page in the Office sign-in dialog and the page the identity provider returns to: it only
// starts or finishes the sign-in; the task pane does the rest.
import { FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { Loading } from '../../common/components/loading.js';
import { ProblemMessage } from '../../common/components/problem-message.js';
import { completeSignIn, startDialogSignIn } from '../auth/complete-sign-in.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { useAddinStyles } from './use-addin-styles.js';

export type SignInStage = 'start' | 'callback';

export function SignInDialogPage({ stage }: { stage: SignInStage }) {
  const at = useAddinT();
  const styles = useAddinStyles();
  const [isHandedOver, setHandedOver] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    const run =
      stage === 'start'
        ? startDialogSignIn().then(() => undefined)
        : completeSignIn().then((outcome) => setHandedOver(outcome === 'handed-to-pane'));
    run.catch((failure: unknown) => setError(failure));
  }, [stage]);

  let content;
  if (error !== undefined) content = <ProblemMessage error={error} />;
  else if (isHandedOver) content = <Text>{at('signIn.dialogDone')}</Text>;
  else content = <Loading label={at('signIn.title')} />;
  return (
    <FluentProvider theme={webLightTheme} className={styles.provider}>
      <main className={styles.main}>{content}</main>
    </FluentProvider>
  );
}

export default SignInDialogPage;
