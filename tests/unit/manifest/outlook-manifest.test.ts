// The add-in only (XML) manifest, checked offline (the validator's XML check needs Microsoft's
// online service): the committed file is the sandbox rendering, it is well-formed with every
// required element, its URLs are under PUBLIC_URL, every resid is defined, and it describes the
// same add-in as the unified manifest. Each broken variant shows the check can fail.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseUnifiedManifest } from '../../../src/cli/package-check.js';
import { compareManifests } from '../../../src/cli/package-compare.js';
import {
  checkOutlookManifest,
  childNamed,
  parseXml,
  type XmlNode,
} from '../../../src/cli/package-outlook-xml.js';
import { OUTLOOK_COMMITTED, renderManifests } from '../../../src/cli/package-render.js';
import { readDefaultPackageSettings, REPO_ROOT } from '../../../src/cli/package-settings.js';

const PUBLIC_URL = 'https://localhost:3000';
const xml = readFileSync(`${REPO_ROOT}${OUTLOOK_COMMITTED}`, 'utf8');
const english = JSON.parse(readFileSync(`${REPO_ROOT}appPackage/en.json`, 'utf8')) as Record<
  string,
  unknown
>;
const settings = readDefaultPackageSettings();

function root(): XmlNode {
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.root;
}

function descendants(node: XmlNode): XmlNode[] {
  return node.children.flatMap((child) => [child, ...descendants(child)]);
}

function unifiedManifest() {
  const parsed = parseUnifiedManifest(renderManifests(settings).unified);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.manifest;
}

const problemsOf = (text: string): readonly string[] =>
  checkOutlookManifest(text, PUBLIC_URL).problems;

