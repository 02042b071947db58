// The confirmation the tab previews is the text the mayor's office receives.
import { describe, expect, it } from '@jest/globals';
import { confirmationText, finalizeDraft } from '../../../src/app/texts.js';
import type { CbsCode, SignupId } from '../../../src/domain/ids.js';
import type { Signup } from '../../../src/domain/signup.js';

const pair = {
  berenschot: {
    id: 'm',
    name: 'Marieke van Dijk',
    email: 'marieke.vandijk@berenschot.nl',
    role: 'berenschot' as const,
  },
  riec: { id: 'f', name: 'Fatima <Amrani>', email: 'fatima.amrani@riec.nl', role: 'riec' as const },
};
const signup = {
  id: '7' as SignupId,
  municipality: { cbsCode: 'GM0392' as CbsCode, name: 'Haarlem' },
  riec: 'RIEC Noord-Holland',
  accountHolder: { name: 'Sanne de Vries', email: 'sanne.devries@riec.nl' },
  contact: { name: 'Kabinet & griffie', email: 'burgemeester@haarlem.nl' },
} as unknown as Signup;
const slot = { start: '2026-12-15T18:30:00Z', end: '2026-12-15T21:30:00Z' };

describe('the confirmation text', () => {
  it('is what the event body says, paragraph for paragraph, escaped', () => {
    const text = confirmationText(signup, pair, slot, signup.contact);
    const html = finalizeDraft(signup, pair, slot, signup.contact).bodyHtml;
    const fromHtml = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) =>
      m[1]!
        .replace(/<br>/g, '\n')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&'),
    );
    expect(fromHtml).toEqual(text.paragraphs);
    expect(html).toContain('Fatima &lt;Amrani&gt;');
    // An office, not a person: the neutral salutation (issue 18, item 12).
    expect(text.paragraphs[0]).toBe('Geachte heer, mevrouw,');
    expect(text.when).toBe('dinsdag 15 december 2026, 19.30–22.30 uur');
  });

  it('invites both trainers and the mayor’s office', () => {
    const draft = finalizeDraft(signup, pair, slot, signup.contact);
    expect(draft.attendees.map((a) => a.email)).toEqual([
      'marieke.vandijk@berenschot.nl',
      'fatima.amrani@riec.nl',
      'burgemeester@haarlem.nl',
    ]);
    expect(draft.subject).not.toMatch(/OPTIE/);
  });
});
