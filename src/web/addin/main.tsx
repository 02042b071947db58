// The Outlook add-in's page (addin.html): the task panes ("Aanmelding verwerken",
// "Workshopoptie"), and the sign-in dialog and its return from the identity provider.
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, readStoredLanguage } from '../common/i18n/i18n.js';
import { registerAddinMessages } from './i18n/addin-i18n.js';
import { AddinRoot } from './shell/addin-root.js';
import { isSignInCallback, isSignInDialog } from './shell/addin-urls.js';

// The sign-in pages are rare (no NAA): their code (oauth4webapi) loads only there.
const SignInDialogPage = lazy(() => import('./shell/sign-in-dialog-page.js'));

const search = window.location.search;
// Dutch until Outlook says otherwise (AddinRoot switches to Outlook's language when it is ready).
const language = readStoredLanguage() ?? 'nl';
document.documentElement.lang = language;
const i18n = registerAddinMessages(createI18n(language));

let page;
if (isSignInCallback(search)) page = <SignInDialogPage stage="callback" />;
else if (isSignInDialog(search)) page = <SignInDialogPage stage="start" />;
else page = <AddinRoot search={search} />;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Suspense>{page}</Suspense>
      </I18nextProvider>
    </StrictMode>,
  );
}
