// The Teams tab: i18n around everything, then the shell (theme, host, sign-in, pages).
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Root } from './shell/root.js';

export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Root />
    </I18nextProvider>
  );
}
