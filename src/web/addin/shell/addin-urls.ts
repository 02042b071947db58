// The add-in's own URLs: the page, the sign-in dialog, the identity provider's return, and the
// links into the tab (its routes are URL fragments: #/signups/12/options, tab/routing/routes.ts).
export const ADDIN_PATH = '/addin.html';

/** `returnTo` of a sign-in that runs in the Office dialog: hand the token to the task pane. */
export const DIALOG_RETURN = 'office-dialog';

/** The identity provider sent the browser back here (?code=…&state=… or ?error=…). */
export function isSignInCallback(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('state') && (params.has('code') || params.has('error'));
}

/** The page was opened as the sign-in dialog (addin.html?dialog=sign-in). */
export function isSignInDialog(search: string): boolean {
  return new URLSearchParams(search).get('dialog') === 'sign-in';
}

/** A sign-in in the pane itself came back with an error (see complete-sign-in.ts). */
export function hasSignInFailed(search: string): boolean {
  return new URLSearchParams(search).get('signin') === 'failed';
}

export function signInDialogUrl(origin: string = window.location.origin): string {
  return `${origin}${ADDIN_PATH}?dialog=sign-in`;
}

/** Workshopplanner itself (the tab's page), at a sign-up's options or at the overview. */
export function tabUrl(signupId?: string, origin: string = window.location.origin): string {
  return signupId ? `${origin}/#/signups/${encodeURIComponent(signupId)}/options` : `${origin}/`;
}
