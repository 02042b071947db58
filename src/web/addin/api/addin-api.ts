// The API as the add-in uses it: the common operations plus extractSlots, which only the add-in
// calls (POST /api/extract-slots reads a sign-up mail; it stores nothing).
import type { ApiClient } from '../../common/api/api-client.js';
import { createWorkshopApi, type WorkshopApi } from '../../common/api/workshop-api.js';
import type { TExtractSlotsRequest, TExtractSlotsResponse } from '../../common/api/api-types.js';

export type { TExtractSlotsRequest, TExtractSlotsResponse };
export type TExtractedSlot = TExtractSlotsResponse['slots'][number];

export interface AddinApi extends WorkshopApi {
  extractSlots(request: TExtractSlotsRequest): Promise<TExtractSlotsResponse>;
}

export function createAddinApi(client: ApiClient): AddinApi {
  return {
    ...createWorkshopApi(client),
    extractSlots: (request) => client.post('/api/extract-slots', request),
  };
}
