// Cancelling a sign-up: a reason is required (it goes to the trainers and the municipality),
// every hold or the confirmed workshop is released.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Spinner,
  Text,
  Textarea,
} from '@fluentui/react-components';
import { CalendarCancel20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSignupView } from '../../../common/api/api-types.js';
import { useNotify } from '../../../common/components/notify.js';
import { ProblemMessage } from '../../../common/components/problem-message.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useCommand } from '../../../common/services/use-command.js';

export function CancelSignup(props: {
  signup: TSignupView;
  onCancelled: (signup: TSignupView) => void;
}) {
  const { t } = useTranslation();
  const { api } = useAppServices();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [isReasonMissing, setReasonMissing] = useState(false);
  const command = useCommand((text: string) => api.cancelSignup(props.signup.id, text));
  const name = props.signup.municipality.name;

  async function cancel() {
    if (reason.trim() === '') {
      setReasonMissing(true);
      return;
    }
    finish(await command.run(reason.trim()));
  }

  function finish(result: TSignupView | undefined) {
    if (!result) return;
    setOpen(false);
    notify(t('cancel.done', { name }));
    props.onCancelled(result);
  }

  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<CalendarCancel20Regular />}>{t('cancel.open')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('cancel.title', { name })}</DialogTitle>
          <DialogContent>
            <Text as="p">{t('cancel.intro')}</Text>
            <Field
              label={t('cancel.reason')}
              required
              {...(isReasonMissing
                ? {
                    validationState: 'error' as const,
                    validationMessage: t('cancel.reasonRequired'),
                  }
                : {})}
            >
              <Textarea
                value={reason}
                onChange={(_, d) => {
                  setReason(d.value);
                  setReasonMissing(false);
                }}
              />
            </Field>
            {command.state.status === 'failed' && (
              <ProblemMessage
                error={command.state.error}
                action={t('cancel.confirm')}
                onRetry={() => void command.retry().then(finish)}
              />
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('common.back')}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              disabled={command.isRunning}
              {...(command.isRunning ? { icon: <Spinner size="tiny" /> } : {})}
              onClick={() => void cancel()}
            >
              {t('cancel.confirm')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
