// The workshop sheet "Voorbereiding" (issue 14, item 4) with a fake API: the facts of the
// workshop, pasted rows previewed with their Dutch messages, the list saved, groups made as cards
// with party and side, a person moved to the next group with the arrow key (the groups are saved
// and the score shown again), "schud opnieuw" asks with another seed.
import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import type {
  TAttendeePreview,
  TAttendeeSource,
  TGroupsView,
  TMakeGroupsRequest,
  TSaveGroupsRequest,
  TWorkshopSheet,
} from '../../src/contract/index.js';
import PreparationPage from '../../src/web/tab/pages/preparation/preparation-page.js';
import { FATIMA, MARIEKE, SLOTS, signupView } from './support/fixtures.js';
import { fakeApi, renderInTab } from './support/render.js';

const ATTENDEES = [
  { id: 'p1', name: 'Anna Alfa', party: 'Partij A', side: 'coalitie', role: 'raadslid' },
  { id: 'p2', name: 'Bert Bravo', party: 'Partij B', side: 'oppositie', role: 'raadslid' },
  { id: 'p3', name: 'Cor Charlie', party: 'Partij A', side: 'coalitie', role: 'raadslid' },
  { id: 'p4', name: 'Dina Delta', party: 'Partij B', side: 'oppositie', role: 'raadslid' },
] as const;

const score = (coalitie: number, oppositie: number) => ({
  size: coalitie + oppositie,
  coalitie,
  oppositie,
  onbekend: 0,
  idealCoalitie: 1,
  deviation: Math.abs(coalitie - 1),
  parties: [],
});

function groups(members: string[][], rulesHold = true): TGroupsView {
  return {
    seed: 1,
    groups: members.map((m, i) => ({
      number: i + 1,
      members: m,
      score: score(
        m.filter((id) => id === 'p1' || id === 'p3').length,
        m.filter((id) => id === 'p2' || id === 'p4').length,
      ),
    })),
    outside: [],
    score: {
      deviation: rulesHold ? 0 : 2,
      lowerBound: 0,
      verdict: 'optimaal',
      rulesHold,
      roomShare: 0.5,
    },
    notes: [],
  };
}

function sheet(overrides: Partial<TWorkshopSheet> = {}): TWorkshopSheet {
  return {
    signupId: '12',
    municipality: 'Haarlem',
    slot: SLOTS[0]!,
    location: 'Gemeentehuis Haarlem',
    pair: { berenschot: MARIEKE, riec: FATIMA },
    contact: { name: 'Kabinet van de burgemeester', email: 'kabinet@haarlem.nl' },
    scanStatus: 'gedaan',
    scan: null,
    attendees: null,
    groups: null,
    savedAt: null,
    ...overrides,
  };
}

const step = {
  signup: signupView({ id: '12', status: 'bevestigd' }),
  onSignupChange: () => {},
  reload: () => {},
};

