import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FloorReport, User } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { makeUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { FloorPage } from '../components/FloorPage';

const ana = makeUser({ id: 'u00000000000000000000009', name: 'Ana', email: 'ana.admin@callboard.test', role: 'admin' });
const itemId = 'o00000000000000000000042';
// Half a minute over, so the page's clock (read before the answer arrives) still shows whole minutes.
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function floor(held: boolean): FloorReport {
  return {
    queue: [
      {
        itemId,
        kind: 'order',
        orderId: itemId,
        orderNumber: 1042,
        clientName: 'Lucía Fernández',
        reason: 'New order, not called yet',
        why: { kind: 'new', streak: 0, lastCallAt: null },
        dueAt: minutesAgo(30.5),
        waitingSince: minutesAgo(30.5),
        clientTimeZone: 'Europe/Madrid',
        clientLocalTime: '10:00',
        outsideCallingHours: false,
        ...(held ? { heldBy: { id: 'u00000000000000000000001', name: 'Marta', since: minutesAgo(3.5) } } : {}),
      },
    ],
    managers: [
      {
        id: 'u00000000000000000000001',
        name: 'Marta',
        signedIn: true,
        ...(held ? { holding: { itemId, kind: 'order' as const, since: minutesAgo(3.5) } } : {}),
        callsToday: 4,
      },
    ],
    totals: { due: 1, held: held ? 1 : 0, callsToday: 4, reachedToday: 2 },
  };
}

function serve(me: User) {
  let held = true;
  const server = mockApi({
    'GET /api/auth/me': () => ({ body: { user: me } }),
    'GET /api/reports/floor': () => ({ body: floor(held) }),
    'DELETE /api/queue/claims/:itemId': () => {
      held = false;
      return { status: 204 };
    },
  });
  return server;
}

describe('FloorPage', () => {
  it('releases a held call after the admin confirms, says so to screen readers and shows it free', async () => {
    const server = serve(ana);
    const { store } = renderWithProviders(<FloorPage />, { route: '/floor' });
    const row = await screen.findByTestId(`floor-item-${itemId}`);
    expect(within(row).getByTestId('held-by')).toHaveTextContent('Marta, for 3 min');
    expect(screen.getByTestId(`floor-manager-u00000000000000000000001`)).toHaveTextContent('#1042, for 3 min');

    await userEvent.click(within(row).getByRole('button', { name: 'Release #1042, held by Marta' }));
    const dialog = await screen.findByRole('dialog', { name: 'Release #1042?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Release' }));

    await waitFor(() => expect(within(row).getByTestId('held-by')).toHaveTextContent('—'));
    expect(server.calls('DELETE', /^\/api\/queue\/claims\//).map((r) => r.path)).toEqual([
      `/api/queue/claims/${itemId}`,
    ]);
    expect(store.getState().announcer).toMatchObject({
      key: 'floor.released',
      vars: { what: '#1042', name: 'Marta' },
    });
    expect(within(row).queryByRole('button', { name: /Release/ })).toBeNull();
    expect(screen.getByTestId('total-held')).toHaveTextContent('0');
    // The button went with the claim: the focus lands on the queue's heading, not on the page's start.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Due queue' })).toHaveFocus());
  });

  it('releases nothing when the admin cancels', async () => {
    const server = serve(ana);
    renderWithProviders(<FloorPage />, { route: '/floor' });
    await userEvent.click(await screen.findByRole('button', { name: 'Release #1042, held by Marta' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(server.calls('DELETE', /claims/)).toHaveLength(0);
  });

  it('shows the floor without Release to a manager with the reports right, and refuses one without it', async () => {
    serve(makeUser({ rights: ['reports.view'] }));
    const first = renderWithProviders(<FloorPage />, { route: '/floor' });
    expect(await screen.findByTestId(`floor-item-${itemId}`)).toHaveTextContent('Marta, for 3 min');
    expect(screen.queryByRole('button', { name: /Release/ })).toBeNull();
    first.unmount();

    const server = serve(makeUser());
    renderWithProviders(<FloorPage />, { route: '/floor' });
    expect(await screen.findByText(/for administrators and managers with the reports right/)).toBeInTheDocument();
    expect(server.calls('GET', /reports/)).toHaveLength(0);
  });
});