describe('manifest/workshopplanner-outlook.xml', () => {
  it('is the sandbox-default rendering of its template', () => {
    expect(xml).toBe(renderManifests(settings).outlook);
    expect(xml).not.toMatch(/\{\{/);
  });

  it('is a well-formed MailApp with every required element', () => {
    const officeApp = root();
    expect([officeApp.name, officeApp.attrs['xsi:type']]).toEqual(['OfficeApp', 'MailApp']);
    const required = [
      'Id',
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
      'VersionOverrides',
    ];
    expect(officeApp.children.map((child) => child.name)).toEqual(required);
    expect(childNamed(officeApp, 'Id')?.text).toBe(settings.outlookAddinId);
    expect(childNamed(officeApp, 'DefaultLocale')?.text).toBe('nl-NL');
    expect(childNamed(officeApp, 'Permissions')?.text).toBe('ReadItem');
    const sets = descendants(childNamed(officeApp, 'Requirements')!);
    expect(sets.map((set) => set.attrs)).toEqual([{}, { Name: 'Mailbox', MinVersion: '1.3' }]);
    expect(childNamed(officeApp, 'DisplayName')?.children[0]?.attrs).toEqual({
      Locale: 'en-US',
      Value: 'Workshop planner for Outlook',
    });
  });

  it('keeps every bt:Url, bt:Image and SourceLocation under PUBLIC_URL', () => {
    const urls = descendants(root())
      .filter((node) => ['bt:Url', 'bt:Image', 'SourceLocation', 'IconUrl'].includes(node.name))
      .map((node) => node.attrs.DefaultValue)
      .filter((url) => url !== undefined);
    expect(urls.length).toBeGreaterThan(20);
    for (const url of urls) expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
  });

  it('defines every resid it references, in the same VersionOverrides', () => {
    for (const scope of descendants(root()).filter((node) => node.name === 'VersionOverrides')) {
      const own = (node: XmlNode): XmlNode[] =>
        node.children.flatMap((child) =>
          child.name === 'VersionOverrides' ? [] : [child, ...own(child)],
        );
      const nodes = own(scope);
      const defined = new Set(nodes.filter((n) => n.attrs.id).map((n) => n.attrs.id));
      const referenced = nodes.map((n) => n.attrs.resid).filter((id) => id !== undefined);
      expect(referenced.length).toBeGreaterThan(10);
      expect(referenced.filter((id) => !defined.has(id))).toEqual([]);
    }
  });

  it('passes the package check and describes the three command surfaces', () => {
    const { problems, model } = checkOutlookManifest(xml, PUBLIC_URL);
    expect(problems).toEqual([]);
    expect(model?.surfaces.map((s) => [s.context, s.label, s.labelEnglish, s.pageUrl])).toEqual([
      [
        'mailRead',
        'Aanmelding verwerken',
        'Process sign-up',
        `${PUBLIC_URL}/addin.html?surface=mail`,
      ],
      [
        'meetingDetailsAttendee',
        'Workshopoptie',
        'Workshop option',
        `${PUBLIC_URL}/addin.html?surface=appointment`,
      ],
      [
        'meetingDetailsOrganizer',
        'Workshopoptie',
        'Workshop option',
        `${PUBLIC_URL}/addin.html?surface=appointment`,
      ],
    ]);
    expect(model).toMatchObject({
      clientId: settings.clientId,
      resource: `api://localhost:3000/${settings.clientId}`,
    });
  });

  it('offers the add-in in shared and delegated mailboxes, where Outlook allows it', () => {
    // Sign-up mails may arrive in a shared RIEC mailbox. <SupportsSharedFolders> exists only in
    // VersionOverrides 1.1, first in DesktopFormFactor; mobile does not support it.
    const inner = childNamed(childNamed(root(), 'VersionOverrides')!, 'VersionOverrides')!;
    const formFactors = childNamed(childNamed(inner, 'Hosts')!, 'Host')!.children;
    const desktop = formFactors.find((f) => f.name === 'DesktopFormFactor')!;
    expect([desktop.children[0]?.name, desktop.children[0]?.text]).toEqual([
      'SupportsSharedFolders',
      'true',
    ]);
    const mobile = formFactors.find((f) => f.name === 'MobileFormFactor')!;
    expect(childNamed(mobile, 'SupportsSharedFolders')).toBeUndefined();
    const outer = childNamed(root(), 'VersionOverrides')!;
    expect(descendants(outer).filter((n) => n.name === 'SupportsSharedFolders')).toHaveLength(1);
    expect(checkOutlookManifest(xml, PUBLIC_URL).model?.supportsSharedFolders).toBe(true);
  });

  it.each([
    ['a tag left open', (x: string) => x.replace('</Hosts>', ''), 'niet goed gevormd'],
    [
      'a missing element',
      (x: string) => x.replace(/<DefaultLocale>.*<\/DefaultLocale>/, ''),
      '<DefaultLocale> ontbreekt',
    ],
    [
      'elements out of order',
      (x: string) =>
        x
          .replace('<Permissions>ReadItem</Permissions>', '')
          .replace(
            '<Rule xsi:type="RuleCollection"',
            '<Permissions>ReadItem</Permissions><Rule xsi:type="RuleCollection"',
          )
          .replace(/(<SupportUrl[^>]*>)/, '$1<Permissions>ReadItem</Permissions>'),
      'niet op zijn plaats',
    ],
    [
      'an undefined resid',
      (x: string) => x.replace('resid="Signup.Tooltip"', 'resid="Signup.Hint"'),
      'resid Signup.Hint (Description) is niet gedefinieerd',
    ],
    [
      'a resid of the wrong kind',
      (x: string) => x.replace('<Label resid="Group.Label" />', '<Label resid="Addin.Url" />'),
      'verkeerde soort resource',
    ],
    [
      'a URL on another host',
      (x: string) =>
        x.replace(`${PUBLIC_URL}/assets/icon-80.png`, 'https://cdn.example.com/icon-80.png'),
      'staat niet onder PUBLIC_URL',
    ],
    [
      'a string without English',
      (x: string) => x.replace(/<bt:Override Locale="en-US" Value="Workshop option" \/>/g, ''),
      'Option.Label heeft geen en-US-vertaling',
    ],
    [
      'a duplicate control id',
      (x: string) => x.replace('id="Wp.V10.AttendeeOption"', 'id="Wp.V10.ProcessSignup"'),
      'id Wp.V10.ProcessSignup komt meer dan eens voor',
    ],
    [
      'a surface without its button',
      (x: string) =>
        x.replace(
          'xsi:type="AppointmentOrganizerCommandSurface"',
          'xsi:type="AppointmentOrganizerCommandSurfaceX"',
        ),
      'AppointmentOrganizerCommandSurface heeft geen knop',
    ],
    [
      'shared folders in VersionOverrides 1.0',
      (x: string) =>
        x.replace(
          /(<Host xsi:type="MailHost">\s*<DesktopFormFactor>)/,
          '$1<SupportsSharedFolders>true</SupportsSharedFolders>',
        ),
      'SupportsSharedFolders mag alleen in DesktopFormFactor van VersionOverridesV1_1',
    ],
    [
      'shared folders after the function file',
      (x: string) =>
        x
          .replace('<SupportsSharedFolders>true</SupportsSharedFolders>', '')
          .replace(
            /(<FunctionFile resid="Addin.Url" \/>)(\s*<ExtensionPoint xsi:type="MessageReadCommandSurface">\s*<OfficeTab id="TabDefault">\s*<Group id="Wp.V11)/,
            '$1<SupportsSharedFolders>true</SupportsSharedFolders>$2',
          ),
      'SupportsSharedFolders moet het eerste element van DesktopFormFactor zijn',
    ],
    [
      'no sign-in information',
      (x: string) => x.replace(/\n\s+<WebApplicationInfo>[\s\S]*?<\/WebApplicationInfo>/, ''),
      'WebApplicationInfo',
    ],
  ])('rejects %s', (_what, mutate, expected) => {
    const broken = mutate(xml);
    expect(broken).not.toBe(xml);
    expect(problemsOf(broken)).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });
});

describe('the XML and the unified manifest', () => {
  const model = checkOutlookManifest(xml, PUBLIC_URL).model!;

  it('describe the same add-in: ids relation, version, sign-in, buttons and icons', () => {
    expect(compareManifests(unifiedManifest(), english, model)).toEqual([]);
  });

  it('disagree as soon as a label, a task pane, an icon or the id link differs', () => {
    const manifest = unifiedManifest();
    const relabelled = {
      ...model,
      surfaces: model.surfaces.map((s) => ({ ...s, label: s.label.toUpperCase() })),
    };
    expect(compareManifests(manifest, english, relabelled)).toEqual([
      'mailRead: label verschilt (AANMELDING VERWERKEN / Aanmelding verwerken)',
      'meetingDetailsAttendee: label verschilt (WORKSHOPOPTIE / Workshopoptie)',
      'meetingDetailsOrganizer: label verschilt (WORKSHOPOPTIE / Workshopoptie)',
    ]);
    const [extension] = manifest.extensions;
    const moved = {
      ...manifest,
      extensions: [
        {
          ...extension!,
          runtimes: extension!.runtimes.map((r) => ({
            ...r,
            code: { page: `${r.code.page}&v=2` },
          })),
        },
      ],
    };
    expect(compareManifests(moved, english, model)).toHaveLength(3);
    const noIcons = { ...model, surfaces: model.surfaces.map((s) => ({ ...s, iconUrls: {} })) };
    expect(compareManifests(manifest, english, noIcons)).toContain(
      'mailRead: de pictogrammen verschillen',
    );
    expect(compareManifests(manifest, english, { ...model, id: settings.teamsAppId })).toEqual([
      `de Id van het XML-manifest (${settings.teamsAppId}) staat niet in alternates.hide`,
      'XML-manifest en manifest.json hebben dezelfde id',
    ]);
    expect(compareManifests(manifest, {}, model)).toHaveLength(3);
  });

  it('disagree when only one of them offers the add-in in shared mailboxes', () => {
    const manifest = unifiedManifest();
    expect(manifest.authorization.permissions.resourceSpecific).toEqual(
      expect.arrayContaining([{ name: 'Mailbox.SharedFolder', type: 'Delegated' }]),
    );
    expect(compareManifests(manifest, english, { ...model, supportsSharedFolders: false })).toEqual(
      [expect.stringContaining('gedeelde postvakken: SupportsSharedFolders is false')],
    );
    const withoutShared = {
      ...manifest,
      authorization: {
        permissions: {
          resourceSpecific: manifest.authorization.permissions.resourceSpecific.filter(
            (p) => p.name !== 'Mailbox.SharedFolder',
          ),
        },
      },
    };
    expect(compareManifests(withoutShared, english, model)).toEqual([
      expect.stringContaining('Mailbox.SharedFolder staat niet in'),
    ]);
  });
});
