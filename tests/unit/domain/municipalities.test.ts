import { describe, expect, it } from '@jest/globals';
import {
  MUNICIPALITIES,
  findMunicipalityByCbsCode,
  findMunicipalityByDomain,
  municipalitiesOfRiec,
} from '../../../src/domain/municipalities.js';

describe('municipalities of Noord-Holland', () => {
  it('lists the 44 municipalities, each with a unique CBS code and domain', () => {
    expect(MUNICIPALITIES).toHaveLength(44);
    expect(new Set(MUNICIPALITIES.map((m) => m.cbsCode)).size).toBe(44);
    expect(new Set(MUNICIPALITIES.map((m) => m.domain)).size).toBe(44);
  });

  it('splits them over the three RIECs', () => {
    const counts = ['RIEC Noord-Holland', 'RIEC Amsterdam-Amstelland', 'RIEC Midden-Nederland'].map(
      (riec) => municipalitiesOfRiec(riec as never).length,
    );
    expect(counts.reduce((a, b) => a + b)).toBe(44);
    expect(counts.every((n) => n > 0)).toBe(true);
  });

  it('finds Haarlem by CBS code and by a mail subdomain', () => {
    expect(findMunicipalityByCbsCode('gm0392')?.name).toBe('Haarlem');
    expect(findMunicipalityByDomain('mail.haarlem.nl')?.cbsCode).toBe('GM0392');
    expect(findMunicipalityByDomain('example.org')).toBeUndefined();
  });

  it('uses the name a municipality calls itself for display', () => {
    expect(findMunicipalityByCbsCode('GM0373')?.displayName).toBe('Bergen');
  });
});
