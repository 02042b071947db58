import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n, readStoredLanguage } from '../common/i18n/i18n.js';
import { App } from './app.js';

const language = readStoredLanguage() ?? 'nl';
document.documentElement.lang = language;
const i18n = createI18n(language);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App i18n={i18n} />
    </StrictMode>,
  );
}
