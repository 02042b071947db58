// The 44 municipalities of Noord-Holland and the RIEC that covers each (src/data, from CBS).
import data from '../data/gemeenten-noord-holland.json' with { type: 'json' };
import { normaliseCbsCode, type CbsCode } from './ids.js';

import { RIECS, type RiecName } from '../contract/lists.js';

export { RIECS, type RiecName };

export interface Municipality {
  /** The name as CBS writes it, e.g. "Bergen (NH.)". */
  readonly name: string;
  /** The name the municipality uses for itself, e.g. "Bergen". */
  readonly displayName: string;
  readonly cbsCode: CbsCode;
  /** E-mail domain, e.g. "haarlem.nl". */
  readonly domain: string;
  readonly riec: RiecName;
  /** Safety region / police district. */
  readonly region: string;
}

function toRiec(value: string): RiecName {
  const riec = RIECS.find((name) => name === value);
  if (!riec) throw new Error(`Unknown RIEC in src/data: ${value}`);
  return riec;
}

export const MUNICIPALITIES: readonly Municipality[] = data.current.map((m) => ({
  name: m.name,
  displayName: m.name.replace(/\s*\(NH\.\)$/, ''),
  cbsCode: m.cbsCode as CbsCode,
  domain: m.domain,
  riec: toRiec(m.riec),
  region: m.region,
}));

const byCode = new Map(MUNICIPALITIES.map((m) => [m.cbsCode as string, m]));
const byDomain = new Map(MUNICIPALITIES.map((m) => [m.domain, m]));

/** The municipality of a CBS code, after the one normalisation of normaliseCbsCode. */
export function findMunicipalityByCbsCode(code: string): Municipality | undefined {
  const normalised = normaliseCbsCode(code);
  return normalised ? byCode.get(normalised) : undefined;
}

/** Finds the municipality of an e-mail domain, including subdomains (mail.haarlem.nl). */
export function findMunicipalityByDomain(domain: string): Municipality | undefined {
  const parts = domain.toLowerCase().split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const found = byDomain.get(parts.slice(i).join('.'));
    if (found) return found;
  }
  return undefined;
}

export function municipalitiesOfRiec(riec: RiecName): readonly Municipality[] {
  return MUNICIPALITIES.filter((m) => m.riec === riec);
}
