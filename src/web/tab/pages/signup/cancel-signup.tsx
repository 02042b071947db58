// Cancelling a sign-up: a reason is required (it goes to the trainers and the municipality),
// every hold or the confirmed workshop is released.
import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Text,
} from '@fluentui/react-components';
import { CalendarCancel20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TSignupView } from '../../../common/api/api-types.js';
import { useNotify } from '../../../common/components/notify.js';
import {
  CommandDialogActions,
  CommandProblem,
  ReasonField,
  useReason,
} from '../../../common/components/command-dialog.js';
import { useAppServices } from '../../../common/services/app-services.js';
import { useCommand } from '../../../common/services/use-command.js';
import { signupChanged } from '../../../common/services/query-keys.js';

export function CancelSignup(props: {
  signup: TSignupView;
  onCancelled: (signup: TSignupView) => void;
}) {
  const { t } = useTranslation();
  const { api } = useAppServices();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const reason = useReason();
  const command = useCommand((text: string) => api.cancelSignup(props.signup.id, text), {
    invalidates: () => signupChanged(props.signup.id),
  });
  const name = props.signup.municipality.name;

  async function cancel() {
    const given = reason.take();
    if (given !== undefined) finish(await command.run(given));
  }

  function finish(result: TSignupView | undefined) {
    if (!result) return;
    setOpen(false);
    notify(t('cancel.done', { name }));
    props.onCancelled(result);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(_, data) => {
        setOpen(data.open);
        if (data.open) command.reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<CalendarCancel20Regular />}>{t('cancel.open')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('cancel.title', { name })}</DialogTitle>
          <DialogContent>
            <Text as="p">{t('cancel.intro')}</Text>
            <ReasonField
              reason={reason}
              label={t('cancel.reason')}
              missingMessage={t('cancel.reasonRequired')}
            />
            <CommandProblem command={command} action={t('cancel.confirm')} onDone={finish} />
          </DialogContent>
          <CommandDialogActions
            isRunning={command.isRunning}
            submitLabel={t('cancel.confirm')}
            onSubmit={() => void cancel()}
          />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
