// "Herinneringen" (issue 13, item 3): the municipalities of the picked edition that have not
// signed up (account holder: own RIEC; coordinator: all, read-only), when the last reminder went
// and to whom, and which are due. The account holder selects, corrects an address, edits the
// edition's text, previews it and sends it from their own mailbox after a confirmation. What was
// typed (text, addresses, selection) lives in this page, so no error takes it away: the API's
// Dutch messages land at the row or field they are about.
import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../common/api/api-errors.js';
import type {
  TListRemindersResponse,
  TPreviewRemindersResponse,
  TReminderRequest,
  TReminderRow,
  TSendRemindersResponse,
} from '../../../common/api/api-types.js';
import { CommandDialogActions, CommandProblem } from '../../../common/components/command-dialog.js';
import { DataTable } from '../../../common/components/data-table.js';
import { Loading } from '../../../common/components/loading.js';
import { PageHeading } from '../../../common/components/page-heading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { formatLongDate, formatMoment } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { hasPermission, useAppServices } from '../../../common/services/app-services.js';
import { useCommand } from '../../../common/services/use-command.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { useEdition } from '../../routing/use-route.js';
import {
  dueCodes,
  isEmailAddress,
  openRows,
  placeMessages,
  requestOf,
  type PlacedMessages,
} from './reminders-model.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
  address: { minWidth: '14rem' },
  template: { maxWidth: '48rem' },
  preview: {
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyBase,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: '48rem',
  },
});

const NO_MESSAGES: PlacedMessages = { byRow: {}, template: undefined, other: [] };

function LastSent({ row }: { row: TReminderRow }) {
  const { t, i18n } = useTranslation();
  if (row.isPending) return <>{t('reminders.pending')}</>;
  if (!row.lastSentAt) return <>{t('reminders.never')}</>;
  const when = formatMoment(row.lastSentAt, currentLanguage(i18n));
  return <>{row.lastSentTo ? t('reminders.sentTo', { when, to: row.lastSentTo }) : when}</>;
}

