// Registering a municipality's sign-up: the municipality, the contact at the mayor's office,
// three preferred slots, the weerbaarheidsscan and remarks. The API judges the rules and
// answers per field; its errors and warnings appear at the field they concern.
import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../common/api/api-errors.js';
import {
  SCAN_STATUSES,
  type TCheckSignupRequest,
  type TCheckSignupResponse,
  type TFieldMessage,
  type TGetCampaignResponse,
  type TMunicipalityView,
  type TRegisterSignupRequest,
  type TRegisterSignupResponse,
  type TScanStatus,
  type TSignupView,
} from '../../../common/api/api-types.js';
import { ZRegisterSignupRequest } from '../../../../contract/operations/register-signup.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { ContactFields } from '../../../common/forms/contact-fields.js';
import { validateRequest } from '../../../common/forms/validate-request.js';
import { formatLongDate } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { useCommand } from '../../../common/services/use-command.js';
import { signupsChanged } from '../../../common/services/query-keys.js';
import { useSessionDraft } from '../../../common/services/use-session-draft.js';
import { routeHref } from '../../routing/routes.js';
import { GroupNotes, fieldValidation } from '../../../common/forms/field-notes.js';
import { MunicipalityPicker } from './municipality-picker.js';
import type { FieldNote, RegisterFormValues } from './register-form.types.js';
import {
  buildRequest,
  emptyValues,
  isRegisterValues,
  notesAt,
  toFieldNotes,
} from './register-model.js';
import { EMPTY_SCAN, ScanThemesFields } from './scan-themes-fields.js';
import { SlotFields } from './slot-fields.js';
import { useRegisterStyles } from './use-register-styles.js';

export type CampaignRules = Pick<
  TGetCampaignResponse,
  'window' | 'defaultDurationMinutes' | 'preferenceCount' | 'isSignupOpen' | 'signupDeadline'
>;

export interface RegisterFormProps {
  readonly municipalities: readonly TMunicipalityView[];
  readonly campaign: CampaignRules;
  readonly initialCbsCode?: string;
  readonly onSubmit: (request: TRegisterSignupRequest) => Promise<TRegisterSignupResponse>;
  /**
   * The dry run (checkSignup): its warnings show at the fields before anything is saved, and a
   * second click saves anyway. Without it the warnings come with the saved sign-up.
   */
  readonly onCheck?: (request: TCheckSignupRequest) => Promise<TCheckSignupResponse>;
  /** The sign-up is registered (and the user has seen any warnings). */
  readonly onDone: (signup: TSignupView) => void;
}

type Attempt =
  | { readonly kind: 'warnings'; readonly warnings: readonly TFieldMessage[] }
  | { readonly kind: 'saved'; readonly response: TRegisterSignupResponse };

const keyOf = (warnings: readonly TFieldMessage[]) =>
  warnings.map((w) => `${w.field}:${w.code}`).join('|');

