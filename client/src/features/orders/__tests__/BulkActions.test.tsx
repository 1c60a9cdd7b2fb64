import { afterEach, describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import type { BulkJob, OrderListItem } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { makeOrder, makeUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { OrdersPage } from '../components/OrdersPage';

const admin = makeUser({ id: 'u00000000000000000000009', role: 'admin', name: 'Ana' });
const rows: OrderListItem[] = [
  { ...makeOrder({ id: 'a00000000000000000000001', number: 1042 }), clientName: 'Lucía', managerName: null },
  {
    ...makeOrder({ id: 'a00000000000000000000002', number: 1043, status: 'paid', tags: ['vip'] }),
    clientName: 'Jordi',
    managerName: null,
  },
];
const job: BulkJob = {
  id: 'b00000000000000000000001',
  action: { type: 'status', status: 'processing', notifyClient: true },
  total: 120,
  done: 0,
  changed: 0,
  skipped: [],
  state: 'running',
  error: null,
  createdAt: '2026-03-02T10:00:00.000Z',
  finishedAt: null,
};

function api(user = admin) {
  return mockApi({
    'GET /api/auth/me': () => ({ body: { user } }),
    'GET /api/users': () => ({ body: { items: [admin] } }),
    'GET /api/orders': () => ({ body: { items: rows, total: 120, page: 1, limit: 50 } }),
    'POST /api/orders/bulk': () => ({ status: 202, body: { job } }),
    'GET /api/orders/bulk/:id': () => ({
      body: {
        job: {
          ...job,
          done: 120,
          changed: 119,
          state: 'done',
          skipped: [{ orderId: rows[1]!.id, number: 1043, reason: 'transition_not_allowed', status: 'completed' }],
        },
      },
    }),
  });
}

function renderPage(route = '/orders') {
  return renderWithProviders(<Route path="/orders" component={OrdersPage} />, { route });
}

afterEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('OrdersPage bulk actions', () => {
  it('selects rows without opening them, then the page, then everything matching the filter', async () => {
    api();
    const { visited } = renderPage('/orders?tag=vip');
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select order #1042' }));
    expect(visited).toEqual(['/orders?tag=vip']);
    const toolbar = screen.getByRole('toolbar', { name: 'Actions on the selected orders' });
    expect(within(toolbar).getByTestId('bulk-count')).toHaveTextContent('1 selected');
    expect(within(toolbar).queryByRole('button', { name: /Select all/ })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select every order on this page' }));
    expect(within(toolbar).getByTestId('bulk-count')).toHaveTextContent('2 selected');
    await userEvent.click(within(toolbar).getByRole('button', { name: 'Select all 120 matching the filter' }));
    expect(within(toolbar).getByTestId('bulk-count')).toHaveTextContent(
      'All 120 orders matching the filter are selected',
    );
    expect(screen.getByRole('checkbox', { name: 'Select order #1043' })).toBeChecked();
    expect(screen.getByTestId('orders-export')).toHaveAttribute(
      'href',
      '/api/orders/export.csv?status=pending%2Creserved%2Cpaid&tag=vip',
    );
  });

  it('changes the status of all matching orders with the letters, then shows what was skipped and why', async () => {
    const server = api();
    renderPage('/orders?tag=vip');
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select every order on this page' }));
    await userEvent.click(screen.getByRole('button', { name: 'Select all 120 matching the filter' }));
    await userEvent.click(screen.getByRole('button', { name: 'Change status' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the status of 120 orders' });
    await userEvent.click(
      within(dialog).getByRole('checkbox', { name: 'Send the customers the letter for this status' }),
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply to 120 orders' }));

    expect(await within(dialog).findByText('Changed 119, skipped 1.')).toBeInTheDocument();
    expect(within(dialog).getByText('#1043: cannot go from Completed to Processing')).toBeInTheDocument();
    expect(server.calls('POST', /\/api\/orders\/bulk$/).map((r) => r.body)).toEqual([
      {
        selection: { query: { status: 'pending,reserved,paid', tag: 'vip' } },
        action: { type: 'status', status: 'processing', notifyClient: true },
      },
    ]);
    // The list is asked again once the job has finished.
    await waitFor(() => expect(server.calls('GET', /\/api\/orders$/).length).toBeGreaterThanOrEqual(2));
    expect(screen.queryByTestId('bulk-toolbar')).not.toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(sessionStorage.getItem('callboard.orders.bulkJob')).toBeNull();
  });

  it('adds a tag to the ticked rows by id', async () => {
    const server = api();
    renderPage();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select order #1043' }));
    await userEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a tag to 1 orders' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Tag' }), 'promo');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Apply to 1 orders' }));
    await within(dialog).findByTestId('bulk-summary');
    expect(server.calls('POST', /\/api\/orders\/bulk$/).map((r) => r.body)).toEqual([
      { selection: { ids: [rows[1]!.id] }, action: { type: 'tag', add: ['promo'] } },
    ]);
  });

  it('offers a manager only the actions their rights allow', async () => {
    api(makeUser({ rights: ['orders.edit'] }));
    renderPage();
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select order #1042' }));
    const toolbar = screen.getByRole('toolbar');
    expect(within(toolbar).queryByRole('button', { name: 'Change status' })).not.toBeInTheDocument();
    expect(within(toolbar).getByRole('button', { name: 'Assign manager' })).toBeInTheDocument();
  });
});
