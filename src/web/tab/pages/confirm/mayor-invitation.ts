// What the mayor's office receives when a slot is confirmed: the server's own text for that
// option (src/app/texts.ts, sent in the view), so the preview is exactly what goes out. The
// invitation is always Dutch, whatever language the account holder reads the tab in.
import type { TSignupView } from '../../../common/api/api-types.js';

export interface MayorInvitation {
  readonly to: { readonly name: string; readonly email: string };
  readonly subject: string;
  readonly when: string;
  readonly location: string;
  /** Everyone the invitation goes to: both trainers and the mayor's office. */
  readonly attendees: readonly string[];
  readonly paragraphs: readonly string[];
}

export function composeMayorInvitation(
  signup: TSignupView,
  slotIndex: number,
): MayorInvitation | undefined {
  const invitation = signup.options.find((o) => o.slotIndex === slotIndex)?.invitation;
  if (!invitation) return undefined;
  return {
    to: signup.contact,
    subject: invitation.subject,
    when: invitation.when,
    location: invitation.location,
    attendees: invitation.attendees.map((a) => `${a.name} <${a.email}>`),
    paragraphs: invitation.paragraphs,
  };
}
