// Who is in the sandbox: two organisations (the RIEC tenant and Berenschot's own tenant), the
// people who plan and give the workshops, and the Workshopplanner app registration.
// Ids are fixed so that documentation, tests and a reset sandbox agree.

export const RIEC_TENANT = {
  id: '5f0c8a2e-3d41-4b6f-9a27-1c8e4d2b7a90',
  domain: 'riec.nl',
  displayName: 'RIEC (sandbox)',
} as const;

export const BERENSCHOT_TENANT = {
  id: '9b3e71d4-6a25-4c8f-b0e2-7d54a1c93f68',
  domain: 'berenschot.nl',
  displayName: 'Berenschot (sandbox)',
} as const;

export const PRODUCT_APP = {
  clientId: '2c7d5e9a-41b8-4f63-8e0d-6a9b3c1f5e27',
  /** A sandbox-only value, documented in .env.sample; a real tenant uses its own secret. */
  clientSecret: 'sandbox-client-secret-not-for-production',
  servicePrincipalId: 'd41e6b8c-2f7a-4c95-a3e0-8b1d5f2c9e64',
  displayName: 'Workshopplanner',
} as const;

// App roles of the Workshopplanner registration. An account holder's role names their RIEC, so
// the API knows whose municipalities they may plan from the token alone.
export const APP_ROLES = [
  {
    id: '1b8f3c2a-7e45-4d91-a6c0-3f2e8d7b5a14',
    value: 'Workshop.AccountHolder.NoordHolland',
    displayName: 'Accounthouder RIEC Noord-Holland',
    description: 'Plant workshops voor de gemeenten van RIEC Noord-Holland.',
    allowedMemberTypes: ['User'],
  },
  {
    id: '3e5a7c9b-2d41-4f68-8b0e-6c1d3f5a7b92',
    value: 'Workshop.AccountHolder.AmsterdamAmstelland',
    displayName: 'Accounthouder RIEC Amsterdam-Amstelland',
    description: 'Plant workshops voor de gemeenten van RIEC Amsterdam-Amstelland.',
    allowedMemberTypes: ['User'],
  },
  {
    id: '5a7c9e1d-4f63-4b8a-9d2c-8e3f5b7d9a14',
    value: 'Workshop.AccountHolder.MiddenNederland',
    displayName: 'Accounthouder RIEC Midden-Nederland',
    description:
      'Plant workshops voor de gemeenten van RIEC Midden-Nederland (Gooi en Vechtstreek).',
    allowedMemberTypes: ['User'],
  },
  {
    id: '6c2e9a4d-3b18-4f70-8e5a-1d9c7b2f4e83',
    value: 'Workshop.Trainer',
    displayName: 'Trainer',
    description: 'Ziet de eigen opties en workshops.',
    allowedMemberTypes: ['User'],
  },
  {
    id: 'a93d5f1e-8c27-4b6a-9e04-2f7c1b8d6a35',
    value: 'Workshop.Coordinator',
    displayName: 'Coördinator provincie',
    description: 'Ziet alle RIECs en plant provinciebreed.',
    allowedMemberTypes: ['User'],
  },
  {
    id: 'e4b7c2f9-1a63-4d8e-b5f0-9c3a6d2e7b18',
    value: 'Workshop.Admin',
    displayName: 'Beheerder',
    description: 'Richt de SharePoint-lijsten in.',
    allowedMemberTypes: ['User'],
  },
] as const;

export type RoleValue = (typeof APP_ROLES)[number]['value'];

export interface SeedPerson {
  id: string;
  tenant: 'riec' | 'berenschot';
  upn: string;
  givenName: string;
  surname: string;
  jobTitle: string;
  department: string;
  officeLocation: string;
  phone: string;
  roles: RoleValue[];
}