function Outcome({ result }: { result: TSendRemindersResponse }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const sent = result.results.filter((r) => r.result === 'sent').length;
  return (
    <section className={styles.section} aria-labelledby="reminders-outcome">
      <Title3 as="h3" id="reminders-outcome" className={styles.heading}>
        {t('reminders.outcomeTitle')}
      </Title3>
      <div role="status">
        <MessageBar intent={sent === result.results.length ? 'success' : 'info'}>
          <MessageBarBody>{t('reminders.outcome', { count: sent })}</MessageBarBody>
        </MessageBar>
      </div>
      <DataTable labelledBy="reminders-outcome">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('reminders.municipality')}</TableHeaderCell>
            <TableHeaderCell>{t('reminders.address')}</TableHeaderCell>
            <TableHeaderCell>{t('reminders.result')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {result.results.map((row) => (
            <TableRow key={row.cbsCode}>
              <TableCell>{row.municipality}</TableCell>
              <TableCell>{row.address}</TableCell>
              <TableCell>{t(`reminders.results.${row.result}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </DataTable>
    </section>
  );
}

function Preview({ preview }: { preview: TPreviewRemindersResponse }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [first, ...rest] = preview.previews;
  if (!first) return null;
  return (
    <section className={styles.section} aria-labelledby="reminders-preview">
      <Title3 as="h3" id="reminders-preview" className={styles.heading}>
        {t('reminders.previewTitle', { municipality: first.municipality, address: first.address })}
      </Title3>
      <Text weight="semibold">{first.subject}</Text>
      <pre className={styles.preview}>{first.text}</pre>
      {rest.length > 0 && (
        <Body1>
          {t('reminders.previewOthers', {
            count: rest.length,
            names: rest.map((p) => `${p.municipality} (${p.address})`).join(', '),
          })}
        </Body1>
      )}
    </section>
  );
}

function RemindersForm({
  campaignId,
  list,
  canSend,
}: {
  campaignId: string;
  list: TListRemindersResponse;
  canSend: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n);
  const styles = useStyles();
  const { api } = useAppServices();
  const rows = useMemo(() => openRows(list.municipalities), [list.municipalities]);
  const due = useMemo(() => dueCodes(rows), [rows]);
  const [template, setTemplate] = useState(list.template);
  const [addresses, setAddresses] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [templateMissing, setTemplateMissing] = useState(false);
  const [selectionMissing, setSelectionMissing] = useState(false);
  const [messages, setMessages] = useState<PlacedMessages>(NO_MESSAGES);
  const [preview, setPreview] = useState<TPreviewRemindersResponse | undefined>();
  const [previewError, setPreviewError] = useState<unknown>();
  const [previewing, setPreviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<TSendRemindersResponse | undefined>();

  // A 422 on sending: the messages go to their rows and fields and the dialog closes; other
  // failures stay in the dialog with "try again" (the same input, safe: the API never sends one
  // twice). The command's own state keeps the error either way.
  const send = useCommand(
    async (request: TReminderRequest) => {
      try {
        return await api.sendReminders(campaignId, request);
      } catch (error) {
        if (placeProblem(error, request)) setConfirming(false);
        throw error;
      }
    },
    { invalidates: () => [{ queryKey: ['reminders'] }, { queryKey: ['dashboard'] }] },
  );

  const addressOf = (row: TReminderRow) => addresses[row.cbsCode] ?? row.defaultAddress;
  const addressError = (row: TReminderRow) =>
    localErrors[row.cbsCode] ?? messages.byRow[row.cbsCode];

  /** Anything typed or picked makes the preview and the API's old messages out of date. */
  function changed() {
    setPreview(undefined);
    setPreviewError(undefined);
    setMessages(NO_MESSAGES);
    setSelectionMissing(false);
  }

  function checkAddress(row: TReminderRow, value: string) {
    setLocalErrors((errors) => {
      const { [row.cbsCode]: _old, ...rest } = errors;
      return isEmailAddress(value) ? rest : { ...rest, [row.cbsCode]: t('reminders.badAddress') };
    });
  }

  function toggle(code: string, on: boolean) {
    changed();
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  }

  /** The request, or undefined (and the fields marked) when it cannot go as it is. */
  function validRequest(): TReminderRequest | undefined {
    const request = requestOf(rows, selected, addresses, template);
    const bad: Record<string, string> = {};
    for (const recipient of request.recipients) {
      if (!isEmailAddress(recipient.address)) bad[recipient.cbsCode] = t('reminders.badAddress');
    }
    setLocalErrors(bad);
    setTemplateMissing(template.trim() === '');
    setSelectionMissing(request.recipients.length === 0);
    const ok =
      Object.keys(bad).length === 0 && template.trim() !== '' && request.recipients.length > 0;
    return ok ? request : undefined;
  }

  /** A 422: the messages at their rows and fields; true when it was one. */
  function placeProblem(error: unknown, request: TReminderRequest): boolean {
    if (!(error instanceof ApiProblem) || error.status !== 422) return false;
    setMessages(placeMessages(error.fieldErrors, request));
    return true;
  }

  async function showPreview() {
    setOutcome(undefined);
    const request = validRequest();
    if (!request) return;
    setPreviewing(true);
    setPreviewError(undefined);
    try {
      setPreview(await api.previewReminders(campaignId, request));
      setMessages(NO_MESSAGES);
    } catch (error) {
      setPreview(undefined);
      if (!placeProblem(error, request)) setPreviewError(error);
    } finally {
      setPreviewing(false);
    }
  }

  function askToSend() {
    setOutcome(undefined);
    if (!validRequest()) return;
    send.reset();
    setConfirming(true);
  }

  async function confirmSend() {
    finish(await send.run(requestOf(rows, selected, addresses, template)));
  }

  function finish(result: TSendRemindersResponse | undefined) {
    if (!result) return;
    setConfirming(false);
    setOutcome(result);
    setPreview(undefined);
    setMessages(NO_MESSAGES);
    const done = new Set(result.results.filter((r) => r.result !== 'failed').map((r) => r.cbsCode));
    setSelected((current) => new Set([...current].filter((code) => !done.has(code))));
  }

  const sendError = send.state.status === 'failed' ? send.state.error : undefined;
  const sendInvalid = sendError instanceof ApiProblem && sendError.status === 422;

  const allDueSelected = due.length > 0 && due.every((code) => selected.has(code));
  const count = selected.size;
  const otherMessages = [
    ...(selectionMissing ? [t('reminders.selectionMissing')] : []),
    ...messages.other,
  ];
  const deadline = formatLongDate(list.signupDeadline, language);

  return (
    <>
      <Body1>
        {t('reminders.intro', {
          deadline,
          days: list.reminderDays.join(', '),
        })}
      </Body1>
      {rows.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>{t('reminders.allSignedUp')}</MessageBarBody>
        </MessageBar>
      ) : (
        <section className={styles.section} aria-labelledby="reminders-list">
          <Title3 as="h3" id="reminders-list" className={styles.heading}>
            {t('reminders.listTitle', { count: rows.length })}
          </Title3>
          {!canSend && <Body1 className={styles.muted}>{t('reminders.readOnly')}</Body1>}
          {canSend && (
            <div className={styles.buttons}>
              <Button
                disabled={due.length === 0 || allDueSelected}
                onClick={() => {
                  changed();
                  setSelected((current) => new Set([...current, ...due]));
                }}
              >
                {t('reminders.selectDue', { count: due.length })}
              </Button>
              <Button
                disabled={count === 0}
                onClick={() => {
                  changed();
                  setSelected(new Set());
                }}
              >
                {t('reminders.clearSelection')}
              </Button>
            </div>
          )}
          <DataTable labelledBy="reminders-list">
            <TableHeader>
              <TableRow>
                {canSend && <TableHeaderCell>{t('reminders.select')}</TableHeaderCell>}
                <TableHeaderCell>{t('reminders.municipality')}</TableHeaderCell>
                <TableHeaderCell>{t('reminders.address')}</TableHeaderCell>
                <TableHeaderCell>{t('reminders.lastSent')}</TableHeaderCell>
                <TableHeaderCell>{t('reminders.sentCount')}</TableHeaderCell>
                <TableHeaderCell>{t('reminders.dueSince')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => {
                const error = addressError(row);
                return (
                  <TableRow key={row.cbsCode}>
                    {canSend && (
                      <TableCell>
                        <Checkbox
                          checked={selected.has(row.cbsCode)}
                          aria-label={t('reminders.selectOne', { municipality: row.municipality })}
                          onChange={(_, data) => toggle(row.cbsCode, data.checked === true)}
                        />
                      </TableCell>
                    )}
                    <TableCell>{row.municipality}</TableCell>
                    <TableCell>
                      {canSend ? (
                        <Field
                          className={styles.address}
                          validationState={error ? 'error' : 'none'}
                          validationMessage={error ?? null}
                        >
                          <Input
                            type="email"
                            aria-label={t('reminders.addressOf', {
                              municipality: row.municipality,
                            })}
                            value={addressOf(row)}
                            onChange={(_, data) => {
                              changed();
                              setAddresses((a) => ({ ...a, [row.cbsCode]: data.value }));
                              if (localErrors[row.cbsCode]) checkAddress(row, data.value);
                            }}
                            onBlur={(event) => checkAddress(row, event.currentTarget.value)}
                          />
                        </Field>
                      ) : (
                        row.defaultAddress
                      )}
                    </TableCell>
                    <TableCell>
                      <LastSent row={row} />
                    </TableCell>
                    <TableCell>{row.sentCount}</TableCell>
                    <TableCell>
                      {row.dueSince
                        ? formatLongDate(row.dueSince, language)
                        : t('reminders.notDue')}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </DataTable>
        </section>
      )}
      {canSend && rows.length > 0 && (
        <section className={styles.section} aria-labelledby="reminders-text">
          <Title3 as="h3" id="reminders-text" className={styles.heading}>
            {t('reminders.textTitle')}
          </Title3>
          <Field
            className={styles.template}
            label={t('reminders.template')}
            hint={t('reminders.templateHint')}
            validationState={templateMissing || messages.template ? 'error' : 'none'}
            validationMessage={
              templateMissing ? t('reminders.templateMissing') : (messages.template ?? null)
            }
          >
            <Textarea
              resize="vertical"
              rows={8}
              value={template}
              onChange={(_, data) => {
                changed();
                setTemplate(data.value);
                if (data.value.trim() !== '') setTemplateMissing(false);
              }}
            />
          </Field>
          <Body1>{t('reminders.selected', { count })}</Body1>
          {otherMessages.length > 0 && (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>{otherMessages.join(' ')}</MessageBarBody>
            </MessageBar>
          )}
          {(messages.template !== undefined || Object.keys(messages.byRow).length > 0) && (
            <MessageBar intent="error" layout="multiline" role="alert">
              <MessageBarBody>{t('reminders.fixFields')}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.buttons}>
            <Button disabled={previewing} onClick={() => void showPreview()}>
              {previewing ? t('reminders.previewing') : t('reminders.preview')}
            </Button>
            <Button appearance="primary" onClick={askToSend}>
              {t('reminders.send')}
            </Button>
          </div>
          {previewError !== undefined && (
            <ProblemMessage
              error={previewError}
              action={t('reminders.preview')}
              onRetry={() => void showPreview()}
            />
          )}
          {preview && <Preview preview={preview} />}
        </section>
      )}
      {outcome && <Outcome result={outcome} />}
      <Dialog
        open={confirming}
        onOpenChange={(_, data) => {
          setConfirming(data.open);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('reminders.confirmTitle', { count })}</DialogTitle>
            <DialogContent>
              <Text as="p">
                {t('reminders.confirmText', {
                  count,
                  names: rows
                    .filter((row) => selected.has(row.cbsCode))
                    .map((row) => row.municipality)
                    .join(', '),
                })}
              </Text>
              {!sendInvalid && (
                <CommandProblem command={send} action={t('reminders.send')} onDone={finish} />
              )}
            </DialogContent>
            <CommandDialogActions
              isRunning={send.isRunning}
              submitLabel={t('reminders.sendNow')}
              runningLabel={t('reminders.sending')}
              onSubmit={() => void confirmSend()}
            />
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}

function Reminders({ campaignId, canSend }: { campaignId: string; canSend: boolean }) {
  const { t } = useTranslation();
  const { api } = useAppServices();
  const load = useCallback(() => api.listReminders(campaignId), [api, campaignId]);
  const query = useQuery(queryKeys.reminders(campaignId), load);
  const list = query.data?.campaignId === campaignId ? query.data : undefined;
  return (
    <>
      {query.error !== undefined && <ProblemMessage error={query.error} onRetry={query.reload} />}
      {!list && query.isLoading && <Loading label={t('reminders.loading')} />}
      {list && (
        <RemindersForm key={campaignId} campaignId={campaignId} list={list} canSend={canSend} />
      )}
    </>
  );
}

export default function RemindersPage() {
  const { t } = useTranslation();
  const { api, me } = useAppServices();
  const picked = useEdition();
  const load = useCallback(() => api.listCampaigns(), [api]);
  const campaigns = useQuery(queryKeys.campaigns(), load);
  const list = campaigns.data?.campaigns ?? [];
  const edition = list.find((c) => c.id === picked) ?? list.find((c) => c.isCurrent);
  const title = t('reminders.title');
  return (
    <>
      <PageHeading title={title}>
        {edition ? `${title}: ${edition.settings.title}` : title}
      </PageHeading>
      {campaigns.error !== undefined && (
        <ProblemMessage error={campaigns.error} onRetry={campaigns.reload} />
      )}
      {!campaigns.data && campaigns.isLoading && <Loading label={t('reminders.loading')} />}
      {edition && (
        <Reminders campaignId={edition.id} canSend={hasPermission(me, 'signups:write')} />
      )}
    </>
  );
}
