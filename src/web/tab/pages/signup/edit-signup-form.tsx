// Editing a sign-up ("Wijzigen") and giving it other dates ("Andere data") on the same sign-up
// (issue 18, items 2 and 5). The form is pre-filled from the sign-up; before it saves it asks
// the API for a dry run of the same validation, so warnings (weekend, Kerstmis,
// oudejaarsavond …) show at their fields first and a second click saves anyway. The button is
// never disabled while the form can be edited: only while a request runs.
import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../../../common/api/api-errors.js';
import {
  SCAN_STATUSES,
  type TFieldMessage,
  type TScanStatus,
  type TSignupView,
} from '../../../common/api/api-types.js';
import {
  ZUpdateSignupDatesRequest,
  ZUpdateSignupRequest,
} from '../../../../contract/operations/update-signup.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { ContactFields } from '../../../common/forms/contact-fields.js';
import { validateRequest } from '../../../common/forms/validate-request.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { toAmsterdamWallTime } from '../../../common/format/amsterdam-time.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useCommand } from '../../../common/services/use-command.js';
import { useSessionDraft } from '../../../common/services/use-session-draft.js';
import { GroupNotes, fieldValidation } from '../../../common/forms/field-notes.js';
import type { CampaignRules } from '../register/register-form.js';
import type { FieldNote, RegisterFormValues, SlotInput } from '../register/register-form.types.js';
import {
  buildRequest,
  isRegisterValues,
  notesAt,
  toFieldNotes,
} from '../register/register-model.js';
import {
  EMPTY_SCAN,
  ScanThemesFields,
  isEmptyScan,
  toScanRequest,
} from '../register/scan-themes-fields.js';
import { SlotFields } from '../register/slot-fields.js';
import { useRegisterStyles } from '../register/use-register-styles.js';

export type EditMode = 'edit' | 'newDates';

export interface EditSignupFormProps {
  readonly signup: TSignupView;
  readonly campaign: Pick<CampaignRules, 'window' | 'defaultDurationMinutes'>;
  readonly mode: EditMode;
  readonly onSaved: (signup: TSignupView) => void;
}

function toSlotInput(slot: { start: string; end: string }): SlotInput {
  const start = toAmsterdamWallTime(slot.start);
  const end = toAmsterdamWallTime(slot.end);
  return { date: start.date, start: start.time, end: end.time };
}

function valuesOf(signup: TSignupView): RegisterFormValues {
  return {
    cbsCode: signup.municipality.cbsCode,
    contactName: signup.contact.name,
    contactEmail: signup.contact.email,
    contactFunction: signup.contact.function ?? '',
    slots: signup.preferences.map(toSlotInput),
    scanStatus: signup.scanStatus,
    scan: signup.scan
      ? {
          themes: signup.scan.themes,
          other: signup.scan.other,
          date: signup.scan.scanDate ?? '',
        }
      : EMPTY_SCAN,
    remarks: signup.remarks,
    lateReason: '',
  };
}

/** What the edit sends besides the slots: contact, scan, remarks. */
function editOf(values: RegisterFormValues, signup: TSignupView) {
  return {
    // The function is always sent: an emptied field clears it (issue 18).
    contact: {
      name: values.contactName.trim(),
      email: values.contactEmail.trim(),
      function: values.contactFunction.trim(),
    },
    scanStatus: values.scanStatus,
    // Sent only when there is something, or something to clear.
    ...(isEmptyScan(values.scan) && !signup.scan
      ? {}
      : { scan: toScanRequest(values.scan ?? EMPTY_SCAN) }),
    remarks: values.remarks,
  };
}

type Result =
  | { readonly kind: 'warnings'; readonly warnings: readonly TFieldMessage[] }
  | { readonly kind: 'saved'; readonly signup: TSignupView };

const keyOf = (warnings: readonly TFieldMessage[]) =>
  warnings.map((w) => `${w.field}:${w.code}`).join('|');

