// Every page of a Graph collection: a service may answer fewer items than $top asked for and
// say so only with @odata.nextLink, so a reader that stops at the first page misses the rest.
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { toGraphFailure } from '../client/errors.js';

const ZPage = z.object({
  value: z.array(z.unknown()),
  '@odata.nextLink': z.string().optional(),
});

/** GETs `path` and every @odata.nextLink after it; the items parsed with `item`. */
export async function readAllPages<T>(
  client: Client,
  path: string,
  item: z.ZodType<T>,
): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = path;
  while (next) {
    let page: z.infer<typeof ZPage>;
    try {
      page = ZPage.parse(await client.api(next).get());
    } catch (error) {
      if (error instanceof z.ZodError) throw error;
      throw toGraphFailure(error);
    }
    items.push(...page.value.map((value) => item.parse(value)));
    next = page['@odata.nextLink'];
  }
  return items;
}
