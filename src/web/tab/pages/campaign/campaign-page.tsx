// "Campagne" (coordinator, issue 13, item 1): the editions of the campaign; the one picked in the
// URL (or the current one) with its settings to edit, and a new edition. The API's Dutch field
// messages appear at the field; a concurrent change (409) loads the new version and keeps what
// the coordinator typed, so saving again is one click.
import {
  Body1,
  Button,
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
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../common/api/api-errors.js';
import type { TCampaignEdition } from '../../../common/api/api-types.js';
import { Loading } from '../../../common/components/loading.js';
import { PageHeading } from '../../../common/components/page-heading.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useQuery } from '../../../common/services/use-query.js';
import { queryKeys } from '../../../common/services/query-keys.js';
import { pickEdition, useEdition } from '../../routing/use-route.js';
import {
  messagesByField,
  toDraft,
  toSettings,
  type DraftField,
  type SettingsDraft,
} from './campaign-model.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    maxWidth: '40rem',
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
});

type Outcome =
  | { readonly kind: 'saved' | 'conflict' | 'invalid' }
  | { readonly kind: 'created'; readonly id: string }
  | { readonly kind: 'failed'; readonly error: unknown };

function SettingsForm(props: {
  readonly mode: 'edit' | 'create';
  readonly initial: SettingsDraft;
  readonly submit: (draft: SettingsDraft) => Promise<Outcome>;
  readonly rolling?: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [draft, setDraft] = useState(props.initial);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [messages, setMessages] = useState<ReturnType<typeof messagesByField>>({
    byField: {},
    other: [],
  });
  const prefix = props.mode === 'edit' ? 'edit' : 'new';

  const field = (name: DraftField, label: string, type: 'text' | 'date' | 'number' = 'text') => (
    <Field
      label={label}
      validationMessage={messages.byField[name] ?? null}
      validationState={messages.byField[name] ? 'error' : 'none'}
    >
      <Input
        id={`${prefix}-${name}`}
        type={type}
        value={draft[name]}
        onChange={(_, data) => setDraft((d) => ({ ...d, [name]: data.value }))}
      />
    </Field>
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const result = await props.submit(draft);
      setOutcome(result);
      if (result.kind === 'failed' && result.error instanceof ApiProblem) {
        setMessages(messagesByField(result.error.fieldErrors));
      } else {
        setMessages({ byField: {}, other: [] });
      }
    } finally {
      setBusy(false);
    }
  };

  const failed = outcome?.kind === 'failed' ? outcome.error : undefined;
  const invalid = failed instanceof ApiProblem && failed.code === 'DOMAIN_RULE_VIOLATED';
  return (
    <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate>
      {props.rolling && (
        <MessageBar intent="info">
          <MessageBarBody>{t('campaign.rolling')}</MessageBarBody>
        </MessageBar>
      )}
      {props.mode === 'create' && field('id', t('campaign.fields.id'))}
      {field('title', t('campaign.fields.title'))}
      <div className={styles.row}>
        {field('signupDeadline', t('campaign.fields.signupDeadline'), 'date')}
        {field('windowStart', t('campaign.fields.windowStart'), 'date')}
        {field('windowEnd', t('campaign.fields.windowEnd'), 'date')}
      </div>
      <div className={styles.row}>
        {field('maxDurationMinutes', t('campaign.fields.maxDurationMinutes'), 'number')}
        {field('holdLapseDays', t('campaign.fields.holdLapseDays'), 'number')}
      </div>
      {field('reminderDays', t('campaign.fields.reminderDays'))}
      {field('senderName', t('campaign.fields.senderName'))}
      <Field
        label={t('campaign.fields.reminderText')}
        validationMessage={messages.byField.reminderText ?? null}
        validationState={messages.byField.reminderText ? 'error' : 'none'}
      >
        <Textarea
          id={`${prefix}-reminderText`}
          resize="vertical"
          rows={5}
          value={draft.reminderText}
          onChange={(_, data) => setDraft((d) => ({ ...d, reminderText: data.value }))}
        />
      </Field>
      {field('nudgeAfterDays', t('campaignAutomation.nudgeAfterDays'), 'number')}
      <Checkbox
        id={`${prefix}-autoSendReminders`}
        label={t('campaignAutomation.autoSendReminders')}
        checked={draft.autoSendReminders}
        onChange={(_, data) =>
          setDraft((d) => ({ ...d, autoSendReminders: data.checked === true }))
        }
      />
      <Checkbox
        label={t('campaign.fields.isCurrent')}
        checked={draft.isCurrent}
        onChange={(_, data) => setDraft((d) => ({ ...d, isCurrent: data.checked === true }))}
      />
      <div role="status">
        {outcome?.kind === 'saved' && (
          <MessageBar intent="success">
            <MessageBarBody>{t('campaign.saved')}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === 'created' && (
          <MessageBar intent="success">
            <MessageBarBody>{t('campaign.created', { id: outcome.id })}</MessageBarBody>
          </MessageBar>
        )}
        {outcome?.kind === 'conflict' && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('campaign.conflict')}</MessageBarBody>
          </MessageBar>
        )}
        {invalid && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{[t('campaign.invalid'), ...messages.other].join(' ')}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {failed !== undefined && !invalid && <ProblemMessage error={failed} />}
      <div>
        <Button type="submit" appearance="primary" disabled={busy}>
          {props.mode === 'edit' ? t('campaign.save') : t('campaign.create')}
        </Button>
      </div>
    </form>
  );
}

