// `npm run -s cli -- extract-slots [--received YYYY-MM-DD] [--default-duration MINUTES]`:
// reads a sign-up mail from stdin (RFC 822 or plain text), prints the municipality, slots and
// questions as JSON. Only input and flags live here; the extraction is src/domain/slots.
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import PostalMime from 'postal-mime';
import type { Address } from 'postal-mime';
import { CAMPAIGN_2022 } from '../domain/campaign.js';
import { extractSlots } from '../domain/slots/extract-slots.js';
import type { SignupMail } from '../domain/slots/types.js';

/** A slot without an end time lasts the workshop's usual duration (the API takes the current edition's). */
export const DEFAULT_DURATION_MINUTES = CAMPAIGN_2022.defaultDurationMinutes;

export interface CliIo {
  readonly stdin: AsyncIterable<Buffer | string> & { readonly isTTY?: boolean };
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
}

/** A problem with the flags or the input; its message is Dutch and meant for the user. */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}

export type MailWithoutReceipt = Omit<SignupMail, 'receivedAt'>;

export interface ReadMail {
  readonly mail: MailWithoutReceipt;
  /** The Date header as ISO 8601, when the input has a valid one. */
  readonly sentAt?: string;
}

// Headers that only a real message starts with; a pasted body starts with text or "Van:".
const RFC822_START =
  /^(?:from |(?:from|to|subject|date|received|return-path|mime-version|message-id|content-type|delivered-to|reply-to|cc|x-[\w-]+|thread-topic|thread-index|dkim-signature|authentication-results|arc-[\w-]+):)/i;

export function isRfc822(raw: string): boolean {
  return RFC822_START.test(raw.trimStart()) && /\r?\n\r?\n/.test(raw);
}

function formatAddress(address: Address | undefined): string | undefined {
  if (!address || address.address === undefined) return undefined;
  return address.name ? `${address.name} <${address.address}>` : address.address;
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Pasted text from an old Windows mail client: Windows-1252 decodes every byte.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Subject, sender, body parts and Date header of a raw mail; plain text becomes the body. */
export async function readMail(bytes: Uint8Array): Promise<ReadMail> {
  const raw = decodeText(bytes);
  if (!isRfc822(raw)) return { mail: { text: raw } };
  const email = await PostalMime.parse(bytes);
  const sentAt =
    email.date !== undefined && DateTime.fromISO(email.date).isValid ? email.date : undefined;
  const from = formatAddress(email.from);
  return {
    mail: {
      ...(email.subject !== undefined ? { subject: email.subject } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(email.text !== undefined ? { text: email.text } : {}),
      ...(email.html !== undefined ? { html: email.html } : {}),
    },
    ...(sentAt !== undefined ? { sentAt } : {}),
  };
}

interface Flags {
  readonly received?: string;
  readonly defaultDurationMinutes: number;
}

function parseFlags(args: readonly string[]): Flags {
  let values: { received?: string | undefined; 'default-duration'?: string | undefined };
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { received: { type: 'string' }, 'default-duration': { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    const detail = error instanceof Error ? error.message : String(error);
    const option = /--[\w-]+/.exec(detail)?.[0] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      throw new CliInputError(
        `Onbekende optie ${option}. Geldig zijn --received JJJJ-MM-DD en --default-duration MINUTEN.`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new CliInputError('extract-slots leest de mail van stdin en neemt geen bestandsnaam.');
    }
    throw new CliInputError(`Optie ${option} mist een waarde.`);
  }
  const received = values.received;
  if (received !== undefined) {
    const isDate = /^\d{4}-\d{2}-\d{2}$/.test(received) && DateTime.fromISO(received).isValid;
    if (!isDate)
      throw new CliInputError(`--received verwacht een datum als JJJJ-MM-DD, niet "${received}".`);
  }
  const duration = values['default-duration'];
  const minutes = duration === undefined ? DEFAULT_DURATION_MINUTES : Number(duration);
  if (
    !/^\d+$/.test(duration ?? String(DEFAULT_DURATION_MINUTES)) ||
    minutes < 1 ||
    minutes > 24 * 60
  ) {
    throw new CliInputError(
      `--default-duration verwacht een aantal minuten (1 tot 1440), niet "${duration}".`,
    );
  }
  return { ...(received !== undefined ? { received } : {}), defaultDurationMinutes: minutes };
}

async function readStdin(stdin: CliIo['stdin']): Promise<Uint8Array> {
  if (stdin.isTTY)
    throw new CliInputError(
      'Geef de mail via stdin, bijvoorbeeld: … extract-slots < aanmelding.eml',
    );
  const chunks: Buffer[] = [];
  for await (const chunk of stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const bytes = Buffer.concat(chunks);
  if (bytes.toString('utf8').trim() === '')
    throw new CliInputError('De invoer is leeg: er staat geen mail op stdin.');
  return bytes;
}

/** Runs the command; returns the exit code (0 done, 2 bad flags or unreadable input). */
export async function runExtractSlots(
  args: readonly string[],
  io: CliIo,
  now: () => Date = () => new Date(),
): Promise<number> {
  try {
    const flags = parseFlags(args);
    const bytes = await readStdin(io.stdin);
    const { mail, sentAt } = await readMail(bytes).catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      throw new CliInputError(`De mail kon niet worden gelezen: ${detail}`, { cause: error });
    });
    const receivedAt = flags.received ?? sentAt ?? now();
    const result = extractSlots(
      { ...mail, receivedAt },
      { defaultDurationMinutes: flags.defaultDurationMinutes, timeZone: 'Europe/Amsterdam' },
    );
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof CliInputError) {
      io.stderr.write(`${error.message}\n`);
      return 2;
    }
    // A bug, not bad input: say so, with the detail for the developer.
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`Interne fout bij het lezen van de aanmelding:\n${detail}\n`);
    return 1;
  }
}
