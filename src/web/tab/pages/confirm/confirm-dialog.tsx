// The last check before confirming: which slot, who gets the invitation, and — when not both
// trainers accepted it in Outlook — the reason for the exception, which is logged.
import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
  Text,
} from '@fluentui/react-components';
import { CalendarCheckmark20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConfirmSlotRequest, TSignupView } from '../../../common/api/api-types.js';
import {
  CommandDialogActions,
  CommandProblem,
  ReasonField,
  useReason,
} from '../../../common/components/command-dialog.js';
import { formatSlot } from '../../../common/format/format-dates.js';
import { currentLanguage } from '../../../common/i18n/i18n.js';
import { useCommand } from '../../../common/services/use-command.js';
import { signupChanged } from '../../../common/services/query-keys.js';

export interface ConfirmDialogProps {
  readonly signup: TSignupView;
  readonly slotIndex: number;
  /** Not both trainers accepted this slot: the user must give a reason. */
  readonly needsOverride: boolean;
  readonly onConfirm: (request: TConfirmSlotRequest) => Promise<TSignupView>;
  readonly onConfirmed: (signup: TSignupView) => void;
  readonly disabled?: boolean;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const reason = useReason();
  const command = useCommand(props.onConfirm, {
    invalidates: () => signupChanged(props.signup.id),
  });
  const option = props.signup.options.find((o) => o.slotIndex === props.slotIndex);
  const slotText = option
    ? formatSlot(option.slot.start, option.slot.end, currentLanguage(i18n))
    : '';

  async function confirm() {
    if (!props.needsOverride) {
      finish(await command.run({ slotIndex: props.slotIndex }));
      return;
    }
    const given = reason.take();
    if (given === undefined) return;
    finish(await command.run({ slotIndex: props.slotIndex, override: { reason: given } }));
  }

  function finish(result: TSignupView | undefined) {
    if (!result) return;
    setOpen(false);
    props.onConfirmed(result);
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
        <Button
          appearance="primary"
          icon={<CalendarCheckmark20Regular />}
          disabled={props.disabled ?? false}
        >
          {t('confirm.open', { number: props.slotIndex + 1 })}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            {t('confirm.dialogTitle', { name: props.signup.municipality.name })}
          </DialogTitle>
          <DialogContent>
            <Text as="p">
              {t('confirm.dialogText', {
                number: props.slotIndex + 1,
                slot: slotText,
                contact: `${props.signup.contact.name} (${props.signup.contact.email})`,
              })}
            </Text>
            {props.needsOverride && (
              <>
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{t('confirm.overrideWarning')}</MessageBarBody>
                </MessageBar>
                <ReasonField
                  reason={reason}
                  label={t('confirm.overrideReason')}
                  hint={t('confirm.overrideHint')}
                  missingMessage={t('confirm.overrideRequired')}
                />
              </>
            )}
            <CommandProblem command={command} action={t('confirm.submit')} onDone={finish} />
          </DialogContent>
          <CommandDialogActions
            isRunning={command.isRunning}
            submitLabel={t('confirm.submit')}
            runningLabel={t('confirm.submitting')}
            onSubmit={() => void confirm()}
          />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
