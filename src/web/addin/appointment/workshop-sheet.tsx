// The workshop sheet in the pane (issue 14, item 4): on the confirmed workshop's meeting, the two
// trainers (and the RIEC's account holder) see date, place, the pair, contact, the scan and its
// themes, and the groups as cards with each person's party and coalition or opposition — read-only:
// moving people and making groups happens in the tab's page "Voorbereiding", which is linked. The
// .xlsx of the groups can be downloaded here. The API refuses anyone else ("not found"): the pane
// then says in plain words who may see the sheet, never a blank pane. Nothing of the list is kept
// outside the query cache of this pane (AVG art. 9: a party is a political opinion).
import { Button, Link, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { TAttendeeView, TWorkshopSheet } from '../../../contract/index.js';
import { ApiProblem } from '../../common/api/api-errors.js';
import { Loading } from '../../common/components/loading.js';
import { sheetFacts } from '../../common/format/sheet-facts.js';
import { ProblemMessage } from '../../common/components/problem-message.js';
import { currentLanguage } from '../../common/i18n/i18n.js';
import { queryKeys } from '../../common/services/query-keys.js';
import { saveFile } from '../../common/services/save-file.js';
import { useQuery } from '../../common/services/use-query.js';
import type { AddinApi } from '../api/addin-api.js';
import { useAddinT, type AddinT } from '../i18n/addin-i18n.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';

/** The tab's page "Voorbereiding" of a sign-up (tab/routing/routes.ts). */
export function preparationUrl(signupId: string, origin: string = window.location.origin): string {
  return `${origin}/#/signups/${encodeURIComponent(signupId)}/preparation`;
}

/** The API's "not found" / "forbidden": this person may not see this workshop's sheet. */
function isRefusal(error: unknown): boolean {
  return (
    error instanceof ApiProblem &&
    (error.status === 403 || error.status === 404 || error.code === 'FORBIDDEN')
  );
}

/** "Wilhelmina Zonnebloem — Partij Zilvermeeuw, coalitie": party and side as words. */
function describePerson(person: TAttendeeView, t: TFunction, at: AddinT): string {
  const party = person.party ?? at('sheet.noParty');
  return at('sheet.person', { name: person.name, party, side: t(`prep.${person.side}`) });
}

function SheetFacts({ sheet }: { sheet: TWorkshopSheet }) {
  const { t, i18n } = useTranslation();
  const styles = useAddinStyles();
  const language = currentLanguage(i18n);
  const facts = sheetFacts(sheet, t, language);
  return (
    <dl className={styles.plainList}>
      {facts.map(([term, detail]) => (
        <div key={term}>
          <dt>
            <Text weight="semibold">{term}</Text>
          </dt>
          <dd style={{ margin: 0 }}>
            <Text>{detail}</Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function SheetGroups({ sheet }: { sheet: TWorkshopSheet }) {
  const { t } = useTranslation();
  const at = useAddinT();
  const styles = useAddinStyles();
  const attendees = sheet.attendees ?? [];
  const groups = sheet.groups;
  const byId = new Map(attendees.map((person) => [person.id, person]));

  if (attendees.length === 0) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{at('sheet.noAttendees')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (!groups) {
    return (
      <>
        <Text>{at('sheet.noGroups', { count: attendees.length })}</Text>
        <ul className={styles.list} aria-label={t('prep.attendees')}>
          {attendees.map((person) => (
            <li key={person.id}>{describePerson(person, t, at)}</li>
          ))}
        </ul>
      </>
    );
  }
  return (
    <>
      <Text>
        {t('prep.score', {
          deviation: groups.score.deviation.toFixed(1),
          bound: groups.score.lowerBound.toFixed(1),
        })}
      </Text>
      {!groups.score.rulesHold && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('prep.rulesBroken')}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.plainList} aria-label={t('prep.groups')}>
        {groups.groups.map((group) => (
          <li
            key={group.number}
            className={styles.card}
            aria-labelledby={`sheet-group-${group.number}`}
          >
            <Text as="h5" id={`sheet-group-${group.number}`} className={styles.sectionHeading}>
              {t('prep.group', { number: group.number })}
            </Text>
            <Text size={200} className={styles.muted}>
              {t('prep.groupScore', {
                coalitie: group.score.coalitie,
                oppositie: group.score.oppositie,
                ideal: group.score.idealCoalitie.toFixed(1),
              })}
            </Text>
            <ul className={styles.list}>
              {group.members.map((id) => {
                const person = byId.get(id);
                return person ? <li key={id}>{describePerson(person, t, at)}</li> : null;
              })}
            </ul>
          </li>
        ))}
      </ul>
      {groups.outside.length > 0 && (
        <Text>
          {t('prep.outside')}: {groups.outside.map((id) => byId.get(id)?.name ?? id).join(', ')}
        </Text>
      )}
    </>
  );
}

export function WorkshopSheet({ api, signupId }: { api: AddinApi; signupId: string }) {
  const { t } = useTranslation();
  const at = useAddinT();
  const styles = useAddinStyles();
  const load = useCallback(() => api.getWorkshopSheet(signupId), [api, signupId]);
  const query = useQuery(queryKeys.workshopSheet(signupId), load);
  const [downloadError, setDownloadError] = useState<unknown>(undefined);
  const [isDownloading, setIsDownloading] = useState(false);
  const sheet = query.data;

  const download = async () => {
    setIsDownloading(true);
    setDownloadError(undefined);
    try {
      saveFile(await api.getGroupsWorkbook(signupId));
    } catch (error) {
      setDownloadError(error);
    } finally {
      setIsDownloading(false);
    }
  };

  let content;
  if (query.error !== undefined) {
    content = isRefusal(query.error) ? (
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>{at('sheet.refused')}</MessageBarBody>
      </MessageBar>
    ) : (
      <ProblemMessage error={query.error} onRetry={query.reload} />
    );
  } else if (!sheet) {
    content = <Loading label={t('prep.loading')} />;
  } else {
    content = (
      <>
        <SheetFacts sheet={sheet} />
        <Text as="h4" className={styles.sectionHeading}>
          {t('prep.groups')}
        </Text>
        <SheetGroups sheet={sheet} />
        {sheet.groups && (
          <div className={styles.row}>
            <Button disabled={isDownloading} onClick={() => void download()}>
              {t('prep.download')}
            </Button>
          </div>
        )}
        {downloadError !== undefined && (
          <ProblemMessage error={downloadError} action={t('prep.download')} />
        )}
        <Text size={200} className={styles.muted}>
          {at('sheet.readOnly')}
        </Text>
        <Text as="p">
          <Link href={preparationUrl(signupId)} target="_blank" rel="noreferrer">
            {at('sheet.openTab')}
          </Link>
        </Text>
      </>
    );
  }

  return (
    <section className={styles.section} aria-labelledby="sheet-title">
      <Text as="h3" id="sheet-title" className={styles.sectionHeading}>
        {t('prep.sheet')}
      </Text>
      {content}
    </section>
  );
}
