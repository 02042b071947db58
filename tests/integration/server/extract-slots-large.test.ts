// POST /api/extract-slots with long mails (issue 10, finding 4): a body up to the server's body
// limit is accepted and read up to 64 KB, in a worker thread, with a warning in Dutch and English
// and the same answer as the CLI; a body over the limit is refused with 413 as before.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { runExtractSlots } from '../../../src/cli/extract-slots.js';
import { closeSlotExtraction } from '../../../src/server/routes/mail/_slot-extraction.js';
import { expectStatus, startApiStack, type ApiStack } from './api-harness.js';
import { call, expectProblem, startTestServer } from './server-harness.js';

// A sandbox, a server and the extraction's worker thread (which loads TypeScript through tsx)
// on a busy machine with two cores.
jest.setTimeout(120_000);

const SANNE = 'sanne.devries';
const SLOT = 'dinsdag 14 juni 2022 van 19.30 tot 22.30 uur';
const LATER = 'donderdag 16 juni 2022 van 19.30 tot 22.30 uur';
const FILLER = 'Zie de bijlage voor het verslag van de vorige bijeenkomst.\n';

/** A sign-up, then `size` characters of other text, then a date that lies beyond 64 KB. */
function longText(size: number): string {
  return `${SLOT}\n${FILLER.repeat(Math.ceil(size / FILLER.length))}${LATER}\n`;
}

let stack: ApiStack;

beforeAll(async () => {
  // Four times the default body limit: room for a mail longer than the extraction reads.
  stack = await startApiStack({ server: { env: { BODY_LIMIT_BYTES: String(256 * 1024) } } });
});
afterAll(async () => {
  await stack?.close();
  await closeSlotExtraction();
});

describe('a long mail to extractSlots', () => {
  it('of 100 KB is read up to 64 KB, with a warning in Dutch and English', async () => {
    const text = longText(100 * 1024);
    const result = expectStatus(
      await stack.as(SANNE, '/api/extract-slots', {
        method: 'POST',
        body: { subject: 'Aanmelding', text, receivedAt: '2022-05-10' },
      }),
      200,
    );
    expect(result.body.slots.map((s: { start: string }) => s.start)).toEqual([
      '2022-06-14T19:30:00+02:00',
    ]);
    expect(result.body.warnings).toHaveLength(1);
    const [warning] = result.body.warnings;
    expect(warning.code).toBe('mail_cut');
    expect(warning.nl).toMatch(/^De mail is te lang om helemaal te lezen/);
    expect(warning.en).toMatch(/^The mail is too long to read in full/);
    expect(result.body.questions[0]).toBe(warning.nl);
  });

  it('answers what the CLI prints for the same mail', async () => {
    const text = longText(80 * 1024);
    let printed = '';
    const io = {
      stdin: (async function* () {
        yield Buffer.from(text);
      })(),
      stdout: { write: (chunk: string) => (printed += chunk) },
      stderr: { write: () => true },
    };
    expect(await runExtractSlots(['--received', '2022-05-10'], io)).toBe(0);
    const result = expectStatus(
      await stack.as(SANNE, '/api/extract-slots', {
        method: 'POST',
        body: { text, receivedAt: '2022-05-10' },
      }),
      200,
    );
    expect(result.body).toEqual(JSON.parse(printed));
  });

  it('in HTML is cut before its conversion too', async () => {
    const paragraph = '<p class="MsoNormal">Zie de bijlage voor het verslag.</p>\n';
    const html = `<p>${SLOT}</p>${paragraph.repeat(2000)}<p>${LATER}</p>`;
    const result = expectStatus(
      await stack.as(SANNE, '/api/extract-slots', {
        method: 'POST',
        body: { html, receivedAt: '2022-05-10' },
      }),
      200,
    );
    expect(result.body.slots).toHaveLength(1);
    expect(result.body.warnings.map((w: { code: string }) => w.code)).toEqual(['mail_cut']);
  });

  it('over the server’s body limit is refused with 413, as every request is', async () => {
    // The default limit of 64 KB: a request of 100 KB never reaches the extraction.
    const server = await startTestServer(stack.sandbox, {
      env: { BODY_LIMIT_BYTES: String(64 * 1024), RATE_LIMIT_MAX: '1000000' },
    });
    try {
      const answer = await call(server, '/api/extract-slots', {
        method: 'POST',
        token: await stack.token(SANNE),
        body: { text: longText(100 * 1024), receivedAt: '2022-05-10' },
      });
      expectProblem(answer, 413, 'PAYLOAD_TOO_LARGE');
    } finally {
      await server.close();
    }
  });
});
