// The workshop sheet ("Voorbereiding", issue 14, item 4): on a confirmed workshop, for the RIEC's
// account holder and the two trainers. Date, place, pair, contact and scan; the attendee list
// pasted from Excel or uploaded (preview with the Dutch per-row messages before anything is
// stored); groups as cards with party and coalition/opposition, moved by keyboard (arrow keys),
// the score updating against the bound; "schud opnieuw"; print (A4) and .xlsx download.
// The pasted text stays in this page's state only, not in session storage: it holds parties of
// named people (AVG art. 9).
import {
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Textarea,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TAttendeePreview,
  type TAttendeeSource,
  type TAttendeeView,
} from '../../../../contract/index.js';
import { Loading } from '../../../common/components/loading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { saveFile } from '../../../common/services/save-file.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import type { SignupStepProps } from '../signup/signup-step.js';
import { PreviewTable, SheetFacts } from './sheet-parts.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  cards: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  members: { listStyleType: 'none', margin: 0, padding: 0 },
  member: {
    display: 'block',
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    border: 'none',
    background: 'none',
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  noPrint: { '@media print': { display: 'none' } },
  // One A4 page: the sheet and the cards only, in black on white.
  printable: {
    '@media print': {
      color: '#000',
      backgroundColor: '#fff',
      fontSize: '10pt',
    },
  },
});

// Printed, the page is the sheet alone: no header, menus, buttons or the sign-up's summary above
// it (all on one A4 page). A plain style element, there only while this page is: other pages print
// as before. (Fluent's makeStaticStyles dropped the rule with :has in Chromium.)
const PRINT_CSS = `@media print {
  header, nav, main .fui-Button, .fui-Toaster, main dl:not(#prep-sheet dl) {
    display: none !important;
  }
}`;

