import { Box, Paper, useTheme, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { callOutcomes, type SummaryReport } from '@callboard/shared';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useT, type MessageKey } from '../../../i18n/i18n';

type Row = { label: string; values: number[] };

/**
 * A bar chart with its numbers also as a table for screen readers. The chart stays reachable by
 * keyboard (arrow keys move between bars and its own live region reads each one).
 */
function ChartFigure({
  id,
  title,
  rowHeader,
  columns,
  rows,
  colors,
}: {
  id: string;
  title: string;
  /** What each row is (an outcome, an hour): the table's first column. */
  rowHeader: string;
  columns: string[];
  rows: Row[];
  colors: string[];
}) {
  return (
    <Paper variant="outlined" sx={{ p: 1.5, m: 0, minWidth: 0 }} component="figure" aria-labelledby={`${id}-title`}>
      <Typography variant="h6" component="h2" id={`${id}-title`}>
        {title}
      </Typography>
      <Box data-testid={`${id}-chart`}>
        <BarChart
          height={260}
          xAxis={[{ scaleType: 'band', data: rows.map((r) => r.label) }]}
          series={columns.map((label, i) => ({ label, data: rows.map((r) => r.values[i] ?? 0), color: colors[i] }))}
          hideLegend={columns.length < 2}
        />
      </Box>
      <Table size="small" sx={visuallyHidden} data-testid={`${id}-table`}>
        <caption>{title}</caption>
        <TableHead>
          <TableRow>
            <TableCell>{rowHeader}</TableCell>
            {columns.map((c) => (
              <TableCell key={c}>{c}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.label}>
              <TableCell component="th" scope="row">
                {r.label}
              </TableCell>
              {r.values.map((v, i) => (
                <TableCell key={columns[i]}>{v}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

/** The outcomes of the range's calls, and the calls by hour of day in the call centre's zone. */
export function SummaryCharts({ summary }: { summary: SummaryReport }) {
  const t = useT();
  const { palette } = useTheme();
  // The theme's own colours, so the bars keep their contrast in dark mode as in light.
  const colors = { calls: palette.primary.main, reached: palette.success.main };
  const outcomes = callOutcomes.map((o) => ({
    label: t(`outcome.${o}` as MessageKey),
    values: [summary.team.outcomes[o]],
  }));
  const hours = summary.byHour.map((h) => ({ label: String(h.hour).padStart(2, '0'), values: [h.calls, h.reached] }));
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2 }}>
      <ChartFigure
        id="outcomes"
        title={t('dashboard.outcomesChart')}
        rowHeader={t('dashboard.outcome')}
        columns={[t('dashboard.figure.calls')]}
        rows={outcomes}
        colors={[colors.calls]}
      />
      <ChartFigure
        id="hours"
        title={t('dashboard.hoursChart', { zone: summary.timeZone })}
        rowHeader={t('dashboard.hour')}
        columns={[t('dashboard.figure.calls'), t('dashboard.figure.reached')]}
        rows={hours}
        colors={[colors.calls, colors.reached]}
      />
    </Box>
  );
}
