// Rendering add-in components as addin.html does: the common i18n instance with the add-in's
// namespace, Fluent, and the app services (for the sign-in button of problem messages).
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { TextDecoder, TextEncoder } from 'node:util';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createQueryClient } from '../../../../src/web/common/services/query-client.js';
import type { TGetMeResponse } from '../../../../src/web/common/api/api-types.js';
import { createI18n, type Language } from '../../../../src/web/common/i18n/i18n.js';
import { AppServicesProvider } from '../../../../src/web/common/services/app-services.js';
import type { AddinApi } from '../../../../src/web/addin/api/addin-api.js';
import { registerAddinMessages } from '../../../../src/web/addin/i18n/addin-i18n.js';
import { fakeApi } from '../../support/render.js';
import { SANNE } from '../../support/fixtures.js';

// jsdom lacks TextEncoder, which every browser has and oauth4webapi (the fallback sign-in) uses.
if (typeof globalThis.TextEncoder === 'undefined')
  Object.assign(globalThis, { TextEncoder, TextDecoder });

/** A fake API whose every operation fails loudly unless the test gives it. */
export function fakeAddinApi(operations: Partial<AddinApi> = {}): AddinApi {
  return {
    ...fakeApi(operations),
    extractSlots:
      operations.extractSlots ??
      (() => Promise.reject(new Error('fake API: extractSlots not set'))),
  };
}

export function addinI18n(language: Language = 'nl') {
  return registerAddinMessages(createI18n(language));
}

export function renderInAddin(
  ui: ReactElement,
  options: { api?: AddinApi; me?: TGetMeResponse; language?: Language } = {},
): RenderResult {
  const api = options.api ?? fakeAddinApi();
  const queryClient = createQueryClient({ retryDelayMs: 0 });
  return render(
    <I18nextProvider i18n={addinI18n(options.language)}>
      <FluentProvider theme={webLightTheme}>
        <QueryClientProvider client={queryClient}>
          <AppServicesProvider
            value={{
              api,
              me: options.me ?? SANNE,
              now: () => new Date('2026-11-28T12:00:00Z'),
              pollIntervalMs: 15_000,
              signInAgain: undefined,
            }}
          >
            {ui}
          </AppServicesProvider>
        </QueryClientProvider>
      </FluentProvider>
    </I18nextProvider>,
  );
}
