// The product app reaches the site only through Sites.Selected: a site permission that grants it
// the `write` role (read and write list items; not manage lists, not manage permissions). This
// creates that permission, or sets an existing one to exactly `write`, and reads it back
// (api/site-list-permissions.md, site-post-permissions.md, site-update-permission.md). Managing
// site permissions needs Sites.FullControl.All: the administrator's provisioning identity.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { toGraphFailure } from '../client/errors.js';
import { readAllPages } from './read-pages.js';

/** The role the product app needs on the site, and no more. */
export const PRODUCT_SITE_ROLE = 'write';

export interface ProductApp {
  /** The product's client id (CLIENT_ID). */
  readonly id: string;
  readonly displayName: string;
}

export type SiteGrantOutcome =
  | { readonly kind: 'created' }
  | { readonly kind: 'changed'; readonly from: readonly string[] }
  | { readonly kind: 'unchanged' };

const ZIdentity = z.looseObject({
  application: z.looseObject({ id: z.string() }).nullish(),
});
const ZPermission = z.looseObject({
  id: z.string(),
  roles: z.array(z.string()).default([]),
  grantedToIdentitiesV2: z.array(ZIdentity).nullish(),
  grantedToIdentities: z.array(ZIdentity).nullish(),
  grantedToV2: ZIdentity.nullish(),
  grantedTo: ZIdentity.nullish(),
});
type TPermission = z.infer<typeof ZPermission>;

function isFor(permission: TPermission, appId: string): boolean {
  const identities = [
    ...(permission.grantedToIdentitiesV2 ?? []),
    ...(permission.grantedToIdentities ?? []),
    ...(permission.grantedToV2 ? [permission.grantedToV2] : []),
    ...(permission.grantedTo ? [permission.grantedTo] : []),
  ];
  return identities.some(
    (identity) => identity.application?.id.toLowerCase() === appId.toLowerCase(),
  );
}

export class SiteGrantFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SiteGrantFailed';
  }
}

async function findGrant(client: Client, site: string, appId: string) {
  const permissions = await readAllPages(client, `/sites/${site}/permissions`, ZPermission);
  return permissions.find((permission) => isFor(permission, appId));
}

/** Makes the product app's permission on the site exactly `write`, and checks that it is. */
export async function ensureSiteGrant(
  client: Client,
  site: string,
  app: ProductApp,
): Promise<SiteGrantOutcome> {
  const existing = await findGrant(client, site, app.id);
  let outcome: SiteGrantOutcome;
  try {
    if (!existing) {
      await client.api(`/sites/${site}/permissions`).post({
        roles: [PRODUCT_SITE_ROLE],
        grantedToIdentities: [{ application: { id: app.id, displayName: app.displayName } }],
      });
      outcome = { kind: 'created' };
    } else if (existing.roles.length !== 1 || existing.roles[0] !== PRODUCT_SITE_ROLE) {
      await client
        .api(`/sites/${site}/permissions/${encodeURIComponent(existing.id)}`)
        .patch({ roles: [PRODUCT_SITE_ROLE] });
      outcome = { kind: 'changed', from: existing.roles };
    } else {
      outcome = { kind: 'unchanged' };
    }
  } catch (error) {
    throw toGraphFailure(error);
  }
  const after = await findGrant(client, site, app.id);
  if (after?.roles.length !== 1 || after.roles[0] !== PRODUCT_SITE_ROLE) {
    throw new SiteGrantFailed(
      `de app ${app.displayName} (${app.id}) heeft na het toekennen de rechten [${after?.roles.join(', ') ?? 'geen'}] op de site, verwacht [${PRODUCT_SITE_ROLE}]`,
    );
  }
  return outcome;
}
