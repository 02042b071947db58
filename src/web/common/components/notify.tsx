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

/**
 * Top left, over the app's name in the header: the one place that is neither page content (the
 * availability grid runs to the bottom right of the pane) nor a control (issue 18, item 13).
 */
export function AppToaster() {
  return <Toaster toasterId={TOASTER_ID} position="top-start" pauseOnHover pauseOnWindowBlur />;
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
