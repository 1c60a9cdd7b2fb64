import { afterEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import type { OrderListItem } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { makeOrder, makeUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { OrdersPage } from '../components/OrdersPage';
import { columnStorageKey } from '../hooks/use-column-choice';

const manager = makeUser();
const row: OrderListItem = { ...makeOrder({ number: 1042 }), clientName: 'Lucía Fernández', managerName: 'Marta' };

function api(user = manager) {
  return mockApi({
    'GET /api/auth/me': () => ({ body: { user } }),
    'GET /api/orders': (req) => ({
      body: { items: [row], total: 120, page: Number(req.search.get('page')), limit: Number(req.search.get('limit')) },
    }),
  });
}

function renderPage(route = '/orders') {
  return renderWithProviders(<Route path="/orders" component={OrdersPage} />, { route });
}

afterEach(() => localStorage.clear());

describe('OrdersPage', () => {
  it('asks for pending, reserved and paid by default, newest first, and shows the total', async () => {
    const server = api();
    renderPage();
    expect(await screen.findByText('#1042')).toBeInTheDocument();
    const [request] = server.calls('GET', /\/api\/orders$/);
    expect(request!.search.get('status')).toBe('pending,reserved,paid');
    expect(request!.search.get('page')).toBe('1');
    expect(screen.getByTestId('orders-total')).toHaveTextContent('120 orders');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveTextContent('Pending, Reserved, Paid');
  });

  it('reads the view from the URL and writes changes back to it as a new history entry, starting again at page 1', async () => {
    const server = api();
    const { visited } = renderPage('/orders?status=all&year=2025&q=600111&page=2');
    await screen.findByText('#1042');
    const first = server.calls('GET', /\/api\/orders$/)[0]!;
    expect(Object.fromEntries(first.search)).toEqual({
      status: 'all',
      year: '2025',
      q: '600111',
      page: '2',
      limit: '50',
    });
    expect(screen.getByTestId('orders-search')).toHaveValue('600111');

    await userEvent.click(screen.getByRole('combobox', { name: 'Status' }));
    const listbox = await screen.findByRole('listbox');
    await userEvent.click(within(listbox).getByText('Reserved'));
    await userEvent.keyboard('{Escape}');
    await waitFor(() =>
      expect(visited).toEqual([
        '/orders?status=all&year=2025&q=600111&page=2',
        '/orders?status=reserved&year=2025&q=600111',
      ]),
    );
    await waitFor(() =>
      expect(
        server
          .calls('GET', /\/api\/orders$/)
          .at(-1)!
          .search.get('status'),
      ).toBe('reserved'),
    );
    expect(
      server
        .calls('GET', /\/api\/orders$/)
        .at(-1)!
        .search.get('page'),
    ).toBe('1');
  });

  it('debounces the search: one request for a typed phrase, with the previous rows kept meanwhile', async () => {
    const server = api();
    const { visited } = renderPage();
    await screen.findByText('#1042');
    await userEvent.type(screen.getByTestId('orders-search'), 'Lucía');
    expect(screen.getByText('#1042')).toBeInTheDocument();
    await waitFor(() => expect(visited.at(-1)).toContain('q=Luc%C3%ADa'));
    const searches = server.calls('GET', /\/api\/orders$/).filter((r) => r.search.has('q'));
    expect(searches.map((r) => r.search.get('q'))).toEqual(['Lucía']);
  });

  it('keeps a searched phrase that looks like an escape ("%41") as typed, in the URL and the request', async () => {
    const server = api();
    const { visited } = renderPage('/orders?q=%2541');
    await screen.findByText('#1042');
    expect(server.calls('GET', /\/api\/orders$/)[0]!.search.get('q')).toBe('%41');
    expect(screen.getByTestId('orders-search')).toHaveValue('%41');

    await userEvent.type(screen.getByTestId('orders-search'), '%42');
    await waitFor(() => expect(visited.at(-1)).toBe('/orders?q=%2541%2542'));
    await waitFor(() =>
      expect(
        server
          .calls('GET', /\/api\/orders$/)
          .at(-1)!
          .search.get('q'),
      ).toBe('%41%42'),
    );
  });

  it('opens the order card from a row, by click or by Enter', async () => {
    api();
    const { visited } = renderPage();
    const rowEl = await screen.findByRole('row', { name: 'Open order #1042' });
    rowEl.focus();
    await userEvent.keyboard('{Enter}');
    expect(visited).toEqual(['/orders', `/orders/${row.id}`]);
  });

  it('remembers the columns each user chose', async () => {
    api();
    const { unmount } = renderPage();
    await screen.findByText('#1042');
    expect(screen.getByRole('columnheader', { name: 'Manager' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Columns shown' }));
    await userEvent.click(await screen.findByRole('menuitem', { name: 'Manager' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('columnheader', { name: 'Manager' })).not.toBeInTheDocument());
    expect(JSON.parse(localStorage.getItem(columnStorageKey(manager.id))!)).not.toContain('manager');
    unmount();

    api();
    const again = renderPage();
    await screen.findByText('#1042');
    expect(screen.queryByRole('columnheader', { name: 'Manager' })).not.toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Payment' })).toBeInTheDocument();
    again.unmount();

    api({ ...manager, id: 'u00000000000000000000002', name: 'Pablo' });
    renderPage();
    await screen.findByText('#1042');
    expect(screen.getByRole('columnheader', { name: 'Manager' })).toBeInTheDocument();
  });
});
