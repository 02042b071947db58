// The real CLI, as a user runs it: `npx tsx src/cli/main.ts extract-slots < mail`. Checks what
// lands on stdout and stderr and the exit code; the extraction itself is covered by corpus.test.ts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/mails');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function runCli(args: readonly string[], stdin: string | Buffer): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, TZ: 'Asia/Kathmandu' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

function expected(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

const SLOW = 60_000;

describe('npm run -s cli -- extract-slots', () => {
  it(
    'prints exactly the expected JSON for an Outlook reply with the RIEC quoted',
    async () => {
      const run = await runCli(['extract-slots'], fixture('05-hilversum-reply-riec-quoted.eml'));
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(expected('05-hilversum-reply-riec-quoted.expected.json'));
    },
    SLOW,
  );

  it(
    'decodes a quoted-printable ISO-8859-1 mail and a base64 one',
    async () => {
      const latin1 = await runCli(
        ['extract-slots'],
        fixture('26-bloemendaal-quoted-printable-latin1.eml'),
      );
      expect(latin1.code).toBe(0);
      expect(JSON.parse(latin1.stdout)).toEqual(
        JSON.parse(expected('26-bloemendaal-quoted-printable-latin1.expected.json')),
      );
      const base64 = await runCli(['extract-slots'], fixture('27-beverwijk-base64.eml'));
      expect(base64.stdout).toBe(expected('27-beverwijk-base64.expected.json'));
    },
    SLOW,
  );

  it(
    'reads pasted plain text with --received and --default-duration',
    async () => {
      const run = await runCli(
        ['extract-slots', '--received', '2022-08-15', '--default-duration', '120'],
        fixture('40-wormerland-geplakt-kort.txt'),
      );
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout) as { slots: { start: string; end: string }[] };
      // "6/9, 13/9 of 20/9, steeds 's avonds": 19:30 plus the two hours asked for.
      expect(result.slots.map((s) => [s.start, s.end])).toEqual([
        ['2022-09-06T19:30:00+02:00', '2022-09-06T21:30:00+02:00'],
        ['2022-09-13T19:30:00+02:00', '2022-09-13T21:30:00+02:00'],
        ['2022-09-20T19:30:00+02:00', '2022-09-20T21:30:00+02:00'],
      ]);
    },
    SLOW,
  );

  it(
    'lets --received override the Date header when resolving dates without a year',
    async () => {
      // The mail of 7 September 2026 names "dinsdag 6 oktober": received on 7 October, that
      // date has passed, so it means 6 October 2027, which is a Wednesday: a question, no slot.
      const run = await runCli(
        ['extract-slots', '--received', '2026-10-07'],
        fixture('14-dijk-en-waard-2026.eml'),
      );
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout) as { slots: { start: string }[]; questions: string[] };
      expect(result.slots.map((s) => s.start)).toEqual([
        '2026-10-15T19:30:00+02:00',
        '2026-11-03T19:30:00+01:00',
      ]);
      expect(result.questions[0]).toMatch(/6 oktober 2027 is een woensdag, geen dinsdag/);
    },
    SLOW,
  );

  it(
    'cuts a mail over 64 KB as the API does and says so in the JSON',
    async () => {
      const slot = 'dinsdag 14 juni 2022 van 19.30 tot 22.30 uur\n';
      const later = 'donderdag 16 juni 2022 van 19.30 tot 22.30 uur\n';
      const mail = `${slot}${'Zie het verslag in de bijlage.\n'.repeat(3000)}${later}`;
      const run = await runCli(['extract-slots', '--received', '2022-05-10'], mail);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const result = JSON.parse(run.stdout) as {
        slots: { start: string }[];
        questions: string[];
        warnings: { code: string; nl: string; en: string }[];
      };
      expect(result.slots.map((s) => s.start)).toEqual(['2022-06-14T19:30:00+02:00']);
      expect(result.warnings.map((w) => w.code)).toEqual(['mail_cut']);
      expect(result.questions[0]).toBe(result.warnings[0]?.nl);
      expect(result.warnings[0]?.en).toMatch(/^The mail is too long to read in full/);
    },
    SLOW,
  );

  it(
    'refuses a bad flag with a Dutch message and exit code 2',
    async () => {
      const badFlag = await runCli(['extract-slots', '--ontvangen', '2022-05-10'], 'x');
      expect(badFlag.code).toBe(2);
      expect(badFlag.stdout).toBe('');
      expect(badFlag.stderr).toMatch(/Onbekende optie --ontvangen/);

      const badDate = await runCli(['extract-slots', '--received', '10-05-2022'], 'x');
      expect(badDate.code).toBe(2);
      expect(badDate.stderr).toMatch(/--received verwacht een datum als JJJJ-MM-DD/);

      const badDuration = await runCli(['extract-slots', '--default-duration', 'drie uur'], 'x');
      expect(badDuration.code).toBe(2);
      expect(badDuration.stderr).toMatch(/--default-duration verwacht een aantal minuten/);
    },
    SLOW,
  );

  it(
    'refuses empty input with exit code 2',
    async () => {
      const run = await runCli(['extract-slots'], '  \n');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/De invoer is leeg/);
    },
    SLOW,
  );

  it(
    'shows the usage on stderr with exit code 2 for an unknown command',
    async () => {
      const run = await runCli(['plan-alles'], '');
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/Onbekende opdracht: plan-alles/);
      expect(run.stderr).toMatch(/extract-slots \[--received JJJJ-MM-DD\]/);
    },
    SLOW,
  );
});
