// Is this page inside Outlook? office.js comes from Microsoft's CDN (addin.html), so it may be
// missing altogether (no network, a plain browser tab, the tests): `typeof Office` first. Outside
// an Office host Office.onReady answers with host null; a page framed by something else may not
// answer at all, hence the timeout.
export type Surface = 'mail' | 'appointment';
export type ItemKind = 'message' | 'appointment';

export interface OfficeInfo {
  /** e.g. "nl-NL", "en-US" */
  readonly displayLanguage: string | undefined;
  /** Outlook's own theme is dark (body background). */
  readonly isDark: boolean;
  /** Nested app authentication (NestedAppAuth 1.1): Outlook gets the token for us. */
  readonly isNaaSupported: boolean;
  /** Office's dialog API, for the sign-in fallback. */
  readonly hasDialogApi: boolean;
  readonly itemKind: ItemKind | undefined;
  /** The mailbox owner's address: a login hint for the sign-in. */
  readonly userEmail: string | undefined;
}

export const OFFICE_READY_TIMEOUT_MS = 5000;

export function hasOfficeJs(): boolean {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function';
}

function channel(hex: string, at: number, size: number): number {
  const part = hex.slice(at, at + size);
  return parseInt(size === 1 ? part + part : part, 16);
}

/** Outlook reports its theme as colours; a dark body means the dark Fluent theme. */
export function isDarkColour(colour: string | undefined): boolean {
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour?.trim() ?? '')?.[1];
  if (!hex) return false;
  const size = hex.length === 3 ? 1 : 2;
  const [r, g, b] = [0, 1, 2].map((i) => channel(hex, i * size, size));
  // Perceived brightness (ITU-R BT.601): below the middle is a dark background.
  return (0.299 * (r ?? 0) + 0.587 * (g ?? 0) + 0.114 * (b ?? 0)) / 255 < 0.5;
}

function itemKindOf(itemType: unknown): ItemKind | undefined {
  // Office.MailboxEnums.ItemType: "message" | "appointment".
  return itemType === 'message' || itemType === 'appointment' ? itemType : undefined;
}

function isSetSupported(name: string, version: string): boolean {
  try {
    return Office.context.requirements?.isSetSupported(name, version) === true;
  } catch (error) {
    // Older hosts lack the requirements API: treat the set as missing.
    console.info(`requirement set ${name} ${version} not checkable`, error);
    return false;
  }
}

function readInfo(): OfficeInfo {
  const context = Office.context;
  const mailbox = context.mailbox as Office.Mailbox | undefined;
  return {
    displayLanguage: context.displayLanguage || undefined,
    isDark: isDarkColour(context.officeTheme?.bodyBackgroundColor),
    isNaaSupported: isSetSupported('NestedAppAuth', '1.1'),
    hasDialogApi: typeof context.ui?.displayDialogAsync === 'function',
    itemKind: itemKindOf(mailbox?.item?.itemType),
    userEmail: mailbox?.userProfile?.emailAddress || undefined,
  };
}

/** Office is ready inside Outlook: what the add-in needs to know; undefined anywhere else. */
export async function connectOffice(
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<OfficeInfo | undefined> {
  if (!hasOfficeJs()) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), timeoutMs);
  });
  try {
    const ready = await Promise.race([Office.onReady(), timeout]);
    if (!ready || ready.host !== Office.HostType.Outlook) return undefined;
    return readInfo();
  } finally {
    clearTimeout(timer);
  }
}

/** The surface the ribbon button asked for (?surface=…), else the kind of the open item. */
export function surfaceOf(search: string, itemKind: ItemKind | undefined): Surface {
  const asked = new URLSearchParams(search).get('surface');
  if (asked === 'mail' || asked === 'appointment') return asked;
  return itemKind === 'appointment' ? 'appointment' : 'mail';
}