function person(
  id: string,
  tenant: SeedPerson['tenant'],
  name: [string, string],
  local: string,
  jobTitle: string,
  department: string,
  officeLocation: string,
  phone: string,
  roles: RoleValue[],
): SeedPerson {
  const domain = tenant === 'riec' ? RIEC_TENANT.domain : BERENSCHOT_TENANT.domain;
  return {
    id,
    tenant,
    upn: `${local}@${domain}`,
    givenName: name[0],
    surname: name[1],
    jobTitle,
    department,
    officeLocation,
    phone,
    roles,
  };
}

export const PEOPLE: readonly SeedPerson[] = [
  // Account holders, one per RIEC: they plan the workshops of their municipalities.
  person(
    '0a6f2b9e-5c31-4e87-9d42-7b1e3c8a6f05',
    'riec',
    ['Sanne', 'de Vries'],
    'sanne.devries',
    'Accounthouder gemeenten',
    'RIEC Noord-Holland',
    'Haarlem',
    '+31 23 555 0101',
    ['Workshop.AccountHolder.NoordHolland'],
  ),
  person(
    '1b7e3c0f-6d42-4f98-8e53-8c2f4d9b7e16',
    'riec',
    ['Mohamed', 'El Idrissi'],
    'mohamed.elidrissi',
    'Accounthouder gemeenten',
    'RIEC Amsterdam-Amstelland',
    'Amsterdam',
    '+31 20 555 0102',
    ['Workshop.AccountHolder.AmsterdamAmstelland'],
  ),
  person(
    '2c8f4d1a-7e53-4a09-9f64-9d3a5e0c8f27',
    'riec',
    ['Anouk', 'Jansen'],
    'anouk.jansen',
    'Accounthouder gemeenten',
    'RIEC Midden-Nederland',
    'Utrecht',
    '+31 30 555 0103',
    ['Workshop.AccountHolder.MiddenNederland'],
  ),
  // The province's coordinator and the administrator.
  person(
    '3d9a5e2b-8f64-4b1a-8a75-0e4b6f1d9a38',
    'riec',
    ['Pieter', 'Bakker'],
    'pieter.bakker',
    'Coördinator weerbaarheid, Provincie Noord-Holland',
    'Provincie Noord-Holland',
    'Haarlem',
    '+31 23 555 0104',
    ['Workshop.Coordinator'],
  ),
  person(
    '4e0b6f3c-9a75-4c2b-9b86-1f5c7a2e0b49',
    'riec',
    ['Beheer', 'Workshopplanner'],
    'beheer',
    'Functioneel beheer',
    'Informatievoorziening',
    'Haarlem',
    '+31 23 555 0105',
    ['Workshop.Admin'],
  ),
  // RIEC advisors: one of the two trainers of every workshop.
  person(
    '5f1c7a4d-0b86-4d3c-8c97-2a6d8b3f1c50',
    'riec',
    ['Fatima', 'Amrani'],
    'fatima.amrani',
    'Adviseur bestuurlijke aanpak',
    'RIEC Noord-Holland',
    'Haarlem',
    '+31 23 555 0111',
    ['Workshop.Trainer'],
  ),
  person(
    '6a2d8b5e-1c97-4e4d-9da8-3b7e9c4a2d61',
    'riec',
    ['Jeroen', 'Visser'],
    'jeroen.visser',
    'Adviseur bestuurlijke aanpak',
    'RIEC Noord-Holland',
    'Alkmaar',
    '+31 72 555 0112',
    ['Workshop.Trainer'],
  ),
  person(
    '7b3e9c6f-2da8-4f5e-8eb9-4c8f0d5b3e72',
    'riec',
    ['Daan', 'Meijer'],
    'daan.meijer',
    'Senior adviseur ondermijning',
    'RIEC Noord-Holland',
    'Zaandam',
    '+31 75 555 0113',
    ['Workshop.Trainer'],
  ),
  person(
    '8c4f0d7a-3eb9-4a6f-9fca-5d9a1e6c4f83',
    'riec',
    ['Lotte', 'Mulder'],
    'lotte.mulder',
    'Adviseur bestuurlijke aanpak',
    'RIEC Amsterdam-Amstelland',
    'Amsterdam',
    '+31 20 555 0114',
    ['Workshop.Trainer'],
  ),
  person(
    '9d5a1e8b-4fca-4b7a-8adb-6e0b2f7d5a94',
    'riec',
    ['Kees', 'de Boer'],
    'kees.deboer',
    'Senior adviseur integriteit',
    'RIEC Amsterdam-Amstelland',
    'Amstelveen',
    '+31 20 555 0115',
    ['Workshop.Trainer'],
  ),
  person(
    'ae6b2f9c-5adb-4c8b-9bec-7f1c3a8e6ba5',
    'riec',
    ['Eva', 'Smit'],
    'eva.smit',
    'Adviseur bestuurlijke aanpak',
    'RIEC Midden-Nederland',
    'Hilversum',
    '+31 35 555 0116',
    ['Workshop.Trainer'],
  ),
  person(
    'bf7c3a0d-6bec-4d9c-8cfd-8a2d4b9f7cb6',
    'riec',
    ['Yara', 'Hoekstra'],
    'yara.hoekstra',
    'Adviseur weerbaarheid',
    'RIEC Midden-Nederland',
    'Bussum',
    '+31 35 555 0117',
    ['Workshop.Trainer'],
  ),
  // Berenschot advisors: the other trainer; their calendars live in Berenschot's own tenant.
  person(
    'c08d4b1e-7cfd-4ead-9d0e-9b3e5c0a8dc7',
    'berenschot',
    ['Marieke', 'van Dijk'],
    'marieke.vandijk',
    'Senior adviseur openbaar bestuur',
    'Berenschot Openbaar Bestuur',
    'Utrecht',
    '+31 30 291 6001',
    ['Workshop.Trainer'],
  ),
  person(
    'd19e5c2f-8d0e-4fbe-8e1f-0c4f6d1b9ed8',
    'berenschot',
    ['Thomas', 'Kok'],
    'thomas.kok',
    'Adviseur integriteit',
    'Berenschot Openbaar Bestuur',
    'Utrecht',
    '+31 30 291 6002',
    ['Workshop.Trainer'],
  ),
  person(
    'e2af6d3a-9e1f-4acf-9f2a-1d5a7e2c0fe9',
    'berenschot',
    ['Ilse', 'Verhoeven'],
    'ilse.verhoeven',
    'Senior adviseur weerbaarheid',
    'Berenschot Openbaar Bestuur',
    'Amsterdam',
    '+31 20 291 6003',
    ['Workshop.Trainer'],
  ),
  person(
    'f3ba7e4b-af2a-4bd0-8a3b-2e6b8f3d1afa',
    'berenschot',
    ['Ruben', 'Dekker'],
    'ruben.dekker',
    'Adviseur bestuurlijke integriteit',
    'Berenschot Openbaar Bestuur',
    'Utrecht',
    '+31 30 291 6004',
    ['Workshop.Trainer'],
  ),
  person(
    '04cb8f5c-b03b-4ce1-9b4c-3f7c9a4e2b0b',
    'berenschot',
    ['Noor', 'Willems'],
    'noor.willems',
    'Adviseur openbaar bestuur',
    'Berenschot Openbaar Bestuur',
    'Amsterdam',
    '+31 20 291 6005',
    ['Workshop.Trainer'],
  ),
  person(
    '15dc9a6d-c14c-4df2-8c5d-4a8d0b5f3c1c',
    'berenschot',
    ['Bas', 'van Leeuwen'],
    'bas.vanleeuwen',
    'Senior adviseur veiligheid',
    'Berenschot Openbaar Bestuur',
    'Utrecht',
    '+31 30 291 6006',
    ['Workshop.Trainer'],
  ),
];

