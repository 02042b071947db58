// The Entra app registration as aad.manifest.json holds it, in the shape Microsoft Graph documents
// for the application resource (the format the Entra admin center's manifest editor and the
// Microsoft 365 Agents Toolkit's aadApp/update use since the Azure AD Graph format was retired).
// No JSON schema of it ships in an npm package, so the documented shape is encoded here
// (microsoftgraph/microsoft-graph-docs-contrib, api-reference/v1.0/resources/):
//   application.md (identifierUris, signInAudience and its four values, api, appRoles, info,
//   optionalClaims, requiredResourceAccess, spa, web, publicClient), apiapplication.md
//   (requestedAccessTokenVersion 1 or 2), permissionscope.md (type User | Admin),
//   preauthorizedapplication.md, approle.md (allowedMemberTypes User | Application; value: no
//   spaces, not starting with '.', at most 120 characters), requiredresourceaccess.md,
//   resourceaccess.md (type Scope | Role), informationalurl.md, optionalclaims.md,
//   optionalclaim.md, spaapplication.md, webapplication.md, implicitgrantsettings.md,
//   publicclientapplication.md; and the redirect URI rules of the identity platform
//   (entra/identity-platform/reply-url.md: at most 256 characters, https unless localhost).
// Objects are strict: a property of the retired Azure AD Graph format (oauth2Permissions,
// replyUrlsWithType, accessTokenAcceptedVersion, …) is an error here, not silently ignored.
import { z } from 'zod';

// Any 8-4-4-4-12 hex GUID: Microsoft's own ids (00000003-0000-0000-c000-…) are not RFC 4122 UUIDs.
const ZGuid = z.guid();

/** appRole.value / permissionScope.value (approle.md, permissionscope.md). */
const ZClaimValue = z
  .string()
  .min(1)
  .max(120)
  .refine((value) => !/\s/.test(value) && !value.startsWith('.'), {
    message: 'no spaces and not starting with "."',
  });

const ZRedirectUri = z
  .string()
  .max(256)
  .refine((uri) => URL.canParse(uri), { message: 'not a URI' });

const ZSpaRedirectUri = ZRedirectUri.refine(
  (uri) => {
    const url = new URL(uri);
    // Nested app authentication's broker redirect (enable-nested-app-authentication-in-your-add-in.md).
    if (url.protocol === 'brk-multihub:') return url.pathname === '' || url.pathname === '/';
    return url.protocol === 'https:' || url.hostname === 'localhost';
  },
  { message: 'https (or http on localhost), or brk-multihub://<origin> without a path' },
);

export const ZPermissionScope = z.strictObject({
  id: ZGuid,
  value: ZClaimValue,
  type: z.enum(['User', 'Admin']),
  isEnabled: z.boolean(),
  adminConsentDisplayName: z.string().min(1),
  adminConsentDescription: z.string().min(1),
  userConsentDisplayName: z.string().min(1).optional(),
  userConsentDescription: z.string().min(1).optional(),
});

export const ZAppRole = z.strictObject({
  id: ZGuid,
  value: ZClaimValue,
  displayName: z.string().min(1),
  description: z.string().min(1),
  allowedMemberTypes: z.array(z.enum(['User', 'Application'])).min(1),
  isEnabled: z.boolean(),
});

const ZOptionalClaim = z.strictObject({
  name: z.string().min(1),
  source: z.string().nullable(),
  essential: z.boolean(),
  additionalProperties: z.array(z.string()),
});

export const ZEntraApplication = z.strictObject({
  /** The application object's id; read-only in Graph, the toolkit uses it to find the app. */
  id: ZGuid.optional(),
  appId: ZGuid,
  displayName: z.string().min(1).max(256),
  description: z.string().max(1024).optional(),
  identifierUris: z.array(z.string().startsWith('api://')).min(1),
  signInAudience: z.enum([
    'AzureADMyOrg',
    'AzureADMultipleOrgs',
    'AzureADandPersonalMicrosoftAccount',
    'PersonalMicrosoftAccount',
  ]),
  api: z.strictObject({
    requestedAccessTokenVersion: z.union([z.literal(1), z.literal(2)]).nullable(),
    oauth2PermissionScopes: z.array(ZPermissionScope),
    preAuthorizedApplications: z.array(
      z.strictObject({ appId: ZGuid, delegatedPermissionIds: z.array(ZGuid).min(1) }),
    ),
    knownClientApplications: z.array(ZGuid).optional(),
    acceptMappedClaims: z.boolean().nullable().optional(),
  }),
  appRoles: z.array(ZAppRole),
  info: z
    .strictObject({
      marketingUrl: z.url().optional(),
      privacyStatementUrl: z.url().optional(),
      supportUrl: z.url().optional(),
      termsOfServiceUrl: z.url().optional(),
    })
    .optional(),
  optionalClaims: z
    .strictObject({
      idToken: z.array(ZOptionalClaim),
      accessToken: z.array(ZOptionalClaim),
      saml2Token: z.array(ZOptionalClaim),
    })
    .optional(),
  requiredResourceAccess: z.array(
    z.strictObject({
      resourceAppId: ZGuid,
      resourceAccess: z.array(z.strictObject({ id: ZGuid, type: z.enum(['Scope', 'Role']) })),
    }),
  ),
  spa: z.strictObject({ redirectUris: z.array(ZSpaRedirectUri) }),
  web: z
    .strictObject({
      redirectUris: z.array(ZRedirectUri),
      homePageUrl: z.url().optional(),
      logoutUrl: z.url().optional(),
      implicitGrantSettings: z.strictObject({
        enableIdTokenIssuance: z.boolean(),
        enableAccessTokenIssuance: z.boolean(),
      }),
    })
    .optional(),
  publicClient: z.strictObject({ redirectUris: z.array(ZRedirectUri) }).optional(),
});

export type TEntraApplication = z.infer<typeof ZEntraApplication>;
