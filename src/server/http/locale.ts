// The user's language from Accept-Language (RFC 9110 §12.5.4): Dutch unless the request prefers
// English over Dutch (DESIGN.md principle 6, "Dutch first").
import type { Language } from '../../app/errors.js';

const SUPPORTED: readonly Language[] = ['nl', 'en'];
const DEFAULT_LANGUAGE: Language = 'nl';

interface Range {
  readonly tag: string;
  readonly q: number;
  readonly order: number;
}

function parseRanges(header: string): Range[] {
  return header
    .split(',')
    .map((part, order) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
    })
    .filter((range) => range.tag.length > 0 && range.q > 0);
}

/** `nl` or `en`: the supported language with the highest weight; ties go to the earlier one. */
export function negotiateLanguage(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : header;
  if (!value) return DEFAULT_LANGUAGE;
  let best: { language: Language; q: number; order: number } | undefined;
  for (const range of parseRanges(value)) {
    const primary = range.tag.split('-')[0] ?? '';
    const language = SUPPORTED.find((candidate) => candidate === primary);
    if (!language) continue;
    if (!best || range.q > best.q || (range.q === best.q && range.order < best.order)) {
      best = { language, q: range.q, order: range.order };
    }
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}
