// A deterministic measure of the work a function does, for tests that must show growth without
// timing anything: the characters regular expressions scan and the elements array passes visit.
//
// Every regex operation (test, exec, match, matchAll, replace, split, search) goes through
// RegExp.prototype.exec once that is replaced (ECMAScript RegExpExec), so wrapping exec sees all of
// them, in the product and in chrono-node alike. One call counts the characters from where the
// search starts to where its match ends, or to the end of the input when nothing matches: a global
// scan over a line counts the line once, while an end-anchored pattern ("…$") tested on a growing
// prefix of a line counts the whole prefix every time, which is the quadratic behaviour to catch.
// A pattern anchored at the start ("^…", not multiline) or sticky is tried at one position only
// (V8 does not scan on when it fails there), so its failure counts one character.
// Array passes count the length of the array they walk (filter, some, indexOf, …).

export interface Work {
  /** Characters scanned by regular expressions. */
  readonly regexCharacters: number;
  /** Elements visited by array passes. */
  readonly arrayElements: number;
}

const ARRAY_PASSES = [
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'forEach',
  'includes',
  'indexOf',
  'lastIndexOf',
  'map',
  'reduce',
  'some',
] as const;

type Method = (this: unknown, ...args: unknown[]) => unknown;

/** Runs `task` with the meter on and returns what it did; the prototypes are restored after. */
export function measureWork<T>(task: () => T): { result: T; work: Work } {
  let regexCharacters = 0;
  let arrayElements = 0;
  let isCounting = true;
  const originalExec = RegExp.prototype.exec;
  RegExp.prototype.exec = function exec(this: RegExp, input: string) {
    const text = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const isAnchored = this.sticky || (this.source.startsWith('^') && !this.multiline);
    const match = originalExec.call(this, text);
    if (isCounting) {
      if (match) regexCharacters += match.index + match[0].length - from + 1;
      else regexCharacters += isAnchored ? 1 : Math.max(0, text.length - from) + 1;
    }
    return match;
  };
  const arrayPrototype = Array.prototype as unknown as Record<string, Method>;
  const originals = ARRAY_PASSES.map((name) => [name, arrayPrototype[name]!] as const);
  for (const [name, original] of originals) {
    arrayPrototype[name] = function pass(this: unknown, ...args: unknown[]) {
      if (isCounting) arrayElements += (this as { length: number }).length;
      return original.apply(this, args);
    };
  }
  try {
    const result = task();
    isCounting = false;
    return { result, work: { regexCharacters, arrayElements } };
  } finally {
    isCounting = false;
    RegExp.prototype.exec = originalExec;
    for (const [name, original] of originals) arrayPrototype[name] = original;
  }
}
