// Offline check of the add-in only (XML) manifest. `office-addin-manifest validate` sends XML to an
// online Microsoft service, so the package step checks here what breaks sideloading most often:
// well-formedness, the base elements in schema order, resource ids, URLs and the command surfaces.
// Element rules: OfficeDev/office-js-docs-reference docs/manifest/*.md (officeapp.md,
// versionoverrides-1-0-mail.md, versionoverrides-1-1-mail.md, resources.md, control-*.md).
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
  readonly text: string;
}

type TPreserved = Record<string, unknown>;

function toNode(entry: TPreserved): XmlNode | undefined {
  const name = Object.keys(entry).find((key) => key !== ':@');
  if (name === undefined || name === '#text') return undefined;
  const rawChildren = (entry[name] ?? []) as TPreserved[];
  const children = rawChildren.map(toNode).filter((node): node is XmlNode => node !== undefined);
  const text = rawChildren
    .map((child) => (typeof child['#text'] === 'string' ? child['#text'] : ''))
    .join('');
  return {
    name,
    attrs: (entry[':@'] ?? {}) as Record<string, string>,
    children,
    text: text.trim(),
  };
}

export type TParsedXml = { ok: true; root: XmlNode } | { ok: false; problem: string };

export function parseXml(xml: string): TParsedXml {
  const validation = XMLValidator.validate(xml);
  if (validation !== true) {
    const { msg, line } = validation.err;
    return { ok: false, problem: `XML is niet goed gevormd (regel ${line}): ${msg}` };
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
  });
  // preserveOrder yields [{ tag: children[], ':@': attributes }]; toNode narrows it.
  const roots = (parser.parse(xml) as TPreserved[]).map(toNode).filter((n) => n !== undefined);
  const root = roots[0];
  return root && roots.length === 1
    ? { ok: true, root }
    : { ok: false, problem: 'XML heeft geen enkel hoofdelement' };
}

export const childrenNamed = (node: XmlNode, name: string): XmlNode[] =>
  node.children.filter((child) => child.name === name);
export const childNamed = (node: XmlNode, name: string): XmlNode | undefined =>
  node.children.find((child) => child.name === name);

/** Every descendant; with `isScoped`, not into nested VersionOverrides (their own resources). */
function walk(node: XmlNode, visit: (node: XmlNode) => void, isScoped: boolean): void {
  for (const child of node.children) {
    visit(child);
    if (!isScoped || child.name !== 'VersionOverrides') walk(child, visit, isScoped);
  }
}

// Order of OfficeApp's children in a MailApp: the OfficeApp sequence, then the MailApp extension
// (docs/overview/schemas/mail/OfficeAppManifestV1_1.xsd in OfficeDev/office-js-docs-pr). Office
// refuses a manifest with an element out of order. All but the two optional ones are required here.
const BASE_ORDER = [
  'Id',
  'AlternateId',
  'Version',
  'ProviderName',
  'DefaultLocale',
  'DisplayName',
  'Description',
  'IconUrl',
  'HighResolutionIconUrl',
  'SupportUrl',
  'AppDomains',
  'Hosts',
  'Requirements',
  'FormSettings',
  'Permissions',
  'Rule',
  'DisableEntityHighlighting',
  'VersionOverrides',
];
const OPTIONAL_BASE = new Set(['AlternateId', 'DisableEntityHighlighting']);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VO_NAMESPACES: Record<string, string> = {
  VersionOverridesV1_0: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  VersionOverridesV1_1: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
};

type TResourceKind = 'image' | 'url' | 'short' | 'long';
interface Resource {
  readonly kind: TResourceKind;
  readonly value: string;
  readonly english: string | undefined;
}
const RESOURCE_GROUPS: Record<string, [TResourceKind, string]> = {
  'bt:Images': ['image', 'bt:Image'],
  'bt:Urls': ['url', 'bt:Url'],
  'bt:ShortStrings': ['short', 'bt:String'],
  'bt:LongStrings': ['long', 'bt:String'],
};
/** Which resource kind a `resid` may point at, by the referring element (resources.md). */
const RESID_KIND: Record<string, TResourceKind> = {
  'bt:Image': 'image',
  SourceLocation: 'url',
  FunctionFile: 'url',
  Label: 'short',
  Title: 'short',
  Description: 'long',
};
const STRING_LIMITS: Partial<Record<TResourceKind, number>> = { short: 125, long: 250 };

