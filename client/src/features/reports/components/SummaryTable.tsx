import { TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import type { SummaryReport } from '@callboard/shared';
import { useLocale, useT, type MessageKey } from '../../../i18n/i18n';
import { figureTexts, type FigureKey } from '../summary-format';
import { ReportTable } from './ReportTable';

const columns: FigureKey[] = [
  'calls',
  'reached',
  'contactRate',
  'talkTime',
  'avgTalk',
  'avgAttemptsToReach',
  'speedToFirstCall',
  'paidWithin7Days',
  'lettersSent',
  'lettersFailed',
];

/** One row per manager and the team's below: the figures behind the tiles, and the charts' text alternative. */
export function SummaryTable({ summary }: { summary: SummaryReport }) {
  const t = useT();
  const locale = useLocale();
  const header = (key: FigureKey) => t(`dashboard.figure.${key}` as MessageKey);
  const team = figureTexts(summary.team, t, locale);
  return (
    <ReportTable titleId="summary-table-title" title={t('dashboard.perManager')} testId="summary-table">
      <TableHead>
        <TableRow>
          <TableCell>{t('floor.manager')}</TableCell>
          {columns.map((c) => (
            <TableCell key={c} align="right">
              {header(c)}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {summary.managers.map((m) => {
          const texts = figureTexts(m, t, locale);
          return (
            <TableRow key={m.id} data-testid={`summary-${m.email}`}>
              <TableCell component="th" scope="row">
                {m.name}
              </TableCell>
              {columns.map((c) => (
                <TableCell key={c} align="right" data-figure={c}>
                  {texts[c]}
                </TableCell>
              ))}
            </TableRow>
          );
        })}
        <TableRow sx={{ '& > *': { fontWeight: 700 } }} data-testid="summary-team">
          <TableCell component="th" scope="row">
            {t('dashboard.team')}
          </TableCell>
          {columns.map((c) => (
            <TableCell key={c} align="right" data-figure={c}>
              {team[c]}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </ReportTable>
  );
}
