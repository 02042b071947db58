// The add-in's texts as an extra namespace ("addin") of the common i18next instance, so the
// language switch, the fallback to Dutch and the shared words (statuses, answers, problems) stay
// one system. The common instance types only its own namespace (CustomTypeOptions in
// common/i18n/i18n.ts, which a second declaration cannot widen), so the add-in's keys are typed
// here, from the Dutch resource.
import type { i18n as I18n } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addinMessagesEn } from './messages-en.js';
import { addinMessagesNl, type AddinMessages } from './messages-nl.js';

export const ADDIN_NS = 'addin';

/** "mail.slots.date" for every string of the resource. */
type KeyOf<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : KeyOf<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type AddinKey = KeyOf<AddinMessages>;
export type AddinValues = Readonly<Record<string, string | number>>;
export type AddinT = (key: AddinKey, values?: AddinValues) => string;

/** Adds the add-in's resources to an instance made by createI18n (idempotent). */
export function registerAddinMessages(i18n: I18n): I18n {
  i18n.addResourceBundle('nl', ADDIN_NS, addinMessagesNl, true, true);
  i18n.addResourceBundle('en', ADDIN_NS, addinMessagesEn, true, true);
  return i18n;
}

// i18next's typed `t` accepts only the common namespace's keys; AddinKey checks ours instead.
type UntypedT = (key: string, options: Record<string, unknown>) => string;

export function addinT(i18n: I18n): AddinT {
  const t = i18n.t as unknown as UntypedT;
  return (key, values = {}) => t(key, { ...values, ns: ADDIN_NS });
}

/** The add-in's `t`; a new function after a language change, so components render again. */
export function useAddinT(): AddinT {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  // `language` is in the list so the memo yields a new function when the language changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => addinT(i18n), [i18n, language]);
}
