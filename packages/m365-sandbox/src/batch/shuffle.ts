// Graph may answer the parts of a batch in any order (json-batching.md: "Individual responses
// might appear in a different order than the requests"). The sandbox always does, so a client
// that matches responses by position instead of by id fails here, not in production.
import { createHash } from 'node:crypto';

const rank = (id: string) => createHash('sha256').update(id).digest('hex');

/**
 * A deterministic shuffle (by a hash of each id, so a test run is repeatable) that never
 * leaves two or more responses in request order: if the hash order happens to match, the
 * list is rotated by one.
 */
export function shuffleResponses<T extends { readonly id: string }>(
  requestOrder: readonly T[],
): T[] {
  const shuffled = [...requestOrder].sort((a, b) => rank(a.id).localeCompare(rank(b.id)));
  const unchanged = shuffled.every((item, index) => item === requestOrder[index]);
  if (unchanged && shuffled.length > 1) shuffled.push(shuffled.shift() as T);
  return shuffled;
}
