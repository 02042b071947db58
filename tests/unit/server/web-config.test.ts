import { describe, expect, it } from '@jest/globals';
import { readEnv } from '../../../src/server/env.js';
import { toWebConfig } from '../../../src/server/web-config.js';

const RIEC = '5f0c8a2e-3d41-4b6f-9a27-1c8e4d2b7a90';
const BERENSCHOT = '9b3e71d4-6a25-4c8f-b0e2-7d54a1c93f68';

describe('the web app’s public sign-in settings', () => {
  it('use the organizations authority when users of another tenant may sign in', () => {
    const config = toWebConfig(
      readEnv({
        AUTHORITY_HOST: 'https://login.microsoftonline.com',
        PUBLIC_URL: 'https://workshops.example.nl',
        ALLOWED_TENANT_IDS: `${RIEC},${BERENSCHOT}`,
      }),
    );
    expect(config.authority).toEqual({
      issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
      authorizationEndpoint:
        'https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize',
      tokenEndpoint: 'https://login.microsoftonline.com/organizations/oauth2/v2.0/token',
      endSessionEndpoint: 'https://login.microsoftonline.com/organizations/oauth2/v2.0/logout',
      msalAuthority: 'https://login.microsoftonline.com/organizations',
    });
    // The tenant of the product itself stays what it is.
    expect(config.tenantId).toBe(RIEC);
  });

  it('keep the tenant’s own authority when only its users sign in', () => {
    const config = toWebConfig(
      readEnv({ AUTHORITY_HOST: 'https://login.microsoftonline.com', ALLOWED_TENANT_IDS: RIEC }),
    );
    expect(config.authority.msalAuthority).toBe(`https://login.microsoftonline.com/${RIEC}`);
    expect(config.authority.issuer).toBe(`https://login.microsoftonline.com/${RIEC}/v2.0`);
  });

  it('send a browser to the sandbox’s plain-HTTP side while tokens keep the https issuer', () => {
    const config = toWebConfig(readEnv({ ALLOWED_TENANT_IDS: RIEC }));
    expect(config.authority.issuer).toBe(`https://localhost:5443/${RIEC}/v2.0`);
    expect(config.authority.authorizationEndpoint).toBe(
      `http://localhost:5443/${RIEC}/oauth2/v2.0/authorize`,
    );
    expect(config.apiScope).toBe(
      'api://localhost:3000/2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27/access_as_user',
    );
  });

  it('use Entra ID as it is for a real tenant', () => {
    const config = toWebConfig(
      readEnv({
        AUTHORITY_HOST: 'https://login.microsoftonline.com',
        PUBLIC_URL: 'https://workshops.example.nl',
      }),
    );
    expect(config.authority.tokenEndpoint).toMatch(
      /^https:\/\/login\.microsoftonline\.com\/.+\/oauth2\/v2\.0\/token$/,
    );
  });

  it('follow WEB_AUTHORITY_HOST when it is set', () => {
    const config = toWebConfig(readEnv({ WEB_AUTHORITY_HOST: 'https://signin.example.nl' }));
    expect(config.authority.authorizationEndpoint.startsWith('https://signin.example.nl/')).toBe(
      true,
    );
  });
});
