// A Graph client acting as the app itself (client credentials): for background jobs, provisioning
// and the benchmark. Delegated clients are made per request by the server (on-behalf-of).
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ConfidentialClientApplication } from '@azure/msal-node';
import { createGraphClient, RequestCounter } from './client.js';
import { appTokenProvider, createConfidentialClient, type IdentitySettings } from './tokens.js';

export interface AppClientSettings extends IdentitySettings {
  readonly graphBaseUrl: string;
}

export interface AppClient {
  readonly client: Client;
  readonly counter: RequestCounter;
  readonly msal: ConfidentialClientApplication;
}

export function createAppClient(settings: AppClientSettings): AppClient {
  const msal = createConfidentialClient(settings);
  const counter = new RequestCounter();
  const client = createGraphClient({
    baseUrl: settings.graphBaseUrl,
    tokens: appTokenProvider(msal),
    counter,
  });
  return { client, counter, msal };
}
