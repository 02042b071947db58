// The seeded calendars move with the day the sandbox is seeded, but keep their shape: relative to
// the current week, every person has the same items whatever the day. Demos and tests plan "three
// weeks from now" and must meet the same agendas on any day they run. (Berenschot's advisors are
// seeded by the same code; the RIEC tenant's app token cannot read their calendars.)
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { Sandbox } from '../../src/app.js';
import { appToken, startTestSandbox } from '../../src/testing.js';
import { fatima, graphClient, jeroen, sanne } from './calendar-fixtures.js';

const ZONE = 'Europe/Amsterdam';
const WEEKS = 10;

interface GraphEvent {
  subject: string;
  showAs: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
}

const sandboxes = new Map<string, Sandbox>();
afterAll(async () => {
  await Promise.all([...sandboxes.values()].map((s) => s.close()));
});

async function sandboxSeededOn(day: string): Promise<Sandbox> {
  let sandbox = sandboxes.get(day);
  if (!sandbox) {
    sandbox = await startTestSandbox({ seedDate: day });
    sandboxes.set(day, sandbox);
  }
  return sandbox;
}

/** A person's items from the seed day's Monday on, as (days after that Monday, local times). */
async function agendaFromWeekOf(day: string, upn: string): Promise<string[]> {
  const sandbox = await sandboxSeededOn(day);
  const client = graphClient(sandbox, await appToken(sandbox));
  const monday = DateTime.fromISO(day, { zone: ZONE }).startOf('week');
  const items: GraphEvent[] = [];
  let next: string | undefined = `/users/${upn}/calendarView?${new URLSearchParams({
    startDateTime: monday.toUTC().toISO()!,
    endDateTime: monday.plus({ weeks: WEEKS }).toUTC().toISO()!,
    $select: 'subject,showAs,start,end',
    $top: '200',
  })}`;
  while (next) {
    const page = (await client
      .api(next)
      .header('Prefer', 'outlook.timezone="W. Europe Standard Time"')
      .get()) as { value: GraphEvent[]; '@odata.nextLink'?: string };
    items.push(...page.value);
    next = page['@odata.nextLink'];
  }
  const local = (dateTime: string) => DateTime.fromISO(dateTime, { zone: ZONE });
  return items
    .map((e) => {
      const start = local(e.start.dateTime);
      const days = Math.round(start.startOf('day').diff(monday, 'days').days);
      return `+${days}d ${start.toFormat('HH:mm')}–${local(e.end.dateTime).toFormat('HH:mm')} ${e.showAs} ${e.subject}`;
    })
    .sort();
}

describe('the seeded calendars', () => {
  beforeAll(async () => {
    await Promise.all(['2026-11-28', '2026-12-01', '2027-03-10'].map(sandboxSeededOn));
  }, 120_000);

  it.each([fatima, jeroen, sanne])(
    'give $upn the same weeks, seeded on a Saturday, the Tuesday after or months later',
    async (person) => {
      const saturday = await agendaFromWeekOf('2026-11-28', person.upn);
      expect(saturday.length).toBeGreaterThan(WEEKS * 3);
      expect(await agendaFromWeekOf('2026-12-01', person.upn)).toEqual(saturday);
      expect(await agendaFromWeekOf('2027-03-10', person.upn)).toEqual(saturday);
    },
  );

  it('differ from person to person', async () => {
    const [a, b] = await Promise.all([
      agendaFromWeekOf('2026-12-01', fatima.upn),
      agendaFromWeekOf('2026-12-01', jeroen.upn),
    ]);
    expect(a).not.toEqual(b);
  });
});
