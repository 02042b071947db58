// Not signed in (no NAA in this Outlook): one button that opens the sign-in, what happened the
// last time, and a note while the dialog is open.
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { Loading } from '../../common/components/loading.js';
import { ProblemMessage } from '../../common/components/problem-message.js';
import { DialogClosed, DialogUnavailable } from '../auth/sign-in-dialog.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { useAddinStyles } from './use-addin-styles.js';

export interface SignInPanelProps {
  readonly onSignIn: () => void;
  readonly isSigningIn: boolean;
  readonly error: unknown;
  /** A sign-in in the pane itself came back without success. */
  readonly hasFailedBefore: boolean;
}

function SignInError({ error }: { error: unknown }) {
  const at = useAddinT();
  if (error === undefined) return null;
  if (error instanceof DialogClosed || error instanceof DialogUnavailable) {
    return (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          {error instanceof DialogClosed
            ? at('signIn.dialogClosed')
            : at('signIn.dialogFailed', { code: error.code })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return <ProblemMessage error={error} />;
}

export function SignInPanel({ onSignIn, isSigningIn, error, hasFailedBefore }: SignInPanelProps) {
  const at = useAddinT();
  const styles = useAddinStyles();
  return (
    <section className={styles.section} aria-labelledby="sign-in-title">
      <Text as="h2" id="sign-in-title" className={styles.heading}>
        {at('signIn.title')}
      </Text>
      <Text as="p">{at('signIn.intro')}</Text>
      <SignInError error={error} />
      {hasFailedBefore && error === undefined && (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>{at('signIn.failedBefore')}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" disabled={isSigningIn} onClick={onSignIn}>
          {at('signIn.button')}
        </Button>
      </div>
      {isSigningIn && <Loading label={at('signIn.waiting')} />}
    </section>
  );
}