/**
 * The product app's Graph permissions, as the README asks a tenant's administrator to consent
 * them. Application: the server writes the SharePoint lists and the organizers' calendars with
 * its own identity, on one site only (Sites.Selected plus a `write` grant on the site, which
 * `npm run provision` creates). Delegated: what is the signed-in user's own (their free/busy
 * view, their calendar, mail in their name) and no Sites permission at all, so a user's token
 * can never reach the lists (docs/security.md, "SharePoint and Graph identities").
 */
export const GRAPH_APPLICATION_PERMISSIONS = [
  'Calendars.ReadWrite',
  'Mail.Send',
  'Mail.ReadBasic.All',
  'Sites.Selected',
  // Teams activity feed notifications to the account holders (issue 13, item 5).
  'TeamsActivity.Send',
];
export const GRAPH_DELEGATED_PERMISSIONS = [
  'User.Read',
  'Calendars.ReadWrite',
  'Mail.Send',
  'offline_access',
  'openid',
  'profile',
];

/**
 * The administrator's provisioning app: `npm run provision` signs in with it (client
 * credentials) to create the lists and to grant the product app `write` on the site. Creating a
 * site permission needs Sites.FullControl.All (api/site-post-permissions.md); only the
 * administrator holds its secret, the server never does.
 */
