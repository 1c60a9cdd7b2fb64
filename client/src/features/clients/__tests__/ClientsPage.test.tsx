import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import type { ClientListItem } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { makeClient, makeUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ClientsPage } from '../components/ClientsPage';

const row: ClientListItem = {
  ...makeClient({ name: 'Lucía Fernández' }),
  orders: { count: 3, lastOrderId: null, lastOrderNumber: null, lastOrderAt: null },
};

function api() {
  return mockApi({
    'GET /api/auth/me': () => ({ body: { user: makeUser() } }),
    'GET /api/clients': (req) => ({
      body: { items: [row], total: 120, page: Number(req.search.get('page')), limit: Number(req.search.get('limit')) },
    }),
  });
}

describe('ClientsPage', () => {
  it('pages through the clients with the page in the URL, and a new page size starts again at page 1', async () => {
    const server = api();
    const { visited } = renderWithProviders(<Route path="/clients" component={ClientsPage} />, {
      route: '/clients?page=2',
    });
    expect(await screen.findByText('Lucía Fernández')).toBeInTheDocument();
    expect(screen.getByTestId('clients-total')).toHaveTextContent('120 clients');
    expect(screen.getByText('51–100 of 120')).toBeInTheDocument();
    expect(server.calls('GET', /\/api\/clients$/)[0]!.search.get('page')).toBe('2');

    await userEvent.click(screen.getByRole('button', { name: 'Go to next page' }));
    await waitFor(() => expect(visited.at(-1)).toBe('/clients?page=3'));

    await userEvent.click(screen.getByRole('combobox', { name: /rows per page/i }));
    await userEvent.click(await screen.findByRole('option', { name: '25' }));
    await waitFor(() => expect(visited.at(-1)).toBe('/clients?limit=25'));
    await waitFor(() =>
      expect(Object.fromEntries(server.calls('GET', /\/api\/clients$/).at(-1)!.search)).toEqual({
        page: '1',
        limit: '25',
      }),
    );
  });
});
