// A mailbox (a user's inbox or an external address's mailbox), newest first. Meeting requests
// get the answer buttons while the meeting is still on.
import type { SandboxContext } from '../context.js';
import { findCalendarItem } from '../calendar/index.js';
import { parseLocalDateTime, resolveTimeZone } from '../calendar/time-zones.js';
import type { StoredMessage } from '../mail/index.js';
import { answerForm } from './answer-form.js';
import { formatDateTime, html, type Html } from './layout.js';

const TYPE_LABELS: Readonly<Record<string, string>> = {
  meetingRequest: 'Uitnodiging',
  meetingCancelled: 'Annulering',
  meetingAccepted: 'Geaccepteerd',
  meetingTenativelyAccepted: 'Voorlopig geaccepteerd',
  meetingDeclined: 'Geweigerd',
};

function textOf(body: StoredMessage['message']['body']): string {
  const text =
    body.contentType === 'html'
      ? body.content
          .replace(/<(style|script)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
          .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, '\n')
          .replace(/<[^>]+>/g, '')
          .replace(/&nbsp;/g, ' ')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')
      : body.content;
  return text.trim().slice(0, 1200);
}

/** A dateTimeTimeZone of a meeting message, shown in Amsterdam time when it can be read. */
function meetingTime(value: { readonly dateTime: string; readonly timeZone: string }): string {
  const zone = resolveTimeZone(value.timeZone);
  if (!zone) return `${value.dateTime} (${value.timeZone})`;
  return formatDateTime(parseLocalDateTime(value.dateTime, zone, 'meeting'));
}

export interface MailboxOwner {
  /** User id, or undefined for an external mailbox. */
  readonly userId: string | undefined;
  readonly address: string;
}

/** The answer form of a meeting request, when the recipient can still answer it. */
function answerFor(
  ctx: SandboxContext,
  owner: MailboxOwner,
  message: StoredMessage,
  returnTo: string,
  key: string,
): Html | string {
  const meeting = message.message.meeting;
  if (meeting?.type !== 'meetingRequest') return '';
  const subject = message.message.subject;
  if (owner.userId) {
    const copyId = meeting.recipientEventIds?.[owner.address.toLowerCase()];
    const copy = copyId ? findCalendarItem(ctx, copyId) : undefined;
    if (!copy || copy.isCancelled)
      return html`<p class="muted">Deze vergadering is geannuleerd of verwijderd.</p>`;
    const current = copy.isDeclined ? 'declined' : copy.response;
    return answerForm({
      attendee: owner.userId,
      eventId: copy.id,
      subject,
      current,
      returnTo,
      key,
    });
  }
  const organizerEvent = findCalendarItem(ctx, meeting.organizerEventId);
  const attendee = organizerEvent?.attendees.find(
    (a) => a.emailAddress.address.toLowerCase() === owner.address.toLowerCase(),
  );
  if (!organizerEvent || !attendee) {
    return html`<p class="muted">Deze vergadering is geannuleerd of verwijderd.</p>`;
  }
  return answerForm({
    attendee: owner.address,
    eventId: organizerEvent.id,
    subject,
    current: attendee.status.response,
    returnTo,
    key,
  });
}

export function renderMailbox(
  ctx: SandboxContext,
  owner: MailboxOwner,
  messages: readonly StoredMessage[],
  returnTo: string,
): Html {
  if (messages.length === 0) return html`<p class="muted">Geen berichten.</p>`;
  return html`<ol class="inbox">
    ${messages.map((stored, n) => {
      const m = stored.message;
      const type = m.meeting ? TYPE_LABELS[m.meeting.type] : undefined;
      const when =
        m.meeting?.start && m.meeting.end
          ? html`<p>Wanneer: ${meetingTime(m.meeting.start)} – ${meetingTime(m.meeting.end)}</p>`
          : '';
      const body = textOf(m.body);
      return html`<li class="card">
        <article aria-labelledby="bericht-${n}">
          <h3 id="bericht-${n}">
            ${type ? html`<span class="muted">${type}:</span> ` : ''}${m.subject || '(geen onderwerp)'}
          </h3>
          <p class="muted">
            Van ${m.from.name ?? m.from.address} &lt;${m.from.address}&gt; · ontvangen
            ${formatDateTime(Date.parse(stored.receivedDateTime))}${stored.isRead ? '' : ' · ongelezen'}
          </p>
          ${when} ${body ? html`<div class="body-text">${body}</div>` : ''}
          ${answerFor(ctx, owner, stored, returnTo, `m${n}`)}
        </article>
      </li>`;
    })}
  </ol>`;
}