export const SURFACE_CONTEXTS = {
  MessageReadCommandSurface: 'mailRead',
  AppointmentAttendeeCommandSurface: 'meetingDetailsAttendee',
  AppointmentOrganizerCommandSurface: 'meetingDetailsOrganizer',
} as const;

/** One ribbon button as both manifests describe it, to compare them. */
export interface AddinSurface {
  readonly context: string;
  readonly label: string;
  readonly labelEnglish: string | undefined;
  readonly pageUrl: string;
  readonly iconUrls: Readonly<Record<string, string>>;
}

export interface OutlookManifestModel {
  readonly id: string;
  readonly version: string;
  readonly permission: string;
  readonly mailboxMinVersion: string | undefined;
  readonly clientId: string | undefined;
  readonly resource: string | undefined;
  /** <SupportsSharedFolders>true in VersionOverrides 1.1: shared and delegated mailboxes. */
  readonly supportsSharedFolders: boolean;
  readonly surfaces: readonly AddinSurface[];
}

export interface OutlookCheck {
  readonly problems: readonly string[];
  readonly model: OutlookManifestModel | undefined;
}

function readResources(scope: XmlNode, where: string, problems: string[]): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  const container = childNamed(scope, 'Resources');
  if (!container) problems.push(`${where}: Resources ontbreekt`);
  for (const group of container?.children ?? []) {
    const [kind, element] = RESOURCE_GROUPS[group.name] ?? [];
    if (!kind || !element) continue;
    for (const item of childrenNamed(group, element)) {
      const id = item.attrs.id ?? '';
      const value = item.attrs.DefaultValue ?? '';
      if (resources.has(id)) problems.push(`${where}: resource-id ${id} staat er twee keer`);
      const english = item.children.find(
        (o) => o.name === 'bt:Override' && o.attrs.Locale === 'en-US',
      );
      resources.set(id, { kind, value, english: english?.attrs.Value });
      const limit = STRING_LIMITS[kind];
      if (limit !== undefined && value.length > limit) {
        problems.push(`${where}: ${id} is langer dan ${limit} tekens`);
      }
      if ((kind === 'short' || kind === 'long') && !english) {
        problems.push(`${where}: ${id} heeft geen en-US-vertaling`);
      }
    }
  }
  return resources;
}

function checkScope(
  scope: XmlNode,
  where: string,
  publicUrl: string,
  problems: string[],
): AddinSurface[] {
  const resources = readResources(scope, where, problems);
  const resolve = (node: XmlNode | undefined, kind: TResourceKind): Resource | undefined => {
    const resource = resources.get(node?.attrs.resid ?? '');
    return resource?.kind === kind ? resource : undefined;
  };
  walk(
    scope,
    (node) => {
      const resid = node.attrs.resid;
      if (resid === undefined) return;
      const kind = RESID_KIND[node.name];
      const resource = resources.get(resid);
      if (resid.length > 32) problems.push(`${where}: resid ${resid} is langer dan 32 tekens`);
      if (!resource) problems.push(`${where}: resid ${resid} (${node.name}) is niet gedefinieerd`);
      else if (kind !== resource.kind) {
        problems.push(
          `${where}: resid ${resid} (${node.name}) wijst naar het verkeerde soort resource`,
        );
      }
    },
    true,
  );
  for (const [id, { kind, value }] of resources) {
    if ((kind === 'image' || kind === 'url') && !value.startsWith(`${publicUrl}/`)) {
      problems.push(`${where}: ${id} (${value}) staat niet onder PUBLIC_URL ${publicUrl}`);
    }
  }
  const surfaces: AddinSurface[] = [];
  const host = childNamed(scope, 'Hosts')?.children.find((h) => h.attrs['xsi:type'] === 'MailHost');
  const desktop = host && childNamed(host, 'DesktopFormFactor');
  for (const [type, context] of Object.entries(SURFACE_CONTEXTS)) {
    const point = desktop?.children.find(
      (p) => p.name === 'ExtensionPoint' && p.attrs['xsi:type'] === type,
    );
    const control =
      point &&
      childNamed(point, 'OfficeTab')?.children.flatMap((g) => childrenNamed(g, 'Control'))[0];
    const label = control && resolve(childNamed(control, 'Label'), 'short');
    const action = control && childNamed(control, 'Action');
    const page = action && resolve(childNamed(action, 'SourceLocation'), 'url');
    if (!label || !page || action?.attrs['xsi:type'] !== 'ShowTaskpane') {
      problems.push(`${where}: ${type} heeft geen knop die een taakvenster opent`);
      continue;
    }
    const images = childNamed(control, 'Icon')?.children ?? [];
    const iconUrls = Object.fromEntries(
      images.map((image) => [image.attrs.size ?? '?', resolve(image, 'image')?.value ?? '']),
    );
    surfaces.push({
      context,
      label: label.value,
      labelEnglish: label.english,
      pageUrl: page.value,
      iconUrls,
    });
  }
  return surfaces;
}

