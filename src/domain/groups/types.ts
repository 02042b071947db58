// The group mixer's input and output. People are identified by an id the caller chooses (the
// attendee's row or stored id); the mixer needs only their party and side, and a name for the
// messages that explain a pin that cannot be kept.
import type { Side } from '../attendees/types.js';

export interface MixPerson {
  readonly id: string;
  readonly name: string;
  /** `null` for someone without a party (a griffier, a mayor, a guest). */
  readonly party: string | null;
  readonly side: Side;
}

/**
 * What the trainers fix beforehand: someone outside the groups (the mayor, the griffier), someone
 * in a given group (1-based), or two people in different groups.
 */
export type Pin =
  | { readonly kind: 'outside'; readonly person: string }
  | { readonly kind: 'in-group'; readonly person: string; readonly group: number }
  | { readonly kind: 'apart'; readonly person: string; readonly other: string };

/** The number of groups, or a range of group sizes the mixer chooses the number from. */
export type GroupCountChoice =
  | { readonly count: number }
  | { readonly sizeRange: { readonly min: number; readonly max: number } };

/** The default when the trainers give nothing: groups of 5 to 7 (issue 14). */
export const DEFAULT_SIZE_RANGE = { min: 5, max: 7 } as const;

export interface MixRequest {
  readonly people: readonly MixPerson[];
  readonly groups: GroupCountChoice;
  readonly pins: readonly Pin[];
  /** Same seed, same groups; "schud opnieuw" passes another seed. A 32-bit integer. */
  readonly seed: number;
}

export interface PartyCount {
  /** The party as the first of its members writes it; `null` for people without a party. */
  readonly party: string | null;
  readonly count: number;
  /** `ceil(party size / groups)`: the most of this party one group may have (rule b). */
  readonly cap: number;
}

export interface GroupScore {
  readonly size: number;
  readonly coalitie: number;
  readonly oppositie: number;
  readonly onbekend: number;
  /** The coalition members this group would have at the room's exact share: size × C / N. */
  readonly idealCoalitie: number;
  /** |coalitie − idealCoalitie|, in people. */
  readonly deviation: number;
  readonly parties: readonly PartyCount[];
}

export interface MixedGroup {
  /** 1-based, as the trainers call the groups. */
  readonly number: number;
  readonly members: readonly string[];
  readonly score: GroupScore;
}

/** How close the result is to the best possible, in people. */
export type Verdict = 'optimaal' | 'binnen-een' | 'verder';

export interface MixScore {
  /** Sum over the groups of |coalition members − size × room share| (rule c), in people. */
  readonly deviation: number;
  /** No assignment can do better than this (rounding bound, pins included; docs/groups.md). */
  readonly lowerBound: number;
  readonly verdict: Verdict;
  /** Rules (a), (b) and every pin hold; false only for a bug, which tests would catch. */
  readonly rulesHold: boolean;
  /** The room's coalition share over the people in groups: C / N. */
  readonly roomShare: number;
}
