// A second app registration in the sandbox's RIEC tenant that was consented only User.Read
// (delegated) and User.Read.All (application): its tokens carry no Sites permission. The
// sandbox's tokens list every consented scope of the app, as Entra's do, so asking the product
// app for `scope=User.Read` still yields its Sites scopes; a Sites-less token needs its own app.
import type { Sandbox } from '../../src/app.js';
import { RIEC_TENANT } from '../../src/testing.js';

export const RESTRICTED_APP = {
  clientId: '6e4b1f0a-93c2-4d7e-b85a-2f1c7d9e3a64',
  clientSecret: 'restricted-app-secret',
  displayName: 'Andere app zonder Sites-rechten',
} as const;

function registerRestrictedApp(sandbox: Sandbox): void {
  sandbox.ctx.db
    .prepare(
      `INSERT OR IGNORE INTO apps (client_id, tenant_id, service_principal_id, display_name,
        client_secret, graph_application_permissions, graph_delegated_permissions)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      RESTRICTED_APP.clientId,
      RIEC_TENANT.id,
      '8a2d6c4e-1f3b-4a59-9e7d-0c5b2a8f6d13',
      RESTRICTED_APP.displayName,
      RESTRICTED_APP.clientSecret,
      JSON.stringify(['User.Read.All']),
      JSON.stringify(['User.Read']),
    );
}

/** A Graph token of the restricted app: delegated for `upn`, or app-only without `upn`. */
export async function restrictedToken(sandbox: Sandbox, upn?: string): Promise<string> {
  registerRestrictedApp(sandbox);
  const form = new URLSearchParams({
    client_id: RESTRICTED_APP.clientId,
    client_secret: RESTRICTED_APP.clientSecret,
    ...(upn
      ? {
          grant_type: 'password',
          username: upn,
          password: sandbox.ctx.config.userPassword,
          scope: 'User.Read',
        }
      : { grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' }),
  });
  const response = await fetch(`${sandbox.urls.https}/${RIEC_TENANT.id}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token) {
    throw new Error(`token request failed: ${body.error_description ?? response.status}`);
  }
  return body.access_token;
}