function checkBase(root: XmlNode, publicUrl: string, problems: string[]): void {
  if (root.name !== 'OfficeApp' || root.attrs['xsi:type'] !== 'MailApp') {
    problems.push('hoofdelement moet <OfficeApp xsi:type="MailApp"> zijn');
  }
  let last = -1;
  for (const child of root.children) {
    const index = BASE_ORDER.indexOf(child.name);
    if (index < 0) problems.push(`onbekend element <${child.name}> in OfficeApp`);
    else if (index <= last) {
      problems.push(`<${child.name}> staat niet op zijn plaats (schemavolgorde)`);
    }
    last = Math.max(last, index);
  }
  for (const name of BASE_ORDER) {
    if (!OPTIONAL_BASE.has(name) && !childNamed(root, name)) problems.push(`<${name}> ontbreekt`);
  }
  const text = (name: string): string => childNamed(root, name)?.text ?? '';
  if (!GUID.test(text('Id'))) problems.push(`<Id> is geen GUID (${text('Id')})`);
  if (!/^\d{1,5}(\.\d{1,5}){0,3}$/.test(text('Version'))) {
    problems.push(`<Version> ${text('Version')} is ongeldig`);
  }
  if (text('DefaultLocale') !== 'nl-NL') problems.push('<DefaultLocale> moet nl-NL zijn');
  for (const name of ['DisplayName', 'Description']) {
    const node = childNamed(root, name);
    if (!node?.attrs.DefaultValue) problems.push(`<${name}> heeft geen DefaultValue`);
    if (!node?.children.some((o) => o.name === 'Override' && o.attrs.Locale === 'en-US')) {
      problems.push(`<${name}> heeft geen <Override Locale="en-US">`);
    }
  }
  const urls = ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].map(
    (name) => childNamed(root, name)?.attrs.DefaultValue,
  );
  const form = childNamed(root, 'FormSettings')?.children ?? [];
  const sources = form
    .flatMap((f) => f.children)
    .flatMap((s) => childrenNamed(s, 'SourceLocation'));
  for (const url of [...urls, ...sources.map((s) => s.attrs.DefaultValue)]) {
    if (!url?.startsWith(`${publicUrl}/`)) {
      problems.push(`URL ${url ?? '(leeg)'} staat niet onder PUBLIC_URL ${publicUrl}`);
    }
  }
  if (sources.length === 0) problems.push('<FormSettings> heeft geen SourceLocation');
  if (!childNamed(root, 'Rule')?.attrs['xsi:type']) problems.push('<Rule> heeft geen xsi:type');
}

/**
 * <SupportsSharedFolders> (shared folders from Mailbox 1.8, shared mailboxes from 1.13): valid
 * only in VersionOverrides 1.1, as the first child of DesktopFormFactor; other form factors do
 * not support it (supportssharedfolders.md, outlook/delegate-access.md). Returns whether it is on.
 */
