import { useState } from 'react';
import { describe, expect, it } from '@jest/globals';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DateTime } from 'luxon';
import type { Locale } from '@callboard/shared';
import { renderWithProviders } from '../../../test/render';
import { RangePicker } from '../components/RangePicker';
import type { RangeValue } from '../range';

// 23:30 UTC on the Sunday the clocks went forward: already Monday 30 March (01:30) in Madrid,
// still Sunday 29 March (19:30) in New York, and Sunday in UTC.
const now = () => DateTime.fromISO('2026-03-29T23:30:00Z');

function renderPicker(zone: string, locale: Locale = 'en') {
  const seen: RangeValue[] = [];
  function Harness() {
    const [value, setValue] = useState<RangeValue>({ preset: 'today', from: '2026-01-01', to: '2026-01-01' });
    return (
      <RangePicker
        value={value}
        zone={zone}
        now={now}
        onChange={(v) => {
          seen.push(v);
          setValue(v);
        }}
      />
    );
  }
  renderWithProviders(<Harness />, { preloadedState: { preferences: { locale } } });
  return seen;
}

async function choose(label: string, option: string) {
  await userEvent.selectOptions(screen.getByLabelText(label), screen.getByRole('option', { name: option }));
}

describe('RangePicker', () => {
  it("gives each preset's dates in the call centre's zone, not the browser's", async () => {
    const seen = renderPicker('Europe/Madrid');
    await choose('Period', 'Yesterday');
    await choose('Period', 'This week');
    await choose('Period', 'Last 30 days');
    await choose('Period', 'Today');
    expect(seen).toEqual([
      { preset: 'yesterday', from: '2026-03-29', to: '2026-03-29' },
      { preset: 'thisWeek', from: '2026-03-30', to: '2026-03-30' },
      { preset: 'last30Days', from: '2026-03-01', to: '2026-03-30' },
      { preset: 'today', from: '2026-03-30', to: '2026-03-30' },
    ]);
  });

  it('counts the same moment as the previous day west of Greenwich, with the week from Monday', async () => {
    const seen = renderPicker('America/New_York');
    await choose('Period', 'Today');
    await choose('Period', 'This week');
    await choose('Period', 'Last 30 days');
    expect(seen).toEqual([
      { preset: 'today', from: '2026-03-29', to: '2026-03-29' },
      { preset: 'thisWeek', from: '2026-03-23', to: '2026-03-29' },
      { preset: 'last30Days', from: '2026-02-28', to: '2026-03-29' },
    ]);
  });

  it('keeps custom dates as typed and says when the end is before the start', async () => {
    const seen = renderPicker('Europe/Madrid');
    await choose('Period', 'Last 30 days');
    await choose('Period', 'Custom dates');
    expect(seen.at(-1)).toEqual({ preset: 'custom', from: '2026-03-01', to: '2026-03-30' });
    const to = screen.getByLabelText('To');
    await userEvent.clear(to);
    await userEvent.type(to, '2026-02-15');
    expect(seen.at(-1)).toEqual({ preset: 'custom', from: '2026-03-01', to: '2026-02-15' });
    expect(screen.getByText('The end must be on or after the start.')).toBeInTheDocument();
    expect(screen.queryByTestId('range-shown')).toBeNull();
  });

  it('labels the presets in Spanish and shows the range with its zone', async () => {
    const seen = renderPicker('Europe/Madrid', 'es');
    const period = screen.getByLabelText('Periodo');
    expect(
      within(period)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Hoy', 'Ayer', 'Esta semana', 'Últimos 30 días', 'Fechas a elegir']);
    await choose('Periodo', 'Últimos 30 días');
    expect(seen).toEqual([{ preset: 'last30Days', from: '2026-03-01', to: '2026-03-30' }]);
    expect(screen.getByTestId('range-shown')).toHaveTextContent('del 1 mar 2026 al 30 mar 2026 (Europe/Madrid)');
  });
});
