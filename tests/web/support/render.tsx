// Rendering a component as the tab does: Fluent's provider, i18n (Dutch unless asked) and the
// app's services with a hand-written fake API.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { createQueryClient } from '../../../src/web/common/services/query-client.js';
import type { WorkshopApi } from '../../../src/web/common/api/workshop-api.js';
import { createI18n, type Language } from '../../../src/web/common/i18n/i18n.js';
import {
  AppServicesProvider,
  type AppServices,
} from '../../../src/web/common/services/app-services.js';
import { SANNE } from './fixtures.js';

installBrowserStubs();

/** jsdom lacks what Fluent's popups and motion ask the browser for. */
function installBrowserStubs(): void {
  if (!('ResizeObserver' in window)) {
    class ResizeObserverStub {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    }
    Object.assign(window, { ResizeObserver: ResizeObserverStub });
  }
  if (typeof window.matchMedia !== 'function') {
    Object.assign(window, {
      matchMedia: (query: string) => ({
        matches: false,
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        onchange: null,
        dispatchEvent: () => false,
      }),
    });
  }
  Element.prototype.scrollIntoView ??= () => undefined;
}

/** A fake API whose every operation fails loudly unless the test gives it. */
export function fakeApi(operations: Partial<WorkshopApi> = {}): WorkshopApi {
  const missing = (name: string) => () => Promise.reject(new Error(`fake API: ${name} not set`));
  return {
    getMe: missing('getMe'),
    getCampaign: missing('getCampaign'),
    listMunicipalities: missing('listMunicipalities'),
    getDashboard: missing('getDashboard'),
    listSignups: missing('listSignups'),
    listSignupSummaries: missing('listSignupSummaries'),
    getSignup: missing('getSignup'),
    getSignupLog: missing('getSignupLog'),
    listLog: missing('listLog'),
    registerSignup: missing('registerSignup'),
    getAvailability: missing('getAvailability'),
    proposeHolds: missing('proposeHolds'),
    syncAnswers: missing('syncAnswers'),
    confirmSlot: missing('confirmSlot'),
    cancelSignup: missing('cancelSignup'),
    updateSignup: missing('updateSignup'),
    updateSignupDates: missing('updateSignupDates'),
    checkSignup: missing('checkSignup'),
    planCampaign: missing('planCampaign'),
    applyPlan: missing('applyPlan'),
    getApplyProgress: missing('getApplyProgress'),
    getWorkshopSheet: missing('getWorkshopSheet'),
    previewAttendees: missing('previewAttendees'),
    saveAttendees: missing('saveAttendees'),
    makeGroups: missing('makeGroups'),
    saveGroups: missing('saveGroups'),
    getGroupsWorkbook: missing('getGroupsWorkbook'),
    getAttendeeTemplate: missing('getAttendeeTemplate'),
    getMyAvailability: missing('getMyAvailability'),
    saveMyAvailability: missing('saveMyAvailability'),
    listCampaigns: missing('listCampaigns'),
    getCampaignEdition: missing('getCampaignEdition'),
    createCampaign: missing('createCampaign'),
    updateCampaign: missing('updateCampaign'),
    exportCampaign: missing('exportCampaign'),
    listReminders: missing('listReminders'),
    previewReminders: missing('previewReminders'),
    sendReminders: missing('sendReminders'),
    ...operations,
  };
}

export interface RenderOptions {
  readonly language?: Language;
  readonly services?: Partial<AppServices>;
}

export function renderInTab(ui: ReactElement, options: RenderOptions = {}): RenderResult {
  const services: AppServices = {
    api: fakeApi(),
    me: SANNE,
    now: () => new Date('2026-11-28T12:00:00Z'),
    pollIntervalMs: 15_000,
    signInAgain: undefined,
    ...options.services,
  };
  // One cache per test; a wrapper, so that rerender() keeps the providers around the new page.
  const queryClient = createQueryClient({ retryDelayMs: 0 });
  const i18n = createI18n(options.language ?? 'nl');
  const wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <QueryClientProvider client={queryClient}>
          <AppServicesProvider value={services}>{children}</AppServicesProvider>
        </QueryClientProvider>
      </FluentProvider>
    </I18nextProvider>
  );
  return render(ui, { wrapper });
}
