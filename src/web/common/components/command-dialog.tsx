// The parts a dialog that gives a command shares (confirm a slot, cancel a sign-up): a reason the
// user must write before it goes, the API's problem with "try again", and the footer whose main
// button shows the command running and cannot send it twice.
import {
  Button,
  DialogActions,
  DialogTrigger,
  Field,
  Spinner,
  Textarea,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../services/use-command.js';
import { ProblemMessage } from './problem-message.js';

export interface Reason {
  readonly value: string;
  readonly isMissing: boolean;
  change(value: string): void;
  /** The reason without surrounding spaces, or undefined (and the field marked) when empty. */
  take(): string | undefined;
}

export function useReason(): Reason {
  const [value, setValue] = useState('');
  const [isMissing, setMissing] = useState(false);
  return {
    value,
    isMissing,
    change(next) {
      setValue(next);
      setMissing(false);
    },
    take() {
      const trimmed = value.trim();
      if (trimmed === '') setMissing(true);
      return trimmed === '' ? undefined : trimmed;
    },
  };
}

export function ReasonField(props: {
  readonly reason: Reason;
  readonly label: string;
  readonly hint?: string;
  /** Shown at the field when the user tried to go on without a reason. */
  readonly missingMessage: string;
}) {
  return (
    <Field
      label={props.label}
      required
      {...(props.hint === undefined ? {} : { hint: props.hint })}
      {...(props.reason.isMissing
        ? { validationState: 'error' as const, validationMessage: props.missingMessage }
        : {})}
    >
      <Textarea value={props.reason.value} onChange={(_, d) => props.reason.change(d.value)} />
    </Field>
  );
}

/** The API's problem when the command failed, with a retry of exactly the same input. */
export function CommandProblem<O>(props: {
  readonly command: Command<never, O>;
  readonly action: string;
  readonly onDone: (result: O | undefined) => void;
}) {
  const { command } = props;
  if (command.state.status !== 'failed') return null;
  return (
    <ProblemMessage
      error={command.state.error}
      action={props.action}
      onRetry={() => void command.retry().then(props.onDone)}
    />
  );
}

/** "Back" closes the dialog; the main button gives the command and shows it running. */
export function CommandDialogActions(props: {
  readonly isRunning: boolean;
  readonly submitLabel: string;
  readonly runningLabel?: string;
  readonly onSubmit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <DialogActions>
      <DialogTrigger disableButtonEnhancement>
        <Button>{t('common.back')}</Button>
      </DialogTrigger>
      <Button
        appearance="primary"
        disabled={props.isRunning}
        {...(props.isRunning ? { icon: <Spinner size="tiny" /> } : {})}
        onClick={props.onSubmit}
      >
        {props.isRunning ? (props.runningLabel ?? props.submitLabel) : props.submitLabel}
      </Button>
    </DialogActions>
  );
}
