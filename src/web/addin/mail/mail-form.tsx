// The mail as the API read it, for the user to check and correct: municipality, slots,
// questions, contact; then the trainers' availability for exactly these slots, the pair, and
// one button that registers the sign-up and places the holds.
import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
} from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZRegisterSignupRequest } from '../../../contract/operations/register-signup.js';
import { ApiProblem } from '../../common/api/api-errors.js';
import type {
  TFieldMessage,
  TPairView,
  TRegisterSignupRequest,
  TRegisterSignupResponse,
} from '../../common/api/api-types.js';
import { Loading } from '../../common/components/loading.js';
import { ProblemMessage } from '../../common/components/problem-message.js';
import { validateRequest } from '../../common/forms/validate-request.js';
import { currentLanguage } from '../../common/i18n/i18n.js';
import { pairKey } from '../../common/pairs/pair-key.js';
import { PairPicker } from '../../common/pairs/pair-picker.js';
import { OverlapWarning, overlapsOf } from '../../common/pairs/overlap-warning.js';
import { useCommand } from '../../common/services/use-command.js';
import { signupsChanged } from '../../common/services/query-keys.js';
import { useSessionDraft } from '../../common/services/use-session-draft.js';
import type { AddinApi } from '../api/addin-api.js';
import {
  MAX_SLOTS,
  emptySlot,
  isMailDraft,
  messagesAt,
  nextSlotNumber,
  toAvailabilityInput,
  toRegisterRequest,
  type MailDraft,
  type SlotDraft,
} from '../flows/mail-draft.js';
import {
  choosePair,
  registerAndPropose,
  type MailReading,
  type SubmitStep,
} from '../flows/mail-flow.js';
import { useAddinT } from '../i18n/addin-i18n.js';
import { useAddinStyles } from '../shell/use-addin-styles.js';
import { AvailabilityList } from './availability-list.js';
import { ContactFields } from './contact-fields.js';
import { MunicipalityField, blockingSignup } from './municipality-field.js';
import { ResultPanel } from './result-panel.js';
import { SlotEditor } from './slot-editor.js';
import { useAvailability } from './use-availability.js';

/** The draft to start from: a municipality outside the user's RIEC cannot be kept. */
function initialDraft(reading: MailReading): MailDraft {
  const isOwn = reading.municipalities.municipalities.some(
    (m) => m.cbsCode === reading.draft.cbsCode,
  );
  return isOwn ? reading.draft : { ...reading.draft, cbsCode: '' };
}

interface SubmitInput {
  readonly request: TRegisterSignupRequest;
  readonly pair: TPairView;
  readonly acknowledgeOverlaps?: boolean;
}

export interface MailFormProps {
  readonly api: AddinApi;
  readonly reading: MailReading;
  /** Which mail this is: the user's corrections to it are kept under this key (issue 18). */
  readonly draftKey: string;
}

