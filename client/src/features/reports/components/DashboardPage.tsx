import { useState } from 'react';
import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/FileDownloadOutlined';
import { skipToken } from '@reduxjs/toolkit/query/react';
import { DateTime } from 'luxon';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { useLocale, useT } from '../../../i18n/i18n';
import { useGetSettingsQuery } from '../../settings';
import { useGetSummaryQuery } from '../api/reports-api';
import { presetRange, rangeProblem, type RangeValue } from '../range';
import { figureTexts } from '../summary-format';
import { FigureList } from './FigureList';
import { RangePicker } from './RangePicker';
import { ReportsGate } from './ReportsGate';
import { SummaryCharts } from './SummaryCharts';
import { SummaryTable } from './SummaryTable';

const now = () => DateTime.now();

function Dashboard({ zone }: { zone: string }) {
  const t = useT();
  const locale = useLocale();
  const [range, setRange] = useState<RangeValue>(() => ({ preset: 'today', ...presetRange('today', now(), zone) }));
  const [managerId, setManagerId] = useState('');
  const dates = rangeProblem(range) === null ? { from: range.from, to: range.to } : null;
  // The unfiltered summary also names the managers to filter by (a manager with reports.view cannot list users).
  const team = useGetSummaryQuery(dates ?? skipToken);
  const one = useGetSummaryQuery(dates && managerId ? { ...dates, managerId } : skipToken);
  const { data: summary, error, isFetching } = managerId ? one : team;
  const figures = summary ? figureTexts(summary.team, t, locale) : null;

  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {t('dashboard.title')}
      </Typography>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start', mb: 2 }}>
        <RangePicker value={range} onChange={setRange} zone={zone} now={now} />
        <TextField
          select
          size="small"
          label={t('dashboard.manager')}
          value={managerId}
          onChange={(e) => setManagerId(e.target.value)}
          // The empty value is "all managers", not an empty field: the label stays above it.
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': 'manager-filter' },
          }}
          sx={{ minWidth: 200 }}
        >
          <option value="">{t('dashboard.allManagers')}</option>
          {(team.data?.managers ?? []).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </TextField>
        {dates ? (
          <Button
            component="a"
            href={`/api/calls/export.csv?${new URLSearchParams(dates)}`}
            download
            startIcon={<DownloadIcon />}
            data-testid="calls-export"
          >
            {t('dashboard.exportCalls')}
          </Button>
        ) : null}
      </Stack>
      {error ? <ApiErrorAlert error={error} /> : null}
      {summary && figures ? (
        <Stack spacing={2} aria-busy={isFetching}>
          <FigureList
            label={t('dashboard.teamFigures')}
            figures={[
              { label: t('dashboard.figure.calls'), value: figures.calls, testId: 'figure-calls' },
              { label: t('dashboard.figure.contactRate'), value: figures.contactRate, testId: 'figure-contact-rate' },
              { label: t('dashboard.figure.talkTime'), value: figures.talkTime, testId: 'figure-talk-time' },
              { label: t('dashboard.figure.avgTalk'), value: figures.avgTalk, testId: 'figure-avg-talk' },
              {
                label: t('dashboard.figure.avgAttemptsToReach'),
                value: figures.avgAttemptsToReach,
                testId: 'figure-attempts',
              },
              {
                label: t('dashboard.figure.speedToFirstCall'),
                value: figures.speedToFirstCall,
                testId: 'figure-speed',
              },
              { label: t('dashboard.figure.paidWithin7Days'), value: figures.paidWithin7Days, testId: 'figure-paid' },
              {
                label: t('dashboard.figure.letters'),
                value: t('dashboard.lettersValue', { sent: figures.lettersSent, failed: figures.lettersFailed }),
                testId: 'figure-letters',
              },
            ]}
          />
          <SummaryTable summary={summary} />
          <SummaryCharts summary={summary} />
        </Stack>
      ) : dates && !error ? (
        <PageSkeleton />
      ) : null}
    </Box>
  );
}

/** Route /dashboard: the team's and each manager's results over a range of days in the call centre's zone. */
export function DashboardPage() {
  const { data: settings, error } = useGetSettingsQuery();
  return (
    <ReportsGate>
      {settings ? (
        <Dashboard zone={settings.timeZone} />
      ) : error ? (
        <Box sx={{ p: 2 }}>
          <ApiErrorAlert error={error} />
        </Box>
      ) : (
        <PageSkeleton />
      )}
    </ReportsGate>
  );
}
