// What the province planning says to its users, Dutch first: plain words that say what is the
// matter and what to do. The planner's own texts (reasons, summary) are in
// src/domain/planner/messages.ts.
import type { Texts } from '../../domain/planner/types.js';

const texts = (nl: string, en: string): Texts => ({ nl, en });

export const PLAN_TEXTS = {
  needsNewDates: (municipality: string): Texts =>
    texts(
      `${municipality} wacht op nieuwe data: geen van de opties kan nog doorgaan (afgewezen of verlopen). Vraag de gemeente om nieuwe voorkeuren en plan daarna opnieuw.`,
      `${municipality} is waiting for new dates: none of its options can still go ahead (declined or lapsed). Ask the municipality for new preferences and plan again.`,
    ),
  keepWithoutHolds: (municipality: string): Texts =>
    texts(
      `Bij ${municipality} staan geen opties die u kunt vasthouden. Haal ${municipality} uit "vasthouden" en plan opnieuw.`,
      `${municipality} has no options you can keep. Remove ${municipality} from "keep" and plan again.`,
    ),
  keepDeadOption: (municipality: string, slotIndex: number): Texts =>
    texts(
      `Optie ${slotIndex + 1} van ${municipality} kan niet meer doorgaan (afgewezen, voorbij of verlopen). Kies een andere optie om vast te houden, of houd er geen vast.`,
      `Option ${slotIndex + 1} of ${municipality} can no longer go ahead (declined, past or lapsed). Choose another option to keep, or keep none.`,
    ),
  plannedWithout: (message: Texts): Texts =>
    texts(
      `${message.nl} De andere aanmeldingen zijn wel gepland.`,
      `${message.en} The other sign-ups have been planned.`,
    ),
  staleWorkshop: (municipality: string): Texts =>
    texts(
      `Er is niets geplaatst voor ${municipality}: een van de trainers geeft op het geplande moment intussen een andere workshop. Maak een nieuwe planning.`,
      `Nothing was placed for ${municipality}: one of the trainers now gives another workshop at the planned time. Make a new plan.`,
    ),
  staleHold: (municipality: string): Texts =>
    texts(
      `Er is niets geplaatst voor ${municipality}: een trainer heeft op het geplande moment een optie van een aanmelding die niet in deze planning zit. Maak een nieuwe planning.`,
      `Nothing was placed for ${municipality}: a trainer has an option of a sign-up outside this plan at the planned time. Make a new plan.`,
    ),
  changed: (municipality: string): Texts =>
    texts(
      `${municipality} is intussen gewijzigd (andere status, ander trainerspaar of de geplande optie kan niet meer). Maak een nieuwe planning.`,
      `${municipality} has changed in the meantime (another status, another trainer pair or the planned option can no longer go ahead). Make a new plan.`,
    ),
  failed: (municipality: string): Texts =>
    texts(
      `Microsoft 365 was niet bereikbaar voor ${municipality}. Wat al begonnen was, wordt vanzelf afgemaakt; pas de planning later nog eens toe.`,
      `Microsoft 365 could not be reached for ${municipality}. What was started will be completed; apply the plan again later.`,
    ),
  inProgress: (municipality: string): Texts =>
    texts(
      `Voor ${municipality} loopt nog een bewerking. Pas de planning over een paar minuten nog eens toe.`,
      `An operation on ${municipality} is still running. Apply the plan again in a few minutes.`,
    ),
};