describe('the workshop sheet', () => {
  it('shows the workshop, previews pasted rows with Dutch messages and saves the list', async () => {
    const previewAttendees = jest.fn(
      async (_id: string, _source: TAttendeeSource): Promise<TAttendeePreview> => ({
        headerRow: 1,
        columns: [
          { index: 0, header: 'Naam', meaning: 'naam' },
          { index: 1, header: 'Fractie', meaning: 'fractie' },
        ],
        rows: [{ row: 2, name: 'Anna Alfa', party: '', side: '', role: '', isValid: false }],
        issues: [
          {
            code: 'PARTY_REQUIRED',
            severity: 'error',
            row: 2,
            field: 'party',
            message: 'Rij 2: bij Anna Alfa (raadslid) ontbreekt de fractie. Vul de fractie in.',
          },
        ],
        attendees: null,
      }),
    );
    const saveAttendees = jest.fn(async () => sheet({ attendees: [...ATTENDEES] }));
    renderInTab(<PreparationPage {...step} />, {
      services: {
        api: fakeApi({ getWorkshopSheet: async () => sheet(), previewAttendees, saveAttendees }),
      },
    });
    expect(await screen.findByText('Gemeentehuis Haarlem')).toBeTruthy();
    expect(screen.getByText(/Marieke/)).toBeTruthy();
    await userEvent.click(screen.getByLabelText('Rijen uit Excel plakken'));
    await userEvent.paste('Naam\tFractie\nAnna Alfa\t');
    await userEvent.click(screen.getByRole('button', { name: 'Voorbeeld bekijken' }));
    expect(await screen.findByText(/ontbreekt de fractie/)).toBeTruthy();
    // How each column was read, in the user's words (not the code's 'kant').
    expect(screen.getByText('Kolommen: Naam → naam, Fractie → fractie')).toBeTruthy();
    expect(previewAttendees).toHaveBeenCalledWith('12', {
      kind: 'text',
      text: 'Naam\tFractie\nAnna Alfa\t',
    });
    // Another list: the preview of the one before goes.
    await userEvent.type(screen.getByLabelText('Rijen uit Excel plakken'), 'x');
    expect(screen.queryByText(/ontbreekt de fractie/)).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Deelnemerslijst opslaan' }));
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      '4 deelnemers opgeslagen.',
    );
  });

  it('shows the scan’s themes and date the account holder recorded (issue 14, item 3)', async () => {
    renderInTab(<PreparationPage {...step} />, {
      services: {
        api: fakeApi({
          getWorkshopSheet: async () =>
            sheet({
              scan: {
                themes: ['vastgoed', 'intimidatie_raadsleden'],
                other: 'havens',
                scanDate: '2026-10-01',
              },
            }),
        }),
      },
    });
    expect(
      await screen.findByText('Vastgoed, Intimidatie van raadsleden; ook: havens'),
    ).toBeTruthy();
    expect(screen.getByText('Gedaan (2026-10-01)')).toBeTruthy();
  });

  it('says no themes were given when there are none', async () => {
    renderInTab(<PreparationPage {...step} />, {
      services: { api: fakeApi({ getWorkshopSheet: async () => sheet() }) },
    });
    expect(await screen.findByText('geen opgegeven')).toBeTruthy();
  });

  it('names the file upload for assistive technology (axe: form elements must have labels)', async () => {
    renderInTab(<PreparationPage {...step} />, {
      services: { api: fakeApi({ getWorkshopSheet: async () => sheet() }) },
    });
    const upload = await screen.findByLabelText('Bestand uploaden (.xlsx of .csv)');
    expect(upload.getAttribute('type')).toBe('file');
  });

  it('makes groups as cards and moves a person to the next group with the arrow key', async () => {
    const makeGroups = jest.fn(async (_id: string, _request: TMakeGroupsRequest) =>
      sheet({
        attendees: [...ATTENDEES],
        groups: groups([
          ['p1', 'p2'],
          ['p3', 'p4'],
        ]),
      }),
    );
    const saveGroups = jest.fn(async (_id: string, request: TSaveGroupsRequest) =>
      sheet({ attendees: [...ATTENDEES], groups: groups(request.groups as string[][], false) }),
    );
    renderInTab(<PreparationPage {...step} />, {
      services: {
        api: fakeApi({
          getWorkshopSheet: async () => sheet({ attendees: [...ATTENDEES] }),
          makeGroups,
          saveGroups,
        }),
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Maak groepen' }));
    const first = await screen.findByRole('button', { name: /Anna Alfa — Partij A \(coalitie\)/ });
    expect(screen.getByText('Groep 2')).toBeTruthy();
    expect(makeGroups.mock.calls[0]![1]).toMatchObject({ seed: 1, outside: [] });

    first.focus();
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => expect(saveGroups).toHaveBeenCalled());
    expect(saveGroups.mock.calls[0]![1]).toEqual({
      groups: [['p2'], ['p3', 'p4', 'p1']],
      outside: [],
    });
    expect(await screen.findByText(/Anna Alfa staat nu in groep 2/)).toBeTruthy();
    expect(screen.getByText(/houden zich niet meer aan de regels/)).toBeTruthy();
    const group2 = screen
      .getByText('Groep 2')
      .closest('[aria-labelledby="group-2"]') as HTMLElement;
    expect(within(group2).getByText(/Anna Alfa/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'Schud opnieuw' }));
    await waitFor(() => expect(makeGroups).toHaveBeenCalledTimes(2));
    expect(makeGroups.mock.calls[1]![1].seed).toBe(2);
  });
});
