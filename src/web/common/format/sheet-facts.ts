// The facts at the top of a workshop sheet (issue 14, item 4) as term and detail, worded once for
// the tab's page Voorbereiding and the add-in's Workshopoptie: date, place, pair, contact, scan
// and the themes the municipality wants to focus on.
import type { TFunction } from 'i18next';
import type { TWorkshopSheet } from '../../../contract/index.js';
import { formatSlot, type Language } from './format-dates.js';

/** The scan's themes in one line: "Vastgoed, Integriteit; ook: havens", or "geen opgegeven". */
export function describeThemes(sheet: TWorkshopSheet, t: TFunction): string {
  const themes = (sheet.scan?.themes ?? []).map((theme) => t(`scanTheme.${theme}`));
  const other = sheet.scan?.other ? `${t('prep.themesOther')}: ${sheet.scan.other}` : '';
  const parts = [themes.join(', '), other].filter((part) => part !== '');
  return parts.length === 0 ? t('prep.themesNone') : parts.join('; ');
}

export function sheetFacts(
  sheet: TWorkshopSheet,
  t: TFunction,
  language: Language,
): [term: string, detail: string][] {
  return [
    [t('prep.date'), formatSlot(sheet.slot.start, sheet.slot.end, language)],
    [t('prep.place'), sheet.location],
    [t('prep.pair'), `${sheet.pair.berenschot.name}, ${sheet.pair.riec.name}`],
    [t('prep.contact'), `${sheet.contact.name} (${sheet.contact.email})`],
    [
      t('prep.scan'),
      t(`scan.${sheet.scanStatus}` as 'scan.onbekend') +
        (sheet.scan?.scanDate ? ` (${sheet.scan.scanDate})` : ''),
    ],
    [t('prep.themes'), describeThemes(sheet, t)],
  ];
}