function EditEdition({ edition }: { edition: TCampaignEdition }) {
  const { api } = useAppServices();
  const [version, setVersion] = useState(edition.version);
  const submit = useCallback(
    async (draft: SettingsDraft): Promise<Outcome> => {
      try {
        const saved = await api.updateCampaign(edition.id, {
          version,
          isCurrent: draft.isCurrent,
          settings: toSettings(draft),
        });
        setVersion(saved.version);
        return { kind: 'saved' };
      } catch (error) {
        if (error instanceof ApiProblem && error.status === 409) {
          // Someone else saved in between: take the new version, keep what was typed.
          const fresh = await api.getCampaignEdition(edition.id).catch(() => undefined);
          if (fresh) setVersion(fresh.version);
          return { kind: 'conflict' };
        }
        return { kind: 'failed', error };
      }
    },
    [api, edition.id, version],
  );
  return (
    <SettingsForm
      key={edition.id}
      mode="edit"
      rolling={edition.rolling}
      initial={toDraft(edition.settings, { id: edition.id, isCurrent: edition.isCurrent })}
      submit={submit}
    />
  );
}

function NewEdition({
  template,
  onCreated,
}: {
  template: TCampaignEdition;
  onCreated: () => void;
}) {
  const { api } = useAppServices();
  const submit = useCallback(
    async (draft: SettingsDraft): Promise<Outcome> => {
      try {
        const created = await api.createCampaign({
          id: draft.id,
          isCurrent: draft.isCurrent,
          settings: toSettings(draft),
        });
        onCreated();
        pickEdition(created.id);
        return { kind: 'created', id: created.id };
      } catch (error) {
        return { kind: 'failed', error };
      }
    },
    [api, onCreated],
  );
  return (
    <SettingsForm
      mode="create"
      initial={toDraft(template.settings, { id: '', isCurrent: false })}
      submit={submit}
    />
  );
}

export default function CampaignPage() {
  const { t } = useTranslation();
  const styles = useStyles();
  const { api } = useAppServices();
  const picked = useEdition();
  const load = useCallback(() => api.listCampaigns(), [api]);
  const query = useQuery(queryKeys.campaigns(), load);
  const campaigns = query.data?.campaigns ?? [];
  const edition =
    campaigns.find((c) => c.id === picked) ?? campaigns.find((c) => c.isCurrent) ?? campaigns[0];
  const title = t('campaign.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {query.error !== undefined && <ProblemMessage error={query.error} onRetry={query.reload} />}
      {!query.data && query.isLoading && <Loading label={t('campaign.loading')} />}
      {edition && (
        <>
          <section className={styles.section} aria-labelledby="campaign-edit">
            <Title3 as="h3" id="campaign-edit" className={styles.heading}>
              {t('campaign.settings')}
            </Title3>
            <Body1>
              {t('campaign.edition')}: {edition.settings.title} ({edition.id})
              {edition.isCurrent ? ` ${t('campaign.current')}` : ''}
            </Body1>
            <EditEdition key={`${edition.id}|${edition.version}`} edition={edition} />
          </section>
          <section className={styles.section} aria-labelledby="campaign-new">
            <Title3 as="h3" id="campaign-new" className={styles.heading}>
              {t('campaign.newTitle')}
            </Title3>
            <NewEdition template={edition} onCreated={query.reload} />
          </section>
        </>
      )}
    </>
  );
}
