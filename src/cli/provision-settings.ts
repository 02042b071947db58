// Settings of `npm run provision` besides the product's own (readEnv in src/server/env.ts): the
// administrator's provisioning app. Creating lists and site permissions needs
// Sites.FullControl.All (api/site-post-permissions.md), which the product app must not have; so
// provisioning signs in as an app of its own, whose secret only the administrator holds. The
// defaults are the sandbox's provisioning app, so `npm start` needs no .env.
import { z } from 'zod';

/** The sandbox's provisioning app registration ("Workshopplanner inrichting"). */
const SANDBOX_PROVISIONING_CLIENT_ID = '8f2b6d4a-1c93-4e75-b0a8-5d3e7f9c1b26';

export const ZProvisionEnv = z.object({
  PROVISION_CLIENT_ID: z.uuid().default(SANDBOX_PROVISIONING_CLIENT_ID),
  PROVISION_CLIENT_SECRET: z
    .string()
    .min(1)
    .default('sandbox-provisioning-secret-not-for-production'),
});

export interface ProvisionSettings {
  readonly clientId: string;
  readonly clientSecret: string;
}

export function readProvisionSettings(source: NodeJS.ProcessEnv = process.env): ProvisionSettings {
  const parsed = ZProvisionEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Ongeldige instellingen (zie .env.sample):\n${lines.join('\n')}`);
  }
  return {
    clientId: parsed.data.PROVISION_CLIENT_ID,
    clientSecret: parsed.data.PROVISION_CLIENT_SECRET,
  };
}
