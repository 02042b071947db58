// A municipalities register larger than Noord-Holland's 44 (issue 13 leftovers, item 1): the 44
// real ones plus generated ones with unique CBS-style codes (GMxxxx) and names, spread over the
// RIECs, for tests and benches of the dashboard at the size of the whole country.
import type { CbsCode } from '../../src/domain/ids.js';
import { MUNICIPALITIES, RIECS, type Municipality } from '../../src/domain/municipalities.js';

export function largeRegister(size: number): readonly Municipality[] {
  const taken = new Set(MUNICIPALITIES.map((m) => m.cbsCode as string));
  const generated: Municipality[] = [];
  for (let code = 1; generated.length + MUNICIPALITIES.length < size; code += 1) {
    const cbsCode = `GM${String(code).padStart(4, '0')}`;
    if (taken.has(cbsCode)) continue;
    const n = generated.length + 1;
    generated.push({
      name: `Testgemeente ${n}`,
      displayName: `Testgemeente ${n}`,
      cbsCode: cbsCode as CbsCode,
      domain: `testgemeente${n}.nl`,
      riec: RIECS[n % RIECS.length]!,
      region: 'Testregio',
    });
  }
  return [...MUNICIPALITIES, ...generated];
}
