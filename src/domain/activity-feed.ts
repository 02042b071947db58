// Teams activity feed notifications to the account holder (issue 13, item 5): the activity
// types appPackage/manifest.template.json declares (the same names and template parameters),
// and the deep link into the tab that opens the sign-up (Teams deep link to a personal tab,
// subEntityId = the sign-up's id).

/** The Teams app id of the sandbox's app package (package-settings DEFAULT_TEAMS_APP_ID). */
export const DEFAULT_TEAMS_APP_ID = '7b3f2c1e-8d4a-4e6b-9f1a-2c5d8e7b4a63';

/** The static tab the deep links open (manifest staticTabs[0].entityId). */
export const TAB_ENTITY_ID = 'workshopplanner';

/** Activity type → the template parameters its templateText names (besides {actor}). */
export const ACTIVITY_TYPES = {
  optionAccepted: ['optionNumber', 'municipality'],
  holdsLapsing: ['municipality', 'lapseDate'],
  notSignedUp: ['municipality', 'days'],
} as const satisfies Record<string, readonly string[]>;

export type ActivityTypeName = keyof typeof ACTIVITY_TYPES;

/** One notification as the product sends it; the gateway turns it into Graph's request. */
export interface ActivityNotice {
  readonly activityType: ActivityTypeName;
  readonly parameters: Readonly<Record<string, string>>;
  /** The topic's text (Teams shows it as the location). */
  readonly topic: string;
  readonly previewText: string;
  /**
   * What the tab opens (subEntityId): a sign-up's id (its options page), or for a municipality
   * that has not signed up its CBS code (the sign-up form for it; issue 13, item 5).
   */
  readonly signupId: string;
}

/** `https://teams.microsoft.com/l/entity/<appId>/<entityId>?context={"subEntityId":…}` */
export function signupDeepLink(teamsAppId: string, signupId: string): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: signupId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(teamsAppId)}/${TAB_ENTITY_ID}?context=${context}`;
}
