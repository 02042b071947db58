// Feedback after an action ("Aanmelding vastgelegd"): a Fluent toast, which Fluent also
// announces to screen readers.
import {
  Toast,
  ToastBody,
  ToastTitle,
  Toaster,
  useToastController,
  type ToastIntent,
} from '@fluentui/react-components';
import { useCallback } from 'react';

export const TOASTER_ID = 'workshopplanner';

export function AppToaster() {
  return <Toaster toasterId={TOASTER_ID} position="bottom-end" pauseOnHover pauseOnWindowBlur />;
}

export type Notify = (title: string, options?: { intent?: ToastIntent; body?: string }) => void;

export function useNotify(): Notify {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (title, options = {}) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{title}</ToastTitle>
          {options.body && <ToastBody>{options.body}</ToastBody>}
        </Toast>,
        { intent: options.intent ?? 'success', timeout: 6000 },
      ),
    [dispatchToast],
  );
}