export function MailForm({ api, reading, draftKey }: MailFormProps) {
  const at = useAddinT();
  const styles = useAddinStyles();
  // The corrections survive a pane that fails to render and the pane being opened again.
  const [draft, setDraft, clearDraft] = useSessionDraft<MailDraft>(
    draftKey,
    () => initialDraft(reading),
    isMailDraft,
  );
  const [nextSlotId, setNextSlotId] = useState(() => nextSlotNumber(draft.slots));
  const [chosenPair, setChosenPair] = useState<string | undefined>(undefined);
  const [step, setStep] = useState<SubmitStep | undefined>(undefined);

  const input = toAvailabilityInput(draft);
  const availability = useAvailability(api, input.ready ? input.request : undefined);
  const pairs = availability.data?.pairs ?? [];
  const pair = choosePair(pairs, chosenPair);

  // The contract's own schema, checked before anything is sent (issue 17, item 3).
  const [schemaErrors, setSchemaErrors] = useState<readonly TFieldMessage[]>([]);
  const { i18n } = useTranslation();
  const send = (chosen: TPairView, acknowledgeOverlaps = false) => {
    const request = toRegisterRequest(draft);
    const issues = validateRequest(ZRegisterSignupRequest, request, currentLanguage(i18n));
    setSchemaErrors(issues);
    if (issues.length === 0) void submit.run({ request, pair: chosen, acknowledgeOverlaps });
  };

  // Once the sign-up exists, a retry places the holds for it instead of registering it again.
  const [registered, setRegistered] = useState<TRegisterSignupResponse | undefined>(undefined);

  const submit = useCommand(
    useCallback(
      ({ request, pair: chosen, acknowledgeOverlaps = false }: SubmitInput) =>
        registerAndPropose(api, request, chosen, {
          onStep: setStep,
          onRegistered: (response) => {
            clearDraft();
            setRegistered(response);
          },
          registered,
          acknowledgeOverlaps,
        }),
      [api, registered, clearDraft],
    ),
    { invalidates: signupsChanged },
  );
  if (submit.state.status === 'done') return <ResultPanel result={submit.state.result} />;

  const failure = submit.state.status === 'failed' ? submit.state.error : undefined;
  const overlaps = overlapsOf(failure);
  // The overlaps are asked about below, at the button; the other field errors at their field.
  const apiErrors = failure instanceof ApiProblem && !overlaps ? failure.fieldErrors : [];
  const fieldErrors = [...schemaErrors, ...apiErrors];
  const municipalities = reading.municipalities.municipalities;
  const blocking = blockingSignup(municipalities.find((m) => m.cbsCode === draft.cbsCode));
  const canSubmit =
    draft.cbsCode !== '' &&
    !blocking &&
    input.ready &&
    availability.data !== undefined &&
    pair !== undefined &&
    !submit.isRunning;

  const change = (next: Partial<MailDraft>) => setDraft((previous) => ({ ...previous, ...next }));
  const changeSlot = (index: number, slot: SlotDraft) =>
    change({ slots: draft.slots.map((s, i) => (i === index ? slot : s)) });

  return (
    <>
      <fieldset className={styles.section}>
        <legend className={styles.legend}>{at('mail.municipality.legend')}</legend>
        <MunicipalityField
          municipalities={municipalities}
          extracted={reading.extraction.municipality}
          value={draft.cbsCode}
          onChange={(cbsCode) => change({ cbsCode })}
          messages={messagesAt(fieldErrors, 'cbsCode')}
        />
      </fieldset>

      <section className={styles.section} aria-labelledby="slots-title">
        <Text as="h3" id="slots-title" className={styles.sectionHeading}>
          {at('mail.slots.legend')}
        </Text>
        {draft.slots.length === 0 && <Text>{at('mail.slots.none')}</Text>}
        {draft.slots.length > MAX_SLOTS && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              {at('mail.slots.tooMany', { count: draft.slots.length })}
            </MessageBarBody>
          </MessageBar>
        )}
        {draft.slots.map((slot, index) => (
          <SlotEditor
            key={slot.id}
            index={index}
            slot={slot}
            messages={{
              date: messagesAt(fieldErrors, `preferences.${index}.date`),
              start: messagesAt(fieldErrors, `preferences.${index}.start`),
              end: messagesAt(fieldErrors, `preferences.${index}.end`),
              slot: messagesAt(fieldErrors, `preferences.${index}`),
            }}
            onChange={(next) => changeSlot(index, next)}
            onRemove={() => change({ slots: draft.slots.filter((_, i) => i !== index) })}
          />
        ))}
        {messagesAt(fieldErrors, 'preferences').length > 0 && (
          <Text role="alert" className={styles.error}>
            {messagesAt(fieldErrors, 'preferences').join(' ')}
          </Text>
        )}
        {draft.slots.length < MAX_SLOTS && (
          <div>
            <Button
              appearance="secondary"
              size="small"
              icon={<Add20Regular />}
              onClick={() => {
                change({ slots: [...draft.slots, emptySlot(`slot-${nextSlotId}`)] });
                setNextSlotId((n) => n + 1);
              }}
            >
              {at('mail.slots.add')}
            </Button>
          </div>
        )}
      </section>

      {reading.extraction.questions.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{at('mail.questions.title')}</MessageBarTitle>
            {at('mail.questions.intro')}
            <ul className={styles.list}>
              {reading.extraction.questions.map((question) => (
                <li key={question} lang="nl">
                  {question}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      <ContactFields
        value={draft}
        onChange={change}
        messages={{
          name: messagesAt(fieldErrors, 'contact.name'),
          function: messagesAt(fieldErrors, 'contact.function'),
          email: messagesAt(fieldErrors, 'contact.email'),
          scan: messagesAt(fieldErrors, 'scanStatus'),
          remarks: messagesAt(fieldErrors, 'remarks'),
        }}
      />

      <section className={styles.section} aria-labelledby="availability-title">
        <Text as="h3" id="availability-title" className={styles.sectionHeading}>
          {at('mail.availability.title')}
        </Text>
        {!input.ready && <Text>{at('mail.availability.waiting')}</Text>}
        {availability.isLoading && <Loading label={at('mail.availability.loading')} />}
        {availability.error !== undefined && (
          <ProblemMessage error={availability.error} onRetry={availability.retry} />
        )}
        {availability.data && <AvailabilityList availability={availability.data} />}
      </section>

      {availability.data && (
        <section className={styles.section} aria-labelledby="pairs-title">
          <Text as="h3" id="pairs-title" className={styles.sectionHeading}>
            {at('mail.pairs.title')}
          </Text>
          {pairs.length === 0 ? (
            <Text>{at('mail.pairs.none')}</Text>
          ) : (
            <PairPicker
              pairs={pairs}
              value={pair ? pairKey(pair) : undefined}
              onChange={(chosen) => setChosenPair(pairKey(chosen))}
              disabled={submit.isRunning}
              labelledBy="pairs-title"
              shownAtFirst={3}
              compact
            />
          )}
        </section>
      )}

      <section className={styles.section} aria-label={at('mail.submit.action')}>
        <Text size={200} className={styles.muted}>
          {at('mail.submit.hint')}
        </Text>
        <div>
          <Button
            appearance="primary"
            disabled={!canSubmit}
            onClick={() => {
              if (pair) send(pair);
            }}
          >
            {at('mail.submit.button')}
          </Button>
        </div>
        {submit.isRunning && step && (
          <div role="status" aria-live="polite">
            <ProgressBar value={step === 'registering' ? 0.25 : 0.75} />
            <Text>
              {at('mail.submit.step', {
                step: step === 'registering' ? 1 : 2,
                label: at(`mail.submit.${step}`),
              })}
            </Text>
          </div>
        )}
        {failure !== undefined && registered && (
          <Text>
            {at('mail.submit.registeredOnly', { name: registered.signup.municipality.name })}
          </Text>
        )}
        {overlaps && (
          <OverlapWarning
            overlaps={overlaps}
            disabled={submit.isRunning}
            onPlaceAnyway={() => {
              if (pair) send(pair, true);
            }}
            onChooseAnother={submit.reset}
          />
        )}
        {failure !== undefined && !overlaps && (
          <ProblemMessage
            error={failure}
            action={at('mail.submit.action')}
            onRetry={submit.retry}
          />
        )}
      </section>
    </>
  );
}
