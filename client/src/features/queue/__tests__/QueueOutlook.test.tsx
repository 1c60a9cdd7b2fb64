import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import { Settings as Luxon } from 'luxon';
import type { QueueOutlook } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { settings } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { WorkbenchPage } from '../components/WorkbenchPage';

const empty = { workbench: { open: null, autoAdvance: true, nothingDue: false } };

function emptyQueue(outlook: QueueOutlook, due = 0) {
  return mockApi({
    'GET /api/settings': () => ({ body: { settings } }),
    'GET /api/queue/count': () => ({ body: { due, more: false } }),
    'GET /api/queue/outlook': () => ({ body: outlook }),
  });
}

const nightInEurope: QueueOutlook = {
  outsideHours: { count: 12, more: false, opensAt: '2026-05-04T07:00:00.000Z', zone: 'Europe/Madrid' },
  heldForOthers: { count: 3, until: '2026-05-04T09:15:00.000Z' },
  nextDueAt: '2026-05-04T14:00:00.000Z',
};

describe('The empty workbench explains itself', () => {
  beforeEach(() => {
    Luxon.now = () => Date.parse('2026-05-04T04:30:00Z');
    Luxon.defaultZone = 'UTC';
  });
  afterEach(() => {
    Luxon.now = () => Date.now();
    Luxon.defaultZone = 'system';
  });

  it('says how many calls wait for calling hours and when the next open, what is held for others, and what comes next', async () => {
    emptyQueue(nightInEurope);
    renderWithProviders(<WorkbenchPage />, { preloadedState: empty });
    const outlook = await screen.findByTestId('queue-outlook');
    expect(outlook.textContent).toBe(
      "12 calls are due but outside their clients' calling hours; the next opens at 9:00 AM Europe/Madrid (in 2 hr, 30 min)." +
        '3 callbacks are held for other managers, the first until 9:15 AM.' +
        'Nothing else is due until today 2:00 PM.',
    );
  });

  it('in Spanish, and with a single call and nothing planned after it', async () => {
    emptyQueue({
      outsideHours: { count: 1, more: false, opensAt: '2026-05-04T13:00:00.000Z', zone: 'America/New_York' },
      heldForOthers: { count: 0, until: null },
      nextDueAt: null,
    });
    renderWithProviders(<WorkbenchPage />, { preloadedState: { ...empty, preferences: { locale: 'es' } } });
    expect((await screen.findByTestId('queue-outlook')).textContent).toBe(
      'Hay 1 llamada pendiente fuera del horario de llamadas de su cliente; abre a las 9:00 America/New_York (dentro de 8 h y 30 min).',
    );
  });

  it('says when nothing at all is planned', async () => {
    const server = emptyQueue({
      outsideHours: { count: 0, more: false, opensAt: null, zone: null },
      heldForOthers: { count: 0, until: null },
      nextDueAt: null,
    });
    renderWithProviders(<WorkbenchPage />, { preloadedState: empty });
    expect(await screen.findByTestId('queue-outlook')).toHaveTextContent(
      'No calls are planned: new orders appear here as they arrive.',
    );
    expect(server.calls('GET', /\/queue\/outlook$/)).toHaveLength(1);
  });

  it('is not asked for while calls are due', async () => {
    const server = emptyQueue(nightInEurope, 4);
    renderWithProviders(<WorkbenchPage />, { preloadedState: empty });
    expect(await screen.findByTestId('due-count')).toHaveTextContent('Due now: 4');
    expect(screen.queryByTestId('queue-outlook')).toBeNull();
    expect(server.calls('GET', /\/queue\/outlook$/)).toHaveLength(0);
  });
});
