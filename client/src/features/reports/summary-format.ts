import type { Locale, SummaryFigures } from '@callboard/shared';
import type { Translate } from '../../i18n/i18n';
import { clock } from '../../i18n/format';
import { spanText } from './span';

/** Talk time to the second, as the calls were recorded: 04:35, or 3:05:12 past an hour. */
function talkTotal(seconds: number): string {
  if (seconds < 3600) return clock(seconds);
  const minutes = clock(seconds % 3600);
  return `${Math.floor(seconds / 3600)}:${minutes}`;
}

/** A summary row's figures as the dashboard shows them, the same in the team tiles and the managers' table. */
export function figureTexts(f: SummaryFigures, t: Translate, locale: Locale) {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const none = '—';
  return {
    calls: String(f.calls),
    reached: String(f.reached),
    contactRate: f.calls ? percent.format(f.contactRate) : none,
    talkTime: talkTotal(f.talkSeconds),
    avgTalk: f.avgTalkSeconds === null ? none : clock(f.avgTalkSeconds),
    avgAttemptsToReach: f.avgAttemptsToReach === null ? none : decimal.format(f.avgAttemptsToReach),
    speedToFirstCall: f.speedToFirstCallSeconds === null ? none : spanText(f.speedToFirstCallSeconds, t),
    paidWithin7Days: String(f.paidWithin7Days),
    lettersSent: String(f.lettersSent),
    lettersFailed: String(f.lettersFailed),
  };
}

export type FigureKey = keyof ReturnType<typeof figureTexts>;
