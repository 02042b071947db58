// The sign-in fallback where Outlook offers no NAA: the common browser sign-in (authorization
// code + PKCE, oauth4webapi), returning to the add-in's own page instead of the tab's
// /auth/callback — which would start the Teams tab. `${origin}/addin.html` must therefore be a
// registered single-page-application redirect URI (the sandbox accepts any local URL).
import { BrowserSignIn } from '../../common/auth/browser-sign-in.js';
import { ADDIN_PATH } from '../shell/addin-urls.js';

export class AddinSignIn extends BrowserSignIn {
  override get redirectUri(): string {
    return `${window.location.origin}${ADDIN_PATH}`;
  }
}
