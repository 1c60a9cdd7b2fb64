import type { Translate } from '../../i18n/i18n';

/** A length of time as a supervisor reads it at a glance: "< 1 min", "45 min", "3 h 05 min", "2 d 4 h". */
export function spanText(seconds: number, t: Translate): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  if (minutes < 1) return t('span.underMinute');
  if (minutes < 60) return t('span.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('span.hours', { h: hours, m: String(minutes % 60).padStart(2, '0') });
  return t('span.days', { d: Math.floor(hours / 24), h: hours % 24 });
}
