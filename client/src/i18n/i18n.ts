import { useCallback } from 'react';
import type { Locale } from '@callboard/shared';
import { useAppSelector } from '../app/store';
import { en, type MessageKey } from './en';

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

/**
 * Only English sign-in and shell strings ship with the first screen. Spanish loads before the
 * locale switches to it (loadLocale), the admin and team screens' strings before any screen behind
 * sign-in renders (loadAdminCatalogues); so translating stays synchronous.
 */
const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { en: { ...en }, es: {} };

/** MUI's component texts by language; English is MUI's own default. */
const muiTexts: Partial<Record<Locale, object>> = {};
export const muiLocaleOf = (locale: Locale): object => muiTexts[locale] ?? {};

let spanish: Promise<void> | undefined;
let admin: Promise<void> | undefined;

export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'en') return Promise.resolve();
  spanish ??= import('./es').then(({ es, muiEs }) => {
    Object.assign(catalogues.es, es);
    muiTexts.es = muiEs;
  });
  return spanish;
}

/** Both languages at once, so switching language on one of these screens needs no second wait. */
export function loadAdminCatalogues(): Promise<void> {
  admin ??= Promise.all([import('./admin.en'), import('./admin.es')]).then(([{ adminEn }, { adminEs }]) => {
    Object.assign(catalogues.en, adminEn);
    Object.assign(catalogues.es, adminEs);
  });
  return admin;
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = catalogues[locale][key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

export function useLocale(): Locale {
  return useAppSelector((s) => s.preferences.locale);
}

export function useT(): Translate {
  const locale = useLocale();
  return useCallback<Translate>((key, vars) => translate(locale, key, vars), [locale]);
}