export function RegisterForm(props: RegisterFormProps) {
  const { t, i18n } = useTranslation();
  const styles = useRegisterStyles();
  const { campaign } = props;
  // What was typed survives a page that fails and a visit elsewhere (issue 18): kept per tab.
  const [values, setValues, clearDraft] = useSessionDraft<RegisterFormValues>(
    `register.${props.initialCbsCode ?? 'new'}`,
    () => emptyValues(campaign.preferenceCount, props.initialCbsCode),
    (value) => isRegisterValues(value, campaign.preferenceCount),
  );
  const [notes, setNotes] = useState<FieldNote[]>([]);
  const [saved, setSaved] = useState<TRegisterSignupResponse | undefined>(undefined);
  // The warnings of the dry run the user has seen: the same ones again do not stop the save.
  const seen = useRef<string | undefined>(undefined);
  const { onCheck, onSubmit } = props;
  const command = useCommand(
    async (request: TRegisterSignupRequest): Promise<Attempt> => {
      if (onCheck) {
        const check = await onCheck(request);
        if (check.warnings.length > 0 && keyOf(check.warnings) !== seen.current) {
          seen.current = keyOf(check.warnings);
          return { kind: 'warnings', warnings: check.warnings };
        }
      }
      return { kind: 'saved', response: await onSubmit(request) };
    },
    { invalidates: signupsChanged },
  );
  const summary = useRef<HTMLDivElement>(null);
  const needsLateReason = !campaign.isSignupOpen;
  const municipality = props.municipalities.find((m) => m.cbsCode === values.cbsCode);

  const update = (change: Partial<RegisterFormValues>) =>
    setValues((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const built = buildRequest(values, { needsLateReason });
    if ('incomplete' in built) {
      setNotes(
        built.incomplete.flatMap(({ index, parts }) =>
          parts.map((part) => ({
            field: `preferences.${index}.${part === 'notADate' ? 'date' : part}`,
            code: 'incomplete',
            message: t(`register.slot.missing.${part}`, { number: index + 1 }),
            severity: 'error' as const,
          })),
        ),
      );
      return;
    }
    // The contract's own schema first: what the server would refuse is said at the field now.
    const issues = validateRequest(ZRegisterSignupRequest, built.request, currentLanguage(i18n));
    if (issues.length > 0) {
      setNotes(toFieldNotes(issues, 'error'));
      summary.current?.focus();
      return;
    }
    setNotes([]);
    handleResponse(await command.run(built.request));
  }

  /** After a first attempt or a retry: on to the next step, or the warnings at the fields. */
  function handleResponse(attempt: Attempt | undefined) {
    summary.current?.focus();
    if (!attempt) return;
    if (attempt.kind === 'warnings') {
      setNotes(toFieldNotes(attempt.warnings, 'warning'));
      return;
    }
    const response = attempt.response;
    clearDraft();
    // Warnings the dry run showed before saving were seen: no second stop for them.
    if (response.warnings.length === 0 || keyOf(response.warnings) === seen.current) {
      props.onDone(response.signup);
      return;
    }
    setNotes(toFieldNotes(response.warnings, 'warning'));
    setSaved(response);
  }

  // The API's field messages, shown at the fields, once the command failed with them.
  const failure = command.state.status === 'failed' ? command.state.error : undefined;
  const apiErrors = failure instanceof ApiProblem ? toFieldNotes(failure.fieldErrors, 'error') : [];
  const shown = [...notes, ...apiErrors];
  const formNotes = notesAt(shown, 'form');
  const warnedFirst = saved === undefined && notes.some((note) => note.severity === 'warning');
  const submitLabel = warnedFirst ? t('register.submitAnyway') : t('register.submit');

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <div ref={summary} tabIndex={-1}>
        {failure !== undefined && (
          <ProblemMessage
            error={failure}
            action={t('register.submit')}
            onRetry={() => void command.retry().then(handleResponse)}
            signupHref={(signupId) => routeHref({ page: 'log', signupId })}
          />
        )}
        {warnedFirst && (
          <MessageBar intent="warning">
            <MessageBarBody>{t('edit.warningsFirst', { action: submitLabel })}</MessageBarBody>
          </MessageBar>
        )}
        {saved && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {t('register.saved', { name: saved.signup.municipality.name })}
              </MessageBarTitle>
              {t('register.savedWithWarnings')}
            </MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" onClick={() => props.onDone(saved.signup)}>
                {t('register.continue')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      <GroupNotes id="register-form-notes" notes={formNotes} />

      <fieldset className={styles.section}>
        <legend className={styles.legend}>{t('register.who')}</legend>
        <MunicipalityPicker
          municipalities={props.municipalities}
          value={values.cbsCode}
          onChange={(cbsCode) => update({ cbsCode })}
          validation={fieldValidation(notesAt(shown, 'cbsCode'))}
        />
        <ContactFields
          value={values}
          onChange={update}
          notes={{
            name: notesAt(shown, 'contact.name'),
            function: notesAt(shown, 'contact.function'),
            email: notesAt(shown, 'contact.email'),
          }}
          {...(municipality
            ? {
                nameHint: t('register.contactHint', { name: municipality.displayName }),
                emailPlaceholder: `burgemeester@${municipality.domain}`,
              }
            : {})}
        />
      </fieldset>

      <section className={styles.groupMessage} aria-labelledby="register-slots">
        <h3 id="register-slots" className={styles.legend}>
          {t('register.slots', {
            from: formatLongDate(campaign.window.start, currentLanguage(i18n)),
            to: formatLongDate(campaign.window.end, currentLanguage(i18n)),
          })}
        </h3>
        <GroupNotes id="register-slots-notes" notes={notesAt(shown, 'preferences')} />
        <SlotFields
          slots={values.slots}
          notes={shown}
          window={campaign.window}
          defaultDurationMinutes={campaign.defaultDurationMinutes}
          onChange={(slots) => update({ slots })}
        />
      </section>

      <fieldset className={styles.section}>
        <legend className={styles.legend}>{t('register.more')}</legend>
        <Field
          label={t('register.scan.label')}
          hint={t('register.scan.hint')}
          {...fieldValidation(notesAt(shown, 'scanStatus'))}
        >
          <RadioGroup
            value={values.scanStatus}
            onChange={(_, d) => update({ scanStatus: d.value as TScanStatus })}
          >
            {SCAN_STATUSES.map((status) => (
              <Radio key={status} value={status} label={t(`scan.${status}`)} />
            ))}
          </RadioGroup>
        </Field>
        <ScanThemesFields
          value={values.scan ?? EMPTY_SCAN}
          notes={shown}
          onChange={(scan) => update({ scan })}
        />
        <Field label={t('register.remarks')} {...fieldValidation(notesAt(shown, 'remarks'))}>
          <Textarea
            value={values.remarks}
            resize="vertical"
            onChange={(_, d) => update({ remarks: d.value })}
          />
        </Field>
        {needsLateReason && (
          <Field
            label={t('register.lateReason', {
              date: formatLongDate(campaign.signupDeadline, currentLanguage(i18n)),
            })}
            required
            {...fieldValidation(notesAt(shown, 'lateOverride.reason'))}
          >
            <Textarea
              value={values.lateReason}
              onChange={(_, d) => update({ lateReason: d.value })}
            />
          </Field>
        )}
      </fieldset>

      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={command.isRunning || saved !== undefined}
          {...(command.isRunning ? { icon: <Spinner size="tiny" /> } : {})}
        >
          {command.isRunning ? t('register.submitting') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
