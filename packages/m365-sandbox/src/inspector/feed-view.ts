// A user's Teams activity feed in the inspector: the filled-in template text, the preview, the
// activity type and app, and the link the notification opens (the deep link into the tab).
import type { FeedEntry } from '../teamwork/index.js';
import { formatDateTime, html } from './layout.js';

export function renderFeed(entries: readonly FeedEntry[]) {
  if (entries.length === 0) return html`<p class="muted">Geen meldingen.</p>`;
  return html`<ol class="inbox feed">
    ${entries.map(
      (entry) =>
        html`<li data-activity-type="${entry.activityType}">
          <p><strong>${entry.text}</strong></p>
          ${entry.previewText ? html`<p>${entry.previewText}</p>` : ''}
          <p class="muted">
            ${formatDateTime(Date.parse(entry.createdDateTime))} · ${entry.activityType} · app
            ${entry.teamsAppId}${entry.chainId !== null ? ` · keten ${entry.chainId}` : ''}
          </p>
          ${
            entry.webUrl
              ? html`<p>
                  <a href="${entry.webUrl}" rel="noreferrer">Openen (${entry.topic.value})</a>
                </p>`
              : ''
          }
        </li>`,
    )}
  </ol>`;
}
