// A week of one calendar, Monday to Sunday in Europe/Amsterdam: all-day items on top, timed
// items placed on a 07:00–24:00 grid (one line per hour), overlapping items side by side.
// Free/busy is shown as text and as a border/fill pattern, never by colour alone.
import { DateTime } from 'luxon';
import type { CalendarItem } from '../calendar/index.js';
import { answerForm, RESPONSE_LABELS, SHOW_AS_LABELS } from './answer-form.js';
import { formatTime, html, type Html, ZONE } from './layout.js';

const GRID_START_HOUR = 7;
const GRID_HOURS = 17;
const HOUR_REM = 2.4;

/** Monday 00:00 of an ISO week ("2022-W24"), or undefined when the text is not one. */
export function parseIsoWeek(text: string | undefined): DateTime | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(text ?? '');
  if (!match) return undefined;
  const start = DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
    { zone: ZONE },
  );
  return start.isValid ? start.startOf('day') : undefined;
}

export function isoWeekText(day: DateTime): string {
  return `${day.weekYear}-W${String(day.weekNumber).padStart(2, '0')}`;
}

function itemLabel(item: CalendarItem): Html {
  return html`<span class="time"
      >${item.isAllDay ? 'Hele dag' : `${formatTime(item.startMs)}–${formatTime(item.endMs)}`}</span
    >
    <strong>${item.subject || '(geen onderwerp)'}</strong>
    <span class="status"
      >${item.isCancelled ? 'Geannuleerd · ' : ''}${SHOW_AS_LABELS[item.showAs] ?? item.showAs}${item.isOrganizer ? '' : ` · ${RESPONSE_LABELS[item.response] ?? item.response}`}</span
    >
    ${item.location ? html`<span class="muted">${item.location}</span>` : ''}`;
}

function classesOf(item: CalendarItem): string {
  return `event showas-${item.showAs}${item.isCancelled ? ' cancelled' : ''}`;
}

/** Lane per item so that overlapping items sit side by side. */
function assignLanes(items: readonly CalendarItem[]): {
  lanes: Map<string, number>;
  count: number;
} {
  const laneEnds: number[] = [];
  const lanes = new Map<string, number>();
  for (const item of items) {
    let lane = laneEnds.findIndex((end) => end <= item.startMs);
    if (lane < 0) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = item.endMs;
    lanes.set(item.id, lane);
  }
  return { lanes, count: Math.max(1, laneEnds.length) };
}

function renderDay(day: DateTime, items: readonly CalendarItem[]): Html {
  const dayStart = day.toMillis();
  const dayEnd = day.plus({ days: 1 }).toMillis();
  const onDay = items.filter((i) => i.startMs < dayEnd && i.endMs > dayStart);
  const allDay = onDay.filter((i) => i.isAllDay || i.endMs - i.startMs >= 86_400_000);
  const timed = onDay.filter((i) => !allDay.includes(i) && i.startMs >= dayStart);
  const { lanes, count } = assignLanes(timed);
  const gridStart = day.set({ hour: GRID_START_HOUR }).toMillis();
  const headingId = `dag-${day.toISODate() ?? ''}`;
  const placed = timed.map((item) => {
    const from = Math.max(0, (item.startMs - gridStart) / 3_600_000);
    const to = Math.min(GRID_HOURS, (Math.min(item.endMs, dayEnd) - gridStart) / 3_600_000);
    const lane = lanes.get(item.id) ?? 0;
    const style = `top:${(from * HOUR_REM).toFixed(2)}rem;height:${(Math.max(0.5, to - from) * HOUR_REM).toFixed(2)}rem;left:${((lane * 100) / count).toFixed(1)}%;width:${(100 / count).toFixed(1)}%`;
    return html`<li class="${classesOf(item)}" style="${style}">${itemLabel(item)}</li>`;
  });
  return html`<section class="day" aria-labelledby="${headingId}">
    <h3 id="${headingId}">${day.setLocale('nl').toFormat('cccc d LLLL')}</h3>
    <ul class="allday" aria-label="Hele dag">
      ${allDay.map((item) => html`<li class="${classesOf(item)}">${itemLabel(item)}</li>`)}
    </ul>
    <ol class="grid" aria-label="Agenda ${day.setLocale('nl').toFormat('cccc')}, 07:00 tot 24:00">
      ${placed}
    </ol>
  </section>`;
}

export interface WeekViewInput {
  readonly ownerId: string;
  readonly weekStart: DateTime;
  readonly items: readonly CalendarItem[];
  readonly returnTo: string;
}

export function renderWeek(input: WeekViewInput): Html {
  const days = Array.from({ length: 7 }, (_, i) => input.weekStart.plus({ days: i }));
  const invitations = input.items.filter((i) => !i.isOrganizer && !i.isCancelled);
  return html`<div class="week">${days.map((day) => renderDay(day, input.items))}</div>
    <p class="muted">
      Raster van 07:00 tot 24:00 (Europe/Amsterdam), één lijn per uur. Patroon: effen = bezet,
      gestreept = voorlopig, dubbele rand = afwezig, gestippeld = vrij of elders aan het werk.
    </p>
    <h2 id="uitnodigingen">
      Uitnodigingen in deze week <span lang="en" class="muted">(invitations this week)</span>
    </h2>
    ${
      invitations.length === 0
        ? html`<p class="muted">Geen uitnodigingen in deze week.</p>`
        : html`<ul class="invites">
            ${invitations.map(
              (item, n) =>
                html`<li class="card">
                  <h3>${item.subject}</h3>
                  <p>
                    ${DateTime.fromMillis(item.startMs, { zone: ZONE }).setLocale('nl').toFormat('cccc d LLLL yyyy HH:mm')}–${formatTime(item.endMs)}
                    · organisator ${item.organizer.name} &lt;${item.organizer.address}&gt;
                  </p>
                  ${answerForm({ attendee: input.ownerId, eventId: item.id, subject: item.subject, current: item.response, returnTo: input.returnTo, key: `w${n}` })}
                </li>`,
            )}
          </ul>`
    }`;
}
