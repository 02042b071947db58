// The API's operations (OpenAPI operationIds) as functions. Pages receive a WorkshopApi from the
// context, so a component test can give them a hand-written fake.
import type {
  TAttendeePreview,
  TAttendeeSource,
  TMakeGroupsRequest,
  TSaveGroupsRequest,
  TSpreadsheetFile,
  TWorkshopSheet,
} from '../../../contract/index.js';
import type { ApiClient } from './api-client.js';
import type {
  TApplyPlanRequest,
  TCampaignEdition,
  TCreateCampaignRequest,
  TExportFile,
  TListCampaignsResponse,
  TUpdateCampaignRequest,
  TApplyProgress,
  TConfirmSlotRequest,
  TGetAvailabilityRequest,
  TGetAvailabilityResponse,
  TGetCampaignResponse,
  TGetDashboardResponse,
  TGetMeResponse,
  TListRemindersResponse,
  TPreviewRemindersResponse,
  TReminderRequest,
  TSendRemindersResponse,
  TGetSignupLogResponse,
  TListLogResponse,
  TListMunicipalitiesResponse,
  TListSignupsResponse,
  TListSignupSummariesResponse,
  TMyAvailabilityResponse,
  TSaveMyAvailabilityRequest,
  TPlanCampaignRequest,
  TPlanCampaignResponse,
  TProposeHoldsRequest,
  TRegisterSignupRequest,
  TRegisterSignupResponse,
  TUpdateSignupDatesRequest,
  TSignupWithWarnings,
  TUpdateSignupRequest,
  TCheckSignupRequest,
  TCheckSignupResponse,
  TSignupStatus,
  TSignupView,
  TSyncAnswersResponse,
} from './api-types.js';

export interface WorkshopApi {
  getMe(): Promise<TGetMeResponse>;
  getCampaign(): Promise<TGetCampaignResponse>;
  /** The municipalities with their sign-up in the edition `campaignId` (the current one if none). */
  listMunicipalities(campaignId?: string): Promise<TListMunicipalitiesResponse>;
  /** The province dashboard of the edition `campaignId` (the current one if none). */
  getDashboard(campaignId?: string): Promise<TGetDashboardResponse>;
  listSignups(query?: { status?: readonly TSignupStatus[] }): Promise<TListSignupsResponse>;
  /** A page of the sign-ups in short (the overview's rows); the next with `nextCursor`. */
  listSignupSummaries(query: {
    campaignId?: string;
    cursor?: string;
    limit?: number;
  }): Promise<TListSignupSummariesResponse>;
  getSignup(id: string): Promise<TSignupView>;
  getSignupLog(id: string): Promise<TGetSignupLogResponse>;
  /** The campaign-wide log, newest first; `page` from 1. */
  listLog(query?: { cbsCode?: string; page?: number }): Promise<TListLogResponse>;
  registerSignup(request: TRegisterSignupRequest): Promise<TRegisterSignupResponse>;
  getAvailability(request: TGetAvailabilityRequest): Promise<TGetAvailabilityResponse>;
  proposeHolds(id: string, request: TProposeHoldsRequest): Promise<TSignupView>;
  syncAnswers(): Promise<TSyncAnswersResponse>;
  confirmSlot(id: string, request: TConfirmSlotRequest): Promise<TSignupView>;
  cancelSignup(id: string, reason: string): Promise<TSignupView>;
  updateSignup(id: string, request: TUpdateSignupRequest): Promise<TSignupWithWarnings>;
  updateSignupDates(id: string, request: TUpdateSignupDatesRequest): Promise<TSignupWithWarnings>;
  /** The dry run: 200 with the warnings, or the 422 the real call would give. */
  checkSignup(request: TCheckSignupRequest): Promise<TCheckSignupResponse>;
  planCampaign(request: TPlanCampaignRequest): Promise<TPlanCampaignResponse>;
  applyPlan(request: TApplyPlanRequest): Promise<TApplyProgress>;
  getApplyProgress(request: TApplyPlanRequest): Promise<TApplyProgress>;
  // The workshop sheet (issue 14): attendees and groups of a confirmed workshop.
  getWorkshopSheet(id: string): Promise<TWorkshopSheet>;
  previewAttendees(id: string, source: TAttendeeSource): Promise<TAttendeePreview>;
  saveAttendees(id: string, source: TAttendeeSource): Promise<TWorkshopSheet>;
  makeGroups(id: string, request: TMakeGroupsRequest): Promise<TWorkshopSheet>;
  saveGroups(id: string, request: TSaveGroupsRequest): Promise<TWorkshopSheet>;
  getGroupsWorkbook(id: string): Promise<TSpreadsheetFile>;
  getAttendeeTemplate(language: 'nl' | 'en'): Promise<TSpreadsheetFile>;
  getMyAvailability(): Promise<TMyAvailabilityResponse>;
  saveMyAvailability(request: TSaveMyAvailabilityRequest): Promise<TMyAvailabilityResponse>;
  listCampaigns(): Promise<TListCampaignsResponse>;
  getCampaignEdition(id: string): Promise<TCampaignEdition>;
  createCampaign(request: TCreateCampaignRequest): Promise<TCampaignEdition>;
  updateCampaign(id: string, request: TUpdateCampaignRequest): Promise<TCampaignEdition>;
  exportCampaign(id: string, what: 'status' | 'log', format: 'xlsx' | 'csv'): Promise<TExportFile>;
  // Reminders to municipalities that have not signed up (issue 13, item 3).
  listReminders(campaignId: string): Promise<TListRemindersResponse>;
  previewReminders(
    campaignId: string,
    request: TReminderRequest,
  ): Promise<TPreviewRemindersResponse>;
  sendReminders(campaignId: string, request: TReminderRequest): Promise<TSendRemindersResponse>;
}

