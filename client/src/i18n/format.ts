import { useMemo } from 'react';
import { DateTime } from 'luxon';
import type { Locale } from '@callboard/shared';
import { useLocale } from './i18n';

export type Formatters = ReturnType<typeof makeFormatters>;

/** A call's talk time as mm:ss, minutes running past 59 (75:20), as the call dialog reads it back. */
export function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** Dates through Luxon, money through Intl, both in the chosen UI locale. */
export function makeFormatters(locale: Locale) {
  const dt = (iso: string, zone?: string | null) => DateTime.fromISO(iso, { zone: zone ?? 'local' }).setLocale(locale);
  return {
    dateTime: (iso: string, zone?: string | null) => dt(iso, zone).toLocaleString(DateTime.DATETIME_MED),
    date: (iso: string, zone?: string | null) => dt(iso, zone).toLocaleString(DateTime.DATE_MED),
    time: (iso: string, zone?: string | null) => dt(iso, zone).toLocaleString(DateTime.TIME_SIMPLE),
    /** "tomorrow 11:45", "today 12:05", "in 3 days 09:00". */
    calendarTime: (iso: string, now: DateTime = DateTime.now()) => {
      const at = dt(iso);
      return `${at.toRelativeCalendar({ base: now.setLocale(locale) }) ?? ''} ${at.toLocaleString(DateTime.TIME_SIMPLE)}`.trim();
    },
    relative: (iso: string) => dt(iso).toRelative() ?? '',
    money: (amount: number, currency: string) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount),
    bytes: (n: number) =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: n >= 1_048_576 ? 'megabyte' : 'kilobyte',
        maximumFractionDigits: 1,
      }).format(n >= 1_048_576 ? n / 1_048_576 : n / 1024),
  };
}

export function useFormat(): Formatters {
  const locale = useLocale();
  return useMemo(() => makeFormatters(locale), [locale]);
}