export const PROVISIONING_APP = {
  clientId: '8f2b6d4a-1c93-4e75-b0a8-5d3e7f9c1b26',
  /** A sandbox-only value, documented in .env.sample (PROVISION_CLIENT_SECRET). */
  clientSecret: 'sandbox-provisioning-secret-not-for-production',
  servicePrincipalId: 'a7c3e1f5-4b29-4d86-9e0a-6f1b8d2c4e73',
  displayName: 'Workshopplanner inrichting',
  applicationPermissions: ['Sites.FullControl.All'],
  delegatedPermissions: [] as string[],
} as const;

/**
 * Graph Explorer, a public client every user of a tenant can sign in to with their own account
 * (its real client id). Its delegated token carries broad Sites scopes, but SharePoint still
 * applies the user's own rights on the site: the way an account holder would try to reach the
 * lists around the product (issue 10, finding 3).
 */
export const GRAPH_EXPLORER_APP = {
  clientId: 'de8bc8b5-d9f9-48b1-a8ad-b748da725064',
  servicePrincipalId: 'c5e9a3d1-7f42-4b68-8d0c-2a6e4b9f1d37',
  displayName: 'Graph Explorer',
  applicationPermissions: [] as string[],
  delegatedPermissions: [
    'User.Read',
    'User.ReadBasic.All',
    'Calendars.ReadWrite',
    'Calendars.Read.Shared',
    'Mail.Read',
    'Mail.Send',
    'Sites.Read.All',
    'Sites.ReadWrite.All',
    'Sites.Manage.All',
    'Sites.FullControl.All',
    'offline_access',
    'openid',
    'profile',
  ],
} as const;

/**
 * A confidential app with broad application permissions, for scripts and tests that inspect the
 * sandbox's mailboxes, calendars and sites from outside the product (src/testing.ts
 * `appToken`). The product never uses it.
 */
export const SANDBOX_TOOLS_APP = {
  clientId: '3b9d7f1e-5a26-4c84-a1e3-8d0f6b2c7a95',
  clientSecret: 'sandbox-tools-secret-not-for-production',
  servicePrincipalId: 'e1f7b3c9-2d58-4a06-8b4e-9c3a5d7f0e21',
  displayName: 'Sandbox-hulpmiddelen',
  applicationPermissions: [
    'Calendars.ReadWrite',
    'Mail.Read',
    'Mail.Send',
    'Sites.FullControl.All',
    'User.Read.All',
  ],
  delegatedPermissions: [] as string[],
} as const;

/**
 * Who administers the RIEC root site: the site collection administrator, which the sandbox
 * also takes as the SharePoint Administrator that delegated permission management requires.
 * Nobody else has a right on the site: account holders need none (the server writes the lists
 * with its own identity).
 */
export const SITE_ADMINISTRATORS: readonly string[] = ['beheer@riec.nl'];