const signup = (id: string) => `/api/signups/${encodeURIComponent(id)}`;
const editionQuery = (id: string | undefined) =>
  id ? `?campaignId=${encodeURIComponent(id)}` : '';
const campaign = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export function createWorkshopApi(client: ApiClient): WorkshopApi {
  return {
    getMe: () => client.get('/api/me'),
    getCampaign: () => client.get('/api/campaign'),
    listMunicipalities: (campaignId) =>
      client.get(`/api/municipalities${editionQuery(campaignId)}`),
    getDashboard: (campaignId) => client.get(`/api/dashboard${editionQuery(campaignId)}`),
    listSignups: (query = {}) => {
      const search = new URLSearchParams();
      if (query.status && query.status.length > 0) search.set('status', query.status.join(','));
      const qs = search.toString();
      return client.get(`/api/signups${qs ? `?${qs}` : ''}`);
    },
    // The server answers with a weak ETag and `Cache-Control: private, no-cache`: the browser's
    // own cache sends If-None-Match and reuses the page on a 304, so the client adds nothing.
    listSignupSummaries: (query) => {
      const search = new URLSearchParams();
      if (query.campaignId) search.set('campaignId', query.campaignId);
      if (query.cursor) search.set('cursor', query.cursor);
      if (query.limit) search.set('limit', String(query.limit));
      const qs = search.toString();
      return client.get(`/api/signups/summaries${qs ? `?${qs}` : ''}`);
    },
    getSignup: (id) => client.get(signup(id)),
    getSignupLog: (id) => client.get(`${signup(id)}/log`),
    listLog: (query = {}) => {
      const search = new URLSearchParams();
      if (query.cbsCode) search.set('gemeente', query.cbsCode);
      if (query.page && query.page > 1) search.set('pagina', String(query.page));
      const qs = search.toString();
      return client.get(`/api/log${qs ? `?${qs}` : ''}`);
    },
    registerSignup: (request) => client.post('/api/signups', request),
    getAvailability: (request) => client.post('/api/availability', request),
    proposeHolds: (id, request) => client.post(`${signup(id)}/propose`, request),
    syncAnswers: () => client.post('/api/sync'),
    confirmSlot: (id, request) => client.post(`${signup(id)}/confirm`, request),
    cancelSignup: (id, reason) => client.post(`${signup(id)}/cancel`, { reason }),
    updateSignup: (id, request) => client.patch(signup(id), request),
    updateSignupDates: (id, request) => client.post(`${signup(id)}/new-dates`, request),
    checkSignup: (request) => client.post('/api/signups/check', request),
    planCampaign: (request) => client.post('/api/planning/plan', request),
    applyPlan: (request) => client.post('/api/planning/apply', request),
    getApplyProgress: (request) => client.post('/api/planning/apply/progress', request),
    getWorkshopSheet: (id) => client.get(`${signup(id)}/attendees`),
    previewAttendees: (id, source) => client.post(`${signup(id)}/attendees/preview`, { source }),
    saveAttendees: (id, source) => client.put(`${signup(id)}/attendees`, { source }),
    makeGroups: (id, request) => client.post(`${signup(id)}/groups`, request),
    saveGroups: (id, request) => client.put(`${signup(id)}/groups`, request),
    getGroupsWorkbook: (id) => client.get(`${signup(id)}/groups/workbook`),
    getAttendeeTemplate: (language) => client.get(`/api/attendees/template?lang=${language}`),
    getMyAvailability: () => client.get('/api/me/availability'),
    saveMyAvailability: (request) => client.post('/api/me/availability', request),
    listCampaigns: () => client.get('/api/campaigns'),
    getCampaignEdition: (id) => client.get(campaign(id)),
    createCampaign: (request) => client.post('/api/campaigns', request),
    updateCampaign: (id, request) => client.put(campaign(id), request),
    exportCampaign: (id, what, format) =>
      client.get(`${campaign(id)}/export/${what}?format=${format}`),
    listReminders: (id) => client.get(`${campaign(id)}/reminders`),
    previewReminders: (id, request) => client.post(`${campaign(id)}/reminders/preview`, request),
    sendReminders: (id, request) => client.post(`${campaign(id)}/reminders`, request),
  };
}
