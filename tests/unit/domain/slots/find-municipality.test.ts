// Which municipality signs up: from the sender's domain, the signature, the subject or the text,
// with the names that are ordinary words or parts of other names, and with conflicts and merged
// municipalities as questions.
import { describe, expect, it } from '@jest/globals';
import { extract } from './support.js';

const SLOTS =
  '1. dinsdag 14 juni 2022 19.30-22.30\n2. dinsdag 21 juni 2022 19.30-22.30\n3. dinsdag 28 juni 2022 19.30-22.30';

function municipalityOf(
  text: string,
  from = 'Jan <jan@example.org>',
  subject = 'Aanmelding',
): string | null {
  return extract(`${text}\n\n${SLOTS}`, { from, subject }).municipality?.name ?? null;
}

describe('finding the municipality of a sign-up', () => {
  it('takes the sender’s domain, also a subdomain', () => {
    expect(municipalityOf('Beste,', 'Griffie <griffie@zaanstad.nl>')).toBe('Zaanstad');
    expect(municipalityOf('Beste,', 'griffie@mail.heemstede.nl')).toBe('Heemstede');
  });

  it('reads "Gemeente Haarlem" and "namens de gemeenteraad van Zaanstad" in the text', () => {
    expect(municipalityOf('Hierbij meldt Gemeente Haarlem zich aan.')).toBe('Haarlem');
    expect(municipalityOf('Ik schrijf namens de gemeenteraad van Zaanstad.')).toBe('Zaanstad');
  });

  it('reads the signature and the subject', () => {
    const signed = extract(`${SLOTS}\n\nMet vriendelijke groet,\nPiet\nGriffie Velsen`, {
      from: 'piet@example.org',
    });
    expect(signed.municipality?.name).toBe('Velsen');
    expect(municipalityOf('Beste,', 'p@example.org', 'Aanmelding workshop Schagen')).toBe(
      'Schagen',
    );
  });

  it('tells Haarlem from Haarlemmermeer', () => {
    expect(municipalityOf('Net als Haarlem doet de raad mee.', 'griffie@haarlemmermeer.nl')).toBe(
      'Haarlemmermeer',
    );
    expect(municipalityOf('De gemeenteraad van Haarlemmermeer meldt zich aan.')).toBe(
      'Haarlemmermeer',
    );
  });

  it('does not take ordinary words for Huizen, Bergen or Hoorn', () => {
    // "huizen" (houses), "bergen" (to store), a street called Hoorn: no municipality at all.
    const result = extract(
      `In de huizen van Bergen en langs de Hoorn 12 is het rustig.\n\n${SLOTS}`,
      { from: 'jan@example.org' },
    );
    expect(result.municipality).toBeNull();
    expect(result.questions[0]).toBe(
      'Van welke gemeente is deze aanmelding? Afzender, onderwerp en tekst noemen geen gemeente in Noord-Holland.',
    );
    expect(municipalityOf('De gemeente Bergen doet mee.')).toBe('Bergen (NH.)');
    expect(municipalityOf('Griffie Bergen (NH)')).toBe('Bergen (NH.)');
  });

  it('does not take a surname for the municipality ("Pieter van Hoorn" of Koggenland)', () => {
    const result = extract(`${SLOTS}\n\nGroet,\nPieter van Hoorn\nGriffie Koggenland`, {
      from: 'Pieter van Hoorn <p.vanhoorn@koggenland.nl>',
    });
    expect(result.municipality?.name).toBe('Koggenland');
    expect(result.questions).toEqual([]);
  });

  it('reads names of two words or with a hyphen', () => {
    expect(municipalityOf('Namens de raad van Stede Broec.')).toBe('Stede Broec');
    expect(municipalityOf('Namens de raad van Den Helder.')).toBe('Den Helder');
    expect(municipalityOf('De gemeenteraad van Dijk en Waard doet mee.')).toBe('Dijk en Waard');
    expect(municipalityOf('Griffie Edam-Volendam')).toBe('Edam-Volendam');
  });

  it('keeps Laren apart from Blaricum in a shared disclaimer', () => {
    const result = extract(
      `${SLOTS}\n\nMet vriendelijke groet,\nGriffie Laren\n\nDisclaimer: dit bericht is uitsluitend bestemd voor de geadresseerde. Gemeente Blaricum en gemeente Laren aanvaarden geen aansprakelijkheid.`,
      { from: 'raadsgriffie@laren.nl' },
    );
    expect(result.municipality).toEqual({ name: 'Laren (NH.)', cbsCode: 'GM0417' });
    expect(result.questions).toEqual([]);
  });

  it('asks when the evidence points at two municipalities', () => {
    const result = extract(`Ik schrijf namens de gemeenteraad van Wormerland.\n\n${SLOTS}`, {
      from: 'Ria <r.kok@purmerend.nl>',
    });
    expect(result.municipality).toBeNull();
    expect(result.questions[0]).toBe(
      'De mail wijst naar meer dan één gemeente: Purmerend (afzender) en Wormerland (tekst). Om welke gemeente gaat het?',
    );
  });

  it('asks when a joint sign-up names two municipalities', () => {
    const result = extract(`Namens de gemeenteraden van Blaricum en Laren.\n\n${SLOTS}`, {
      from: 'griffie@example.org',
    });
    expect(result.municipality).toBeNull();
    expect(result.questions[0]).toBe(
      'De mail wijst naar meer dan één gemeente: Blaricum (tekst) en Laren (tekst). Om welke gemeente gaat het?',
    );
  });

  it('asks about a former municipality, naming the one it merged into', () => {
    const result = extract(SLOTS, { from: 'griffie@heerhugowaard.nl' });
    expect(result.municipality).toBeNull();
    expect(result.questions[0]).toBe(
      'De mail noemt de voormalige gemeente Heerhugowaard (afzender), die op 1 januari 2022 is opgegaan in Dijk en Waard. Gaat het om de gemeente Dijk en Waard?',
    );
    const weesp = extract(`Namens de bestuurscommissie Weesp.\n\n${SLOTS}`, {
      from: 'a@example.org',
    });
    expect(weesp.questions[0]).toMatch(
      /voormalige gemeente Weesp .* op 24 maart 2022 is opgegaan in Amsterdam/,
    );
  });

  it('takes the new municipality when an old domain comes with the new name', () => {
    expect(
      municipalityOf(
        'De aanmelding is voor de gemeenteraad van Dijk en Waard.',
        'x@gemeentelangedijk.nl',
      ),
    ).toBe('Dijk en Waard');
  });

  it('does not count the RIEC’s own earlier mail quoted below a reply', () => {
    const result = extract(
      `${SLOTS}\n\nGroet,\nGriffie\n\nVan: RIEC <info@riec-nh.nl>\nVerzonden: maandag 2 mei 2022 10:03\nAan: griffie@hoorn.nl\nOnderwerp: Workshop\n\nDe gemeente Amsterdam heeft zich al aangemeld.`,
      { from: 'griffie@hoorn.nl', subject: 'RE: Workshop' },
    );
    expect(result.municipality?.name).toBe('Hoorn');
    expect(result.questions).toEqual([]);
  });

  it('finds the town of the postal address when nothing stronger is there', () => {
    expect(
      municipalityOf('Met vriendelijke groet,\nPostbus 2000, 1500 GA Zaandam', 'a@example.org'),
    ).toBe('Zaanstad');
  });
});
