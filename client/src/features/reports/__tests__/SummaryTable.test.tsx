import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import { callOutcomes, type SummaryFigures } from '@callboard/shared';
import { renderWithProviders } from '../../../test/render';
import { SummaryTable } from '../components/SummaryTable';

const figures = (calls: number, reached: number): SummaryFigures => ({
  calls,
  reached,
  contactRate: reached / calls,
  outcomes: Object.fromEntries(callOutcomes.map((o) => [o, 0])) as SummaryFigures['outcomes'],
  talkSeconds: 275,
  avgTalkSeconds: 55,
  avgAttemptsToReach: 1.5,
  speedToFirstCallSeconds: null,
  paidWithin7Days: 2,
  lettersSent: 3,
  lettersFailed: 0,
});

describe('SummaryTable', () => {
  it('is a table named by its heading, a row per manager and the team below in bold', () => {
    renderWithProviders(
      <SummaryTable
        summary={{
          from: '2026-05-01',
          to: '2026-05-08',
          timeZone: 'Europe/Madrid',
          managers: [{ ...figures(4, 2), id: 'u1', name: 'Marta Gil', email: 'marta@example.com' }],
          team: figures(8, 6),
          byHour: [],
        }}
      />,
    );
    const table = screen.getByRole('table', { name: 'By manager' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('Marta Gil');
    expect(rows[1]!.querySelector('[data-figure="contactRate"]')).toHaveTextContent('50%');
    expect(within(rows[2]!).getByRole('rowheader')).toHaveTextContent('Team');
    expect(rows[2]!.querySelector('[data-figure="contactRate"]')).toHaveTextContent('75%');
    expect(rows[2]!.querySelector('[data-figure="talkTime"]')).toHaveTextContent('04:35');
  });
});
