// The Accept / Tentative / Decline form of an invitation (POST /inspector/respond), and the
// Dutch labels of answers and free/busy states.
import { html, type Html } from './layout.js';

export const RESPONSE_LABELS: Readonly<Record<string, string>> = {
  none: 'Nog niet beantwoord',
  notResponded: 'Niet gereageerd',
  organizer: 'Organisator',
  accepted: 'Geaccepteerd',
  tentativelyAccepted: 'Voorlopig geaccepteerd',
  declined: 'Geweigerd',
};

export const SHOW_AS_LABELS: Readonly<Record<string, string>> = {
  free: 'Vrij',
  tentative: 'Voorlopig',
  busy: 'Bezet',
  oof: 'Afwezig',
  workingElsewhere: 'Elders aan het werk',
  unknown: 'Onbekend',
};

export interface AnswerTarget {
  /** User id, or the address of an external mailbox. */
  readonly attendee: string;
  /** The attendee's copy, or the organizer's event for an external address. */
  readonly eventId: string;
  readonly subject: string;
  /** The current answer (a responseType). */
  readonly current: string;
  /** Where to go back to after answering (an /inspector path). */
  readonly returnTo: string;
  /** Unique per page, for label/field ids. */
  readonly key: string;
}

export function answerForm(target: AnswerTarget): Html {
  const commentId = `opmerking-${target.key}`;
  return html`<form
    class="answer"
    method="post"
    action="/inspector/respond"
    aria-label="Antwoord op uitnodiging ${target.subject}"
  >
    <input type="hidden" name="attendee" value="${target.attendee}" />
    <input type="hidden" name="event" value="${target.eventId}" />
    <input type="hidden" name="returnTo" value="${target.returnTo}" />
    <p class="muted">
      Huidig antwoord: <strong>${RESPONSE_LABELS[target.current] ?? target.current}</strong>
    </p>
    <label for="${commentId}"
      >Opmerking (optioneel) <span lang="en" class="muted">comment</span>
      <input id="${commentId}" name="comment" type="text" maxlength="500"
    /></label>
    <button type="submit" name="answer" value="accept">
      Accepteren <span lang="en" class="muted">(accept)</span>
    </button>
    <button type="submit" name="answer" value="tentativelyAccept">
      Voorlopig <span lang="en" class="muted">(tentative)</span>
    </button>
    <button type="submit" name="answer" value="decline">
      Weigeren <span lang="en" class="muted">(decline)</span>
    </button>
  </form>`;
}