export function EditSignupForm(props: EditSignupFormProps) {
  const { t, i18n } = useTranslation();
  const styles = useRegisterStyles();
  const { api } = useAppServices();
  const { signup, mode } = props;
  const count = signup.preferences.length;
  // What was typed survives a failed page; a newer version of the sign-up starts afresh.
  const [values, setValues, clearDraft] = useSessionDraft<RegisterFormValues & { reason: string }>(
    `edit.${signup.id}.${mode}.${signup.eTag}`,
    () => ({ ...valuesOf(signup), reason: '' }),
    (value): value is RegisterFormValues & { reason: string } =>
      isRegisterValues(value, count) && typeof (value as { reason?: unknown }).reason === 'string',
  );
  const [notes, setNotes] = useState<FieldNote[]>([]);
  // The warnings the user has seen: the same ones again do not stop the save.
  const seen = useRef<string | undefined>(undefined);
  const summary = useRef<HTMLDivElement>(null);
  const slotsEditable = mode === 'newDates' || signup.status === 'aangemeld';
  const update = (change: Partial<RegisterFormValues & { reason: string }>) =>
    setValues((current) => ({ ...current, ...change }));

  const command = useCommand(async (input: { preferences?: { start: string; end: string }[] }) => {
    const edit = mode === 'edit' ? editOf(values, signup) : {};
    const check = await api.checkSignup({
      signupId: signup.id,
      ...edit,
      ...(input.preferences ? { preferences: input.preferences } : {}),
    });
    if (check.warnings.length > 0 && keyOf(check.warnings) !== seen.current) {
      seen.current = keyOf(check.warnings);
      return { kind: 'warnings', warnings: check.warnings } satisfies Result as Result;
    }
    const saved =
      mode === 'edit'
        ? await api.updateSignup(signup.id, {
            eTag: signup.eTag,
            ...edit,
            ...(input.preferences ? { preferences: input.preferences } : {}),
          })
        : await api.updateSignupDates(signup.id, {
            eTag: signup.eTag,
            preferences: input.preferences ?? [],
            ...(values.reason.trim() ? { reason: values.reason.trim() } : {}),
          });
    return { kind: 'saved', signup: saved.signup } satisfies Result as Result;
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    let preferences: { start: string; end: string }[] | undefined;
    if (slotsEditable) {
      const built = buildRequest(values, { needsLateReason: false });
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
      preferences = built.request.preferences.map((slot) => ({ ...slot }));
    }
    // The contract's own schema first: what the server would refuse is said at the field now.
    const issues = validateRequest(
      mode === 'edit' ? ZUpdateSignupRequest : ZUpdateSignupDatesRequest,
      mode === 'edit'
        ? { eTag: signup.eTag, ...editOf(values, signup), ...(preferences ? { preferences } : {}) }
        : { eTag: signup.eTag, preferences: preferences ?? [], reason: values.reason.trim() },
      currentLanguage(i18n),
    );
    if (issues.length > 0) {
      setNotes(toFieldNotes(issues, 'error'));
      summary.current?.focus();
      return;
    }
    setNotes([]);
    const result = await command.run(preferences ? { preferences } : {});
    summary.current?.focus();
    if (!result) return;
    if (result.kind === 'warnings') {
      setNotes(toFieldNotes(result.warnings, 'warning'));
      return;
    }
    clearDraft();
    props.onSaved(result.signup);
  }

  const failure = command.state.status === 'failed' ? command.state.error : undefined;
  const apiErrors = failure instanceof ApiProblem ? toFieldNotes(failure.fieldErrors, 'error') : [];
  const shown = [...notes, ...apiErrors];
  const hasWarnings = notes.some((note) => note.severity === 'warning');
  const submitLabel = hasWarnings ? t(`edit.${mode}.submitAnyway`) : t(`edit.${mode}.submit`);

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      <div ref={summary} tabIndex={-1}>
        {failure !== undefined && <ProblemMessage error={failure} />}
        {hasWarnings && (
          <MessageBar intent="warning">
            <MessageBarBody>{t('edit.warningsFirst', { action: submitLabel })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <GroupNotes id="edit-form-notes" notes={notesAt(shown, 'form')} />

      {mode === 'edit' ? (
        <fieldset className={styles.section}>
          <legend className={styles.legend}>{t('register.who')}</legend>
          <ContactFields
            value={values}
            onChange={update}
            notes={{
              name: notesAt(shown, 'contact.name'),
              function: notesAt(shown, 'contact.function'),
              email: notesAt(shown, 'contact.email'),
            }}
          />
        </fieldset>
      ) : (
        <Text as="p">
          {t('edit.newDates.kept', {
            contact: `${signup.contact.name} (${signup.contact.email})`,
            scan: t(`scan.${signup.scanStatus}`),
          })}
        </Text>
      )}

      <section className={styles.groupMessage} aria-labelledby="edit-slots">
        <h3 id="edit-slots" className={styles.legend}>
          {mode === 'edit' ? t('edit.edit.slots') : t('edit.newDates.slots')}
        </h3>
        {!slotsEditable && <Text as="p">{t('edit.edit.slotsLocked')}</Text>}
        <GroupNotes id="edit-slots-notes" notes={notesAt(shown, 'preferences')} />
        {slotsEditable && (
          <SlotFields
            slots={values.slots}
            notes={shown}
            window={props.campaign.window}
            defaultDurationMinutes={props.campaign.defaultDurationMinutes}
            onChange={(slots) => update({ slots })}
          />
        )}
      </section>

      {mode === 'edit' ? (
        <fieldset className={styles.section}>
          <legend className={styles.legend}>{t('register.more')}</legend>
          <Field label={t('register.scan.label')} hint={t('register.scan.hint')}>
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
        </fieldset>
      ) : (
        <Field label={t('edit.newDates.reason')} hint={t('edit.newDates.reasonHint')}>
          <Textarea value={values.reason} onChange={(_, d) => update({ reason: d.value })} />
        </Field>
      )}

      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={command.isRunning}
          {...(command.isRunning ? { icon: <Spinner size="tiny" /> } : {})}
        >
          {command.isRunning ? t('edit.saving') : submitLabel}
        </Button>
      </div>
    </form>
  );
}
