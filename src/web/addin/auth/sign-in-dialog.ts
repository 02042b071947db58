// The sign-in fallback in a real Outlook: the identity provider's page cannot be shown inside the
// task pane's frame, so it opens in an Office dialog (displayDialogAsync) on this same page
// (addin.html?dialog=sign-in). The dialog signs in with the common browser flow and hands the
// access token to the task pane with messageParent; the pane keeps it in memory.
import { SignInRequired } from '../../common/api/api-errors.js';

export type DialogMessage =
  | { readonly type: 'signed-in'; readonly accessToken: string }
  | { readonly type: 'failed'; readonly reason: string };

/** Office could not open the dialog (e.g. 12007: one is open already; 12009: pop-up blocked). */
export class DialogUnavailable extends Error {
  constructor(readonly code: number) {
    super(`the sign-in dialog could not be opened (${code})`);
    this.name = 'DialogUnavailable';
  }
}

/** The user closed the dialog before signing in (12006). */
export class DialogClosed extends SignInRequired {
  constructor() {
    super('the sign-in dialog was closed');
    this.name = 'DialogClosed';
  }
}

function parseMessage(text: string): DialogMessage | undefined {
  try {
    const value = JSON.parse(text) as Partial<DialogMessage>;
    if (value.type === 'signed-in' && typeof value.accessToken === 'string') {
      return { type: 'signed-in', accessToken: value.accessToken };
    }
    if (value.type === 'failed') return { type: 'failed', reason: String(value.reason ?? '') };
  } catch (error) {
    console.warn('unreadable message from the sign-in dialog', error);
  }
  return undefined;
}

/** Opens the dialog and resolves with the access token it signed in for. */
export function openSignInDialog(url: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    Office.context.ui.displayDialogAsync(
      url,
      { height: 60, width: 30, promptBeforeOpen: false },
      (result) => {
        if (result.status === Office.AsyncResultStatus.Failed) {
          reject(new DialogUnavailable(result.error.code));
          return;
        }
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (args) => {
          if (!('message' in args)) return;
          // Only our own page may hand over a token (origin is undefined on older clients).
          if (args.origin !== undefined && args.origin !== window.location.origin) return;
          dialog.close();
          const message = parseMessage(args.message);
          if (message?.type === 'signed-in') resolve(message.accessToken);
          else reject(new SignInRequired(message?.reason || 'the sign-in did not finish'));
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
          // 12002/12003/12006: the dialog navigated away or was closed: no sign-in.
          reject(new DialogClosed());
        });
      },
    );
  });
}

/** In the dialog: tell the task pane how the sign-in ended. */
export function sendToParent(message: DialogMessage): void {
  Office.context.ui.messageParent(JSON.stringify(message), {
    targetOrigin: window.location.origin,
  });
}
