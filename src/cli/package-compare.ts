// Do the unified manifest (appPackage/) and the add-in only XML manifest (manifest/) describe the
// same Outlook add-in? Same ids relation, version, sign-in app, mailbox requirement, permissions
// (shared mailboxes included) and
// the same buttons opening the same task panes with the same icons and labels (nl and en).
import type { AddinSurface, OutlookManifestModel } from './package-outlook-xml.js';
import type { TUnifiedManifest } from './package-check.js';

/** The add-in only manifest's permission names beside the unified manifest's (understanding-outlook-add-in-permissions.md). */
const PERMISSION_NAMES: Record<string, string> = {
  Restricted: 'MailboxItem.Restricted.User',
  ReadItem: 'MailboxItem.Read.User',
  ReadWriteItem: 'MailboxItem.ReadWrite.User',
  ReadWriteMailbox: 'Mailbox.ReadWrite.User',
};

/**
 * The unified manifest's counterpart of <SupportsSharedFolders>true: shared folders (delegate
 * access) and shared mailboxes (office-js-docs-pr docs/outlook/delegate-access.md).
 */
export const SHARED_FOLDER_PERMISSION = 'Mailbox.SharedFolder';

export function describeUnifiedSurfaces(
  manifest: TUnifiedManifest,
  english: Record<string, unknown>,
): AddinSurface[] {
  const [extension] = manifest.extensions;
  const surfaces: AddinSurface[] = [];
  extension?.ribbons.forEach((ribbon, r) =>
    ribbon.tabs.forEach((tab, t) =>
      tab.groups.forEach((group, g) =>
        group.controls.forEach((control, c) => {
          const runtime = extension.runtimes.find((rt) =>
            rt.actions.some((a) => a.id === control.actionId),
          );
          const key = `extensions[0].ribbons[${r}].tabs[${t}].groups[${g}].controls[${c}].label`;
          const labelEnglish = typeof english[key] === 'string' ? english[key] : undefined;
          const iconUrls = Object.fromEntries(
            control.icons.map((icon) => [String(icon.size), icon.url]),
          );
          for (const context of ribbon.contexts) {
            surfaces.push({
              context,
              label: control.label,
              labelEnglish,
              pageUrl: runtime?.code.page ?? '',
              iconUrls,
            });
          }
        }),
      ),
    ),
  );
  return surfaces;
}

/** Do the unified and the XML manifest describe the same add-in (ids, version, SSO, buttons)? */
export function compareManifests(
  manifest: TUnifiedManifest,
  english: Record<string, unknown>,
  outlook: OutlookManifestModel,
): string[] {
  const [extension] = manifest.extensions;
  const hidden = extension?.alternates.map((a) => a.hide.customOfficeAddin.officeAddinId) ?? [];
  const mailbox = extension?.requirements.capabilities.find((c) => c.name === 'Mailbox');
  const permissions = manifest.authorization.permissions.resourceSpecific.map((p) => p.name);
  const checks: [isSame: boolean, problem: string][] = [
    [
      hidden.includes(outlook.id),
      `de Id van het XML-manifest (${outlook.id}) staat niet in alternates.hide`,
    ],
    [
      outlook.id.toLowerCase() !== manifest.id.toLowerCase(),
      'XML-manifest en manifest.json hebben dezelfde id',
    ],
    [
      outlook.version === manifest.version,
      `versies verschillen (${outlook.version} / ${manifest.version})`,
    ],
    [
      outlook.clientId === manifest.webApplicationInfo.id,
      'WebApplicationInfo Id wijkt af van webApplicationInfo.id',
    ],
    [
      outlook.resource === manifest.webApplicationInfo.resource,
      'WebApplicationInfo Resource wijkt af van webApplicationInfo.resource',
    ],
    [
      outlook.mailboxMinVersion === mailbox?.minVersion,
      `Mailbox-versies verschillen (${outlook.mailboxMinVersion ?? '-'} / ${mailbox?.minVersion ?? '-'})`,
    ],
    [
      permissions.includes(PERMISSION_NAMES[outlook.permission] ?? '?'),
      `rechten verschillen (${outlook.permission} / ${permissions.join(', ')})`,
    ],
    [
      outlook.supportsSharedFolders === permissions.includes(SHARED_FOLDER_PERMISSION),
      `gedeelde postvakken: SupportsSharedFolders is ${String(outlook.supportsSharedFolders)} maar ${SHARED_FOLDER_PERMISSION} ${permissions.includes(SHARED_FOLDER_PERMISSION) ? 'staat' : 'staat niet'} in authorization.permissions.resourceSpecific`,
    ],
  ];
  const problems = checks.filter(([isSame]) => !isSame).map(([, problem]) => problem);
  const unified = describeUnifiedSurfaces(manifest, english);
  const contexts = new Set([...outlook.surfaces, ...unified].map((surface) => surface.context));
  for (const context of contexts) {
    const xml = outlook.surfaces.find((surface) => surface.context === context);
    const json = unified.find((surface) => surface.context === context);
    if (!xml || !json) {
      problems.push(`de knop voor ${context} staat maar in één van de twee manifesten`);
      continue;
    }
    for (const field of ['label', 'labelEnglish', 'pageUrl'] as const) {
      if (xml[field] !== json[field]) {
        problems.push(
          `${context}: ${field} verschilt (${xml[field] ?? '-'} / ${json[field] ?? '-'})`,
        );
      }
    }
    const icons = (surface: AddinSurface): string =>
      JSON.stringify(Object.entries(surface.iconUrls).sort());
    if (icons(xml) !== icons(json)) problems.push(`${context}: de pictogrammen verschillen`);
  }
  return problems;
}
