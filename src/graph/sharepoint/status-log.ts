// Reads of the sign-up list, the log list and the trainer list (the StatusLog and
// TrainerDirectory ports). Writes go through the work plan (plan.ts), so they can be batched.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { SignupId } from '../../domain/ids.js';
import type {
  LogEntry,
  LogFilter,
  SignupFilter,
  SignupPage,
  StatusLog,
  StoredSignup,
  TrainerDirectory,
  TrainerEntry,
} from '../../domain/ports.js';
import { toGraphFailure } from '../client/errors.js';
import type { TrainerAgenda } from '../../domain/trainer-agenda.js';
import { fromAgendaFields, ZAgendaFields } from './agenda-fields.js';
import { AGENDA_LIST, LOG_LIST, SIGNUP_LIST, SIGNUP_LIST_SPEC, TRAINER_LIST } from './lists.js';
import { fromLogFields, ZLogFields } from './log-fields.js';
import { fromSignupFields, ZSignupFields } from './signup-fields.js';
import { fromTrainerFields, ZTrainerFields } from './trainer-fields.js';

const ZItem = z.object({
  id: z.string(),
  '@odata.etag': z.string().optional(),
  eTag: z.string().optional(),
  fields: z.record(z.string(), z.unknown()),
});
const ZPage = z.object({ value: z.array(ZItem), '@odata.nextLink': z.string().optional() });

/** An OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The $filter for a SignupFilter; every column used is indexed (lists.ts). */
export function signupFilterExpression(filter: SignupFilter): string | undefined {
  const clauses: string[] = [];
  if (filter.riec) clauses.push(`fields/Riec eq ${odataString(filter.riec)}`);
  if (filter.cbsCode) clauses.push(`fields/CbsCode eq ${odataString(filter.cbsCode)}`);
  if (filter.campaignId) clauses.push(`fields/CampagneId eq ${odataString(filter.campaignId)}`);
  if (filter.accountHolder) {
    clauses.push(`fields/Accounthouder eq ${odataString(filter.accountHolder.toLowerCase())}`);
  }
  if (filter.trainer) {
    const email = odataString(filter.trainer.toLowerCase());
    clauses.push(`(fields/TrainerBerenschot eq ${email} or fields/TrainerRiec eq ${email})`);
  }
  if (filter.statuses && filter.statuses.length > 0) {
    clauses.push(
      `(${filter.statuses.map((s) => `fields/Status eq ${odataString(s)}`).join(' or ')})`,
    );
  }
  if (filter.lapsesBefore) clauses.push(`fields/VervaltOp lt ${odataString(filter.lapsesBefore)}`);
  return clauses.length > 0 ? clauses.join(' and ') : undefined;
}

/**
 * The columns a sign-up is read from: `expand=fields(select=…)` leaves out SharePoint's own
 * columns (Author, Editor, compliance tags …) that nothing here reads.
 */
export const SIGNUP_FIELD_SELECT = ['Title', ...SIGNUP_LIST_SPEC.columns.map((c) => c.name)].join(
  ',',
);

export class SharePointStatusLog implements StatusLog, TrainerDirectory {
  constructor(
    private readonly client: Client,
    private readonly site: string,
  ) {}

  private listPath(list: string): string {
    return `/sites/${this.site}/lists/${list}/items`;
  }

  /** All items of a query, following @odata.nextLink. */
  private async readAll(
    list: string,
    filter: string | undefined,
  ): Promise<z.infer<typeof ZItem>[]> {
    const items: z.infer<typeof ZItem>[] = [];
    try {
      let request = this.client.api(this.listPath(list)).expand('fields').top(500);
      if (filter) request = request.filter(filter);
      let page = ZPage.parse(await request.get());
      items.push(...page.value);
      while (page['@odata.nextLink']) {
        page = ZPage.parse(await this.client.api(page['@odata.nextLink']).get());
        items.push(...page.value);
      }
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      throw toGraphFailure(error);
    }
    return items;
  }

  async read(id: SignupId): Promise<StoredSignup | undefined> {
    try {
      const item = ZItem.parse(
        await this.client
          .api(`${this.listPath(SIGNUP_LIST)}/${encodeURIComponent(id)}`)
          .expand('fields')
          .get(),
      );
      return toStoredSignup(item);
    } catch (error) {
      const failure = toGraphFailure(error);
      if (failure.status === 404) return undefined;
      throw failure;
    }
  }

  async list(filter: SignupFilter): Promise<StoredSignup[]> {
    const items = await this.readAll(SIGNUP_LIST, signupFilterExpression(filter));
    return items.flatMap((item) => {
      const stored = toStoredSignupOrNull(item);
      return stored ? [stored] : [];
    });
  }

