import { createContext, useCallback, useContext } from 'react';
import type { Locale } from '@callboard/shared';
import { en, type MessageKey } from './en';

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/**
 * Only the English strings of sign-in, the shell and the error messages ship with the first screen.
 * Spanish loads before the locale switches to it (loadLocale), the strings of the screens behind
 * sign-in before any of them renders (loadScreenCatalogues); so translating stays synchronous.
 */
const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { en: { ...en }, es: {} };

/** MUI's component texts by language; English is MUI's own default. */
const muiTexts: Partial<Record<Locale, object>> = {};
export const muiLocaleOf = (locale: Locale): object => muiTexts[locale] ?? {};

let spanish: Promise<void> | undefined;
let screens: Promise<void> | undefined;

export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en') return Promise.resolve();
  spanish ??= import('./es').then(({ es, muiEs }) => {
    Object.assign(catalogues.es, es);
    muiTexts.es = muiEs;
  });
  return spanish;
}

/** Both languages at once, so switching language on one of these screens needs no second wait. */
export function loadScreenCatalogues(): Promise<void> {
  screens ??= Promise.all([import('./screens.en'), import('./screens.es')]).then(([{ screensEn }, { screensEs }]) => {
    Object.assign(catalogues.en, screensEn);
    Object.assign(catalogues.es, screensEs);
  });
  return screens;
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = catalogues[locale][key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

/**
 * The language on screen. The strings own no state: the app keeps the reader's choice and provides
 * it here (app/providers.tsx), so shared components can translate without knowing the store.
 */
const LocaleContext = createContext<Locale>('en');
export const LocaleProvider = LocaleContext.Provider;

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT(): Translate {
  const locale = useLocale();
  return useCallback<Translate>((key, vars) => translate(locale, key, vars), [locale]);
}
