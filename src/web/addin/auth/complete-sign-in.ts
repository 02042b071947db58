// The page the identity provider returns to (addin.html?code=…&state=…): finish the sign-in,
// then either hand the token to the task pane (it ran in the Office dialog) or go back to the
// surface the pane showed (it ran in the pane itself).
import { loadWebConfig } from '../../common/auth/web-config.js';
import { ADDIN_PATH, DIALOG_RETURN } from '../shell/addin-urls.js';
import { AddinSignIn } from './addin-sign-in.js';
import { sendToParent } from './sign-in-dialog.js';

/** Set in the dialog's own session storage when it starts the sign-in. */
const DIALOG_FLAG = 'workshopplanner.addin-dialog';

// Once per page load: React mounts twice in development, and a code can be redeemed only once.
let started: Promise<void> | undefined;
let completed: Promise<CallbackOutcome> | undefined;

/** In the dialog (addin.html?dialog=sign-in): go to the identity provider. */
export function startDialogSignIn(): Promise<void> {
  started ??= runStart();
  return started;
}

async function runStart(): Promise<void> {
  const signIn = new AddinSignIn(await loadWebConfig());
  sessionStorage.setItem(DIALOG_FLAG, '1');
  await signIn.startSignIn(DIALOG_RETURN);
}

export type CallbackOutcome = 'handed-to-pane' | 'returning';

export function completeSignIn(): Promise<CallbackOutcome> {
  completed ??= runComplete();
  return completed;
}

async function runComplete(): Promise<CallbackOutcome> {
  const isDialog = sessionStorage.getItem(DIALOG_FLAG) === '1';
  sessionStorage.removeItem(DIALOG_FLAG);
  try {
    const signIn = new AddinSignIn(await loadWebConfig());
    const returnTo = await signIn.completeSignIn(new URL(window.location.href));
    if (isDialog || returnTo === DIALOG_RETURN) {
      await Office.onReady();
      sendToParent({ type: 'signed-in', accessToken: await signIn.getToken() });
      return 'handed-to-pane';
    }
    // Only a path of this add-in: never send the browser elsewhere on a crafted state.
    window.location.replace(returnTo.startsWith(ADDIN_PATH) ? returnTo : ADDIN_PATH);
    return 'returning';
  } catch (error) {
    if (!isDialog) {
      // Back to the pane, which says the sign-in failed and offers it again.
      console.warn('sign-in not completed', error);
      window.location.replace(`${ADDIN_PATH}?signin=failed`);
      return 'returning';
    }
    await Office.onReady();
    sendToParent({
      type: 'failed',
      reason: error instanceof Error ? error.message : String(error),
    });
    return 'handed-to-pane';
  }
}