  async page(
    filter: SignupFilter,
    afterId: number | undefined,
    limit: number,
  ): Promise<SignupPage> {
    // Indexed columns only, plus ID (always indexed); default order is by ID.
    const clauses = [
      signupFilterExpression(filter),
      afterId === undefined ? undefined : `fields/ID gt ${Math.trunc(afterId)}`,
    ].filter((clause): clause is string => clause !== undefined);
    const items: z.infer<typeof ZItem>[] = [];
    try {
      let request = this.client
        .api(this.listPath(SIGNUP_LIST))
        .expand(`fields($select=${SIGNUP_FIELD_SELECT})`)
        .top(limit + 1);
      if (clauses.length > 0) request = request.filter(clauses.join(' and '));
      let page = ZPage.parse(await request.get());
      items.push(...page.value);
      // SharePoint may answer fewer than $top per page: follow on until the page is full.
      while (items.length <= limit && page['@odata.nextLink']) {
        page = ZPage.parse(await this.client.api(page['@odata.nextLink']).get());
        items.push(...page.value);
      }
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      throw toGraphFailure(error);
    }
    const read = items.sort((a, b) => Number(a.id) - Number(b.id)).slice(0, limit);
    const last = read[read.length - 1];
    return {
      signups: read.flatMap((item) => {
        const stored = toStoredSignupOrNull(item);
        return stored ? [stored] : [];
      }),
      lastId: last ? Number(last.id) : undefined,
      more: items.length > limit,
    };
  }

  async readLog(id: SignupId): Promise<LogEntry[]> {
    const items = await this.readAll(LOG_LIST, `fields/AanmeldingId eq ${Number(id)}`);
    // Creation order (item ids) breaks ties between lines logged within the same second.
    return items
      .sort((a, b) => Number(a.id) - Number(b.id))
      .flatMap((item) => {
        const parsed = ZLogFields.safeParse(item.fields);
        return parsed.success ? [fromLogFields(parsed.data)] : [];
      })
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  async listLog(filter: LogFilter): Promise<LogEntry[]> {
    const where = filter.cbsCode ? `fields/CbsCode eq ${odataString(filter.cbsCode)}` : undefined;
    const items = await this.readAll(LOG_LIST, where);
    return items.flatMap((item) => {
      const parsed = ZLogFields.safeParse(item.fields);
      return parsed.success ? [fromLogFields(parsed.data)] : [];
    });
  }

  /** TrainerAgendas: one query on the indexed, unique Trainer column for all of them. */
  async readAgendas(trainers: readonly string[]): Promise<TrainerAgenda[]> {
    const addresses = [...new Set(trainers.map((t) => t.toLowerCase()))];
    if (addresses.length === 0) return [];
    const filter = addresses.map((a) => `fields/Trainer eq ${odataString(a)}`).join(' or ');
    const items = await this.readAll(AGENDA_LIST, filter);
    const found = new Map<string, TrainerAgenda>();
    for (const item of items) {
      const parsed = ZAgendaFields.safeParse(item.fields);
      if (!parsed.success) continue;
      const agenda = fromAgendaFields(parsed.data, { id: item.id, eTag: eTagOf(item) });
      found.set(agenda.trainer, agenda);
    }
    return addresses.map((trainer) => found.get(trainer) ?? { trainer, bookings: [] });
  }

  async listTrainers(): Promise<readonly TrainerEntry[]> {
    // A few dozen trainers at most: filter on Actief here rather than in an OData boolean clause.
    const items = await this.readAll(TRAINER_LIST, undefined);
    return items.flatMap((item) => {
      const parsed = ZTrainerFields.safeParse({ ...item.fields, id: item.id });
      return parsed.success && parsed.data.Actief !== false ? [fromTrainerFields(parsed.data)] : [];
    });
  }
}

function eTagOf(item: z.infer<typeof ZItem>): string {
  return item['@odata.etag'] ?? item.eTag ?? '';
}

function toStoredSignup(item: z.infer<typeof ZItem>): StoredSignup {
  return fromSignupFields(ZSignupFields.parse({ ...item.fields, id: item.id }), eTagOf(item));
}

/** In a list, an item someone broke by hand is skipped rather than failing the whole page. */
function toStoredSignupOrNull(item: z.infer<typeof ZItem>): StoredSignup | null {
  const parsed = ZSignupFields.safeParse({ ...item.fields, id: item.id });
  return parsed.success ? fromSignupFields(parsed.data, eTagOf(item)) : null;
}