function checkSharedFolders(scopes: readonly XmlNode[], problems: string[]): boolean {
  let isOn = false;
  for (const scope of scopes) {
    const type = scope.attrs['xsi:type'] ?? '?';
    const host = childNamed(scope, 'Hosts')?.children.find(
      (h) => h.attrs['xsi:type'] === 'MailHost',
    );
    for (const formFactor of host?.children ?? []) {
      const index = formFactor.children.findIndex((c) => c.name === 'SupportsSharedFolders');
      if (index < 0) continue;
      const element = formFactor.children[index]!;
      if (type !== 'VersionOverridesV1_1' || formFactor.name !== 'DesktopFormFactor') {
        problems.push(
          `SupportsSharedFolders mag alleen in DesktopFormFactor van VersionOverridesV1_1 (staat in ${formFactor.name} van ${type})`,
        );
      } else if (index !== 0) {
        problems.push('SupportsSharedFolders moet het eerste element van DesktopFormFactor zijn');
      } else if (element.text !== 'true' && element.text !== 'false') {
        problems.push(`SupportsSharedFolders moet true of false zijn (${element.text})`);
      } else {
        isOn = element.text === 'true';
      }
    }
  }
  return isOn;
}

/** Checks the rendered XML manifest against PUBLIC_URL; returns Dutch problems and a model. */
export function checkOutlookManifest(xml: string, publicUrl: string): OutlookCheck {
  const parsed = parseXml(xml);
  if (!parsed.ok) return { problems: [parsed.problem], model: undefined };
  const root = parsed.root;
  const problems: string[] = [];
  checkBase(root, publicUrl, problems);
  const scopes: XmlNode[] = [];
  for (let vo = childNamed(root, 'VersionOverrides'); vo; vo = childNamed(vo, 'VersionOverrides')) {
    scopes.push(vo);
  }
  const byScope = scopes.map((scope) => {
    const type = scope.attrs['xsi:type'] ?? '?';
    if (VO_NAMESPACES[type] !== scope.attrs.xmlns) {
      problems.push(`${type} heeft een verkeerde xmlns`);
    }
    return checkScope(scope, type, publicUrl, problems);
  });
  const surfaces = byScope[0] ?? [];
  if (byScope.some((s) => JSON.stringify(s) !== JSON.stringify(surfaces))) {
    problems.push('VersionOverrides 1.0 en 1.1 beschrijven verschillende knoppen');
  }
  const inner = scopes.at(-1);
  const mobile = inner?.children
    .find((h) => h.name === 'Hosts')
    ?.children[0]?.children.find((f) => f.name === 'MobileFormFactor');
  if (scopes.length > 1 && !mobile) {
    problems.push('VersionOverridesV1_1 heeft geen MobileFormFactor');
  }
  const ids: string[] = [];
  walk(
    root,
    (node) => {
      if ((node.name === 'Control' || node.name === 'Group') && node.attrs.id) {
        ids.push(node.attrs.id);
      }
    },
    false,
  );
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) {
    problems.push(`id ${id} komt meer dan eens voor`);
  }
  const supportsSharedFolders = checkSharedFolders(scopes, problems);
  const webApp = inner && childNamed(inner, 'WebApplicationInfo');
  if (!webApp || !GUID.test(childNamed(webApp, 'Id')?.text ?? '')) {
    problems.push('WebApplicationInfo met een GUID-Id ontbreekt');
  }
  const sets =
    childNamed(root, 'Requirements')?.children.flatMap((s) => childrenNamed(s, 'Set')) ?? [];
  return {
    problems,
    model: {
      id: childNamed(root, 'Id')?.text ?? '',
      version: childNamed(root, 'Version')?.text ?? '',
      permission: childNamed(root, 'Permissions')?.text ?? '',
      mailboxMinVersion: sets.find((s) => s.attrs.Name === 'Mailbox')?.attrs.MinVersion,
      clientId: webApp && childNamed(webApp, 'Id')?.text,
      resource: webApp && childNamed(webApp, 'Resource')?.text,
      supportsSharedFolders,
      surfaces,
    },
  };
}
