// The API's operations (OpenAPI operationIds) as functions. Pages receive a WorkshopApi from the
// context, so a component test can give them a hand-written fake.
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
  TGetMeResponse,
  TGetSignupLogResponse,
  TListMunicipalitiesResponse,
  TListSignupsResponse,
  TPlanCampaignRequest,
  TPlanCampaignResponse,
  TProposeHoldsRequest,
  TRegisterSignupRequest,
  TRegisterSignupResponse,
  TSignupStatus,
  TSignupView,
  TSyncAnswersResponse,
} from './api-types.js';

export interface WorkshopApi {
  getMe(): Promise<TGetMeResponse>;
  getCampaign(): Promise<TGetCampaignResponse>;
  listMunicipalities(): Promise<TListMunicipalitiesResponse>;
  listSignups(query?: { status?: readonly TSignupStatus[] }): Promise<TListSignupsResponse>;
  getSignup(id: string): Promise<TSignupView>;
  getSignupLog(id: string): Promise<TGetSignupLogResponse>;
  registerSignup(request: TRegisterSignupRequest): Promise<TRegisterSignupResponse>;
  getAvailability(request: TGetAvailabilityRequest): Promise<TGetAvailabilityResponse>;
  proposeHolds(id: string, request: TProposeHoldsRequest): Promise<TSignupView>;
  syncAnswers(): Promise<TSyncAnswersResponse>;
  confirmSlot(id: string, request: TConfirmSlotRequest): Promise<TSignupView>;
  cancelSignup(id: string, reason: string): Promise<TSignupView>;
  planCampaign(request: TPlanCampaignRequest): Promise<TPlanCampaignResponse>;
  applyPlan(request: TApplyPlanRequest): Promise<TApplyProgress>;
  getApplyProgress(request: TApplyPlanRequest): Promise<TApplyProgress>;
  listCampaigns(): Promise<TListCampaignsResponse>;
  getCampaignEdition(id: string): Promise<TCampaignEdition>;
  createCampaign(request: TCreateCampaignRequest): Promise<TCampaignEdition>;
  updateCampaign(id: string, request: TUpdateCampaignRequest): Promise<TCampaignEdition>;
  exportCampaign(id: string, what: 'status' | 'log', format: 'xlsx' | 'csv'): Promise<TExportFile>;
}

const signup = (id: string) => `/api/signups/${encodeURIComponent(id)}`;
const campaign = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export function createWorkshopApi(client: ApiClient): WorkshopApi {
  return {
    getMe: () => client.get('/api/me'),
    getCampaign: () => client.get('/api/campaign'),
    listMunicipalities: () => client.get('/api/municipalities'),
    listSignups: (query = {}) => {
      const search = new URLSearchParams();
      if (query.status && query.status.length > 0) search.set('status', query.status.join(','));
      const qs = search.toString();
      return client.get(`/api/signups${qs ? `?${qs}` : ''}`);
    },
    getSignup: (id) => client.get(signup(id)),
    getSignupLog: (id) => client.get(`${signup(id)}/log`),
    registerSignup: (request) => client.post('/api/signups', request),
    getAvailability: (request) => client.post('/api/availability', request),
    proposeHolds: (id, request) => client.post(`${signup(id)}/propose`, request),
    syncAnswers: () => client.post('/api/sync'),
    confirmSlot: (id, request) => client.post(`${signup(id)}/confirm`, request),
    cancelSignup: (id, reason) => client.post(`${signup(id)}/cancel`, { reason }),
    planCampaign: (request) => client.post('/api/planning/plan', request),
    applyPlan: (request) => client.post('/api/planning/apply', request),
    getApplyProgress: (request) => client.post('/api/planning/apply/progress', request),
    listCampaigns: () => client.get('/api/campaigns'),
    getCampaignEdition: (id) => client.get(campaign(id)),
    createCampaign: (request) => client.post('/api/campaigns', request),
    updateCampaign: (id, request) => client.put(campaign(id), request),
    exportCampaign: (id, what, format) =>
      client.get(`${campaign(id)}/export/${what}?format=${format}`),
  };
}
