import { useCallback } from 'react';
import type { Locale } from '@callboard/shared';
import { useAppSelector } from '../app/store';
import { en, type MessageKey } from './en';
import { es } from './es';

export type { MessageKey };
export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

export const catalogues: Record<Locale, Record<MessageKey, string>> = { en, es };

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = catalogues[locale][key];
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : text;
}

export function useLocale(): Locale {
  return useAppSelector((s) => s.preferences.locale);
}

export function useT(): Translate {
  const locale = useLocale();
  return useCallback<Translate>((key, vars) => translate(locale, key, vars), [locale]);
}
