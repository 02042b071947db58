// A trainer pair's identity in the web apps: both addresses (case does not make another pair).
import type { TPairView } from '../api/api-types.js';

export function pairKey(pair: Pick<TPairView, 'berenschot' | 'riec'>): string {
  return `${pair.berenschot.email.toLowerCase()}|${pair.riec.email.toLowerCase()}`;
}