async function fileToBase64(file: File): Promise<string> {
  const buffer = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const byte of buffer) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export default function PreparationPage({ signup }: SignupStepProps) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const { api } = useAppServices();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const load = useCallback(() => api.getWorkshopSheet(signup.id), [api, signup.id]);
  const query = useQuery(queryKeys.workshopSheet(signup.id), load);
  const sheet = query.data;

  const [text, setText] = useState('');
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [preview, setPreview] = useState<TAttendeePreview | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [status, setStatus] = useState('');
  const [groupCount, setGroupCount] = useState('');
  const [outsideDefault, setOutsideDefault] = useState(true);
  const [busy, setBusy] = useState(false);

  const source = (): TAttendeeSource =>
    file
      ? { kind: 'file', fileName: file.name, contentBase64: file.base64 }
      : { kind: 'text', text };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const showPreview = () =>
    run(async () => setPreview(await api.previewAttendees(signup.id, source())));
  const save = () =>
    run(async () => {
      const saved = await api.saveAttendees(signup.id, source());
      query.setData(saved);
      setPreview(null);
      setStatus(t('prep.saved', { count: saved.attendees?.length ?? 0 }));
    });
  const make = (seed: number) =>
    run(async () => {
      const attendees = sheet?.attendees ?? [];
      const outside = outsideDefault
        ? attendees.filter((a) => a.role === 'burgemeester' || a.role === 'griffier')
        : [];
      const count = Number.parseInt(groupCount, 10);
      query.setData(
        await api.makeGroups(signup.id, {
          groups: Number.isInteger(count) && count > 0 ? { count } : { sizeMin: 5, sizeMax: 7 },
          seed,
          outside: outside.map((a) => a.id),
          apart: [],
        }),
      );
    });
  const move = (person: TAttendeeView, from: number, by: number) => {
    const groups = sheet?.groups;
    if (!groups) return;
    const to = from + by;
    if (to < 0 || to >= groups.groups.length) return;
    const next = groups.groups.map((g) => g.members.filter((id) => id !== person.id));
    next[to]!.push(person.id);
    void run(async () => {
      const saved = await api.saveGroups(signup.id, { groups: next, outside: groups.outside });
      query.setData(saved);
      setStatus(t('prep.moved', { name: person.name, number: to + 1 }));
      requestAnimationFrame(() => document.getElementById(`member-${person.id}`)?.focus());
    });
  };

  if (!sheet) {
    return query.error !== undefined ? (
      <ProblemMessage error={query.error} onRetry={query.reload} />
    ) : (
      <Loading label={t('prep.loading')} />
    );
  }
  const byId = new Map((sheet.attendees ?? []).map((a) => [a.id, a]));

  return (
    <section
      id="prep-sheet"
      aria-labelledby="prep-heading"
      className={`${styles.page} ${styles.printable}`}
    >
      <style>{PRINT_CSS}</style>
      <Title3 as="h3" id="prep-heading">
        {t('prep.sheet')}
      </Title3>
      <SheetFacts sheet={sheet} language={language} />
      <div role="status" aria-live="polite">
        {status}
      </div>
      {error !== undefined && <ProblemMessage error={error} />}

      <section aria-labelledby="attendees-heading" className={styles.noPrint}>
        <Title3 as="h4" id="attendees-heading">
          {t('prep.attendees')}
        </Title3>
        <p>{t('prep.attendeesIntro')}</p>
        <p>
          {sheet.attendees
            ? t('prep.saved', { count: sheet.attendees.length })
            : t('prep.noAttendees')}
        </p>
        <Field label={t('prep.paste')}>
          <Textarea
            value={text}
            resize="vertical"
            rows={6}
            onChange={(_, data) => {
              setText(data.value);
              setFile(null);
              // A preview of another list is no longer what would be saved.
              setPreview(null);
            }}
          />
        </Field>
        <Field label={t('prep.upload')}>
          <input
            type="file"
            // A plain input gets no label from Fluent's Field (axe: critical, "form elements must
            // have labels"): it names itself.
            aria-label={t('prep.upload')}
            accept=".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(event) => {
              const chosen = event.target.files?.[0];
              if (!chosen) return;
              setPreview(null);
              // Until the file is read, "Voorbeeld bekijken" would still send the list before it.
              setBusy(true);
              void fileToBase64(chosen)
                .then((base64) => setFile({ name: chosen.name, base64 }))
                .finally(() => setBusy(false));
            }}
          />
        </Field>
        <div className={styles.actions}>
          <Button disabled={busy} onClick={() => void showPreview()}>
            {t('prep.preview')}
          </Button>
          <Button appearance="primary" disabled={busy} onClick={() => void save()}>
            {t('prep.save')}
          </Button>
          <Button
            appearance="subtle"
            onClick={() => void run(async () => saveFile(await api.getAttendeeTemplate(language)))}
          >
            {t('prep.template')}
          </Button>
        </div>
        {preview && <PreviewTable preview={preview} />}
      </section>

      <section aria-labelledby="groups-heading">
        <Title3 as="h4" id="groups-heading">
          {t('prep.groups')}
        </Title3>
        {sheet.attendees && (
          <div className={`${styles.actions} ${styles.noPrint}`}>
            <Field label={t('prep.groupCount')}>
              <Input
                type="number"
                min={1}
                value={groupCount}
                onChange={(_, data) => setGroupCount(data.value)}
              />
            </Field>
            <Checkbox
              checked={outsideDefault}
              label={t('prep.outsideDefault')}
              onChange={(_, data) => setOutsideDefault(data.checked === true)}
            />
            <Button appearance="primary" disabled={busy} onClick={() => void make(1)}>
              {t('prep.make')}
            </Button>
            {sheet.groups && (
              <>
                <Button disabled={busy} onClick={() => void make((sheet.groups?.seed ?? 0) + 1)}>
                  {t('prep.shuffle')}
                </Button>
                <Button onClick={() => window.print()}>{t('prep.print')}</Button>
                <Button
                  onClick={() =>
                    void run(async () => saveFile(await api.getGroupsWorkbook(signup.id)))
                  }
                >
                  {t('prep.download')}
                </Button>
              </>
            )}
          </div>
        )}
        {!sheet.groups && <p>{t('prep.noGroups')}</p>}
        {sheet.groups && (
          <>
            <p>
              {t('prep.score', {
                deviation: sheet.groups.score.deviation.toFixed(1),
                bound: sheet.groups.score.lowerBound.toFixed(1),
              })}
            </p>
            {!sheet.groups.score.rulesHold && (
              <MessageBar intent="warning">
                <MessageBarBody>{t('prep.rulesBroken')}</MessageBarBody>
              </MessageBar>
            )}
            <p className={styles.noPrint}>{t('prep.moveHint')}</p>
            <div className={styles.cards}>
              {sheet.groups.groups.map((group, index) => (
                <Card key={group.number} aria-labelledby={`group-${group.number}`}>
                  <strong id={`group-${group.number}`}>
                    {t('prep.group', { number: group.number })}
                  </strong>
                  <span>
                    {t('prep.groupScore', {
                      coalitie: group.score.coalitie,
                      oppositie: group.score.oppositie,
                      ideal: group.score.idealCoalitie.toFixed(1),
                    })}
                  </span>
                  <ul className={styles.members}>
                    {group.members.map((id) => {
                      const person = byId.get(id);
                      if (!person) return null;
                      const onKey = (event: KeyboardEvent) => {
                        if (event.key === 'ArrowRight') move(person, index, 1);
                        if (event.key === 'ArrowLeft') move(person, index, -1);
                      };
                      return (
                        <li key={id}>
                          <button
                            type="button"
                            id={`member-${id}`}
                            className={styles.member}
                            onKeyDown={onKey}
                          >
                            {person.name} — {person.party ?? person.role} (
                            {t(`prep.${person.side}`)})
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </Card>
              ))}
            </div>
            {sheet.groups.outside.length > 0 && (
              <p>
                {t('prep.outside')}:{' '}
                {sheet.groups.outside.map((id) => byId.get(id)?.name ?? id).join(', ')}
              </p>
            )}
          </>
        )}
      </section>
    </section>
  );
}
