// BASELINE ONLY (bench/extract.ts): src/domain/slots/find-municipality.ts as of commit 0758b10, before the slot
// extraction was made linear (issue 10, finding 4). Kept to measure old against new in one run;
// nothing in src/ or tests/ may import it.
// Which municipality signs up. Evidence comes in three strengths; the strongest present decides,
// and when it points at two municipalities the account holder is asked instead of a guess.
import type { Municipality } from '../../src/domain/municipalities.js';
import {
  findAddressPlaces,
  findBareNames,
  findByDomain,
  findNamedAfterKeyword,
} from './municipality-names.js';
import type { FormerMunicipality, NamedMunicipality, NameMatch } from './municipality-names.js';
import {
  askFormerMunicipality,
  askMunicipalityConflict,
  askMunicipalityUnknown,
  joinDutch,
} from './questions.js';

export type EvidenceSource =
  'afzender' | 'doorgestuurde afzender' | 'onderwerp' | 'tekst' | 'ondertekening';

export interface Sender {
  readonly address?: string;
  readonly name?: string;
  readonly source: 'afzender' | 'doorgestuurde afzender';
}

export interface MunicipalityClues {
  readonly senders: readonly Sender[];
  readonly subjects: readonly string[];
  /** The author's own text (quotes, signatures and disclaimers removed). */
  readonly body: readonly string[];
  /** Signature lines without disclaimers. */
  readonly signature: readonly string[];
}

export interface MunicipalityFinding {
  readonly municipality: Municipality | null;
  readonly questions: readonly string[];
}

/**
 * 1: the sender's domain, a name after "gemeente"/"griffie"/"namens …", a name in the subject or
 *    the sender's name; 2: the town of a postal address, a bare name in the signature;
 * 3: a bare name in the text ("net als in Velsen"), the weakest hint.
 */
type Strength = 1 | 2 | 3;

interface Evidence {
  readonly named: NamedMunicipality;
  readonly strength: Strength;
  readonly source: EvidenceSource;
}

function fromMatches(
  matches: readonly NameMatch[],
  strength: Strength,
  source: EvidenceSource,
): Evidence[] {
  return matches.map((m) => ({ named: m.named, strength, source }));
}

function collectEvidence(clues: MunicipalityClues): Evidence[] {
  const evidence: Evidence[] = [];
  for (const sender of clues.senders) {
    const domain = sender.address?.split('@')[1];
    const named = domain ? findByDomain(domain) : undefined;
    if (named) evidence.push({ named, strength: 1, source: sender.source });
    if (sender.name) {
      evidence.push(...fromMatches(findNamedAfterKeyword(sender.name), 1, sender.source));
      evidence.push(...fromMatches(findBareNames(sender.name, true), 1, sender.source));
    }
  }
  for (const subject of clues.subjects) {
    evidence.push(...fromMatches(findNamedAfterKeyword(subject), 1, 'onderwerp'));
    evidence.push(...fromMatches(findBareNames(subject, true), 1, 'onderwerp'));
  }
  for (const line of clues.body) {
    evidence.push(...fromMatches(findNamedAfterKeyword(line), 1, 'tekst'));
    evidence.push(...fromMatches(findAddressPlaces(line), 2, 'tekst'));
    evidence.push(...fromMatches(findBareNames(line, false), 3, 'tekst'));
  }
  for (const line of clues.signature) {
    evidence.push(...fromMatches(findNamedAfterKeyword(line), 1, 'ondertekening'));
    evidence.push(...fromMatches(findAddressPlaces(line), 2, 'ondertekening'));
    evidence.push(...fromMatches(findBareNames(line, false), 2, 'ondertekening'));
  }
  return evidence;
}

function successorOf(named: NamedMunicipality): Municipality {
  return named.kind === 'current' ? named.municipality : named.former.mergedInto;
}

function labelOf(named: NamedMunicipality): string {
  return named.kind === 'current' ? named.municipality.displayName : named.former.name;
}

function sourcesOf(evidence: readonly Evidence[], label: string): string {
  const sources = new Set(evidence.filter((e) => labelOf(e.named) === label).map((e) => e.source));
  return joinDutch([...sources]);
}

export function findMunicipality(clues: MunicipalityClues): MunicipalityFinding {
  const all = collectEvidence(clues);
  const strongest = Math.min(...all.map((e) => e.strength));
  const evidence = all.filter((e) => e.strength === strongest);
  if (evidence.length === 0) return { municipality: null, questions: [askMunicipalityUnknown()] };

  const successors = new Set(evidence.map((e) => successorOf(e.named).cbsCode));
  const labels = [...new Set(evidence.map((e) => labelOf(e.named)))];
  if (successors.size > 1) {
    const candidates = labels.map((label) => `${label} (${sourcesOf(evidence, label)})`);
    return { municipality: null, questions: [askMunicipalityConflict(candidates)] };
  }
  const current = evidence.find((e) => e.named.kind === 'current');
  // An old domain or letterhead next to the new name is still the new municipality.
  if (current) return { municipality: successorOf(current.named), questions: [] };

  const formers = new Map<string, FormerMunicipality>();
  for (const e of evidence)
    if (e.named.kind === 'former') formers.set(e.named.former.name, e.named.former);
  const questions = [...formers.values()].map((f) =>
    askFormerMunicipality(
      f.name,
      sourcesOf(evidence, f.name),
      f.mergedOn,
      f.mergedInto.displayName,
    ),
  );
  return { municipality: null, questions };
}
