import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'wouter';
import type { Client, PendingContact } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { makeClient, settings } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ClientPage } from '../components/ClientPage';

const fromWebsite: PendingContact[] = [
  {
    id: 'p00000000000000000000001',
    kind: 'email',
    value: 'new@example.com',
    display: 'new@example.com',
    orderId: 'a00000000000000000000002',
    orderNumber: 1002,
    receivedAt: '2026-01-02T10:00:00.000Z',
  },
  {
    id: 'p00000000000000000000002',
    kind: 'phone',
    value: '+34600999888',
    display: '+34 600 99 98 88',
    orderId: 'a00000000000000000000003',
    orderNumber: 1003,
    receivedAt: '2026-01-03T10:00:00.000Z',
  },
];

/** The server's client, changed by the confirm and dismiss routes as the real ones do. */
function api(start: Client) {
  let client = start;
  const without = (id: string) => (client.pendingContacts ?? []).filter((p) => p.id !== id);
  const idOf = (path: string) => path.split('/')[5]!;
  return mockApi({
    'GET /api/clients/:id': () => ({ body: { client } }),
    'GET /api/settings': () => ({ body: { settings } }),
    'GET /api/clients/:id/orders': () => ({ body: { items: [], total: 0, page: 1, limit: 100 } }),
    'GET /api/clients/:id/calls': () => ({ body: { items: [], total: 0, page: 1, limit: 100 } }),
    'POST /api/clients/:id/pending-contacts/:contactId/confirm': (req) => {
      const pending = client.pendingContacts!.find((p) => p.id === idOf(req.path))!;
      client = { ...client, emails: [...client.emails, pending.value], pendingContacts: without(pending.id) };
      return { body: { client } };
    },
    'DELETE /api/clients/:id/pending-contacts/:contactId': (req) => {
      client = { ...client, pendingContacts: without(idOf(req.path)) };
      return { status: 204 };
    },
  });
}

function renderPage(client: Client) {
  return renderWithProviders(
    <Route path="/clients/:id">
      <ClientPage />
    </Route>,
    { route: `/clients/${client.id}` },
  );
}

describe('ClientPage: contacts from the website', () => {
  it('lists unconfirmed contacts with their order, and confirming one makes it a contact', async () => {
    const client = makeClient({ emails: [], pendingContacts: fromWebsite });
    const server = api(client);
    renderPage(client);
    const section = await screen.findByRole('region', { name: 'From the website, not confirmed' });
    const rows = within(section).getAllByTestId('pending-contact');
    expect(rows.map((r) => within(r).getByText(/@|\+34/).textContent)).toEqual(['new@example.com', '+34 600 99 98 88']);
    expect(within(rows[0]!).getByRole('link', { name: /order #1002/ })).toHaveAttribute(
      'href',
      '/orders/a00000000000000000000002',
    );

    await userEvent.click(
      within(section).getByRole('button', { name: 'Confirm new@example.com as a contact of the client' }),
    );
    await waitFor(() => expect(within(section).getAllByTestId('pending-contact')).toHaveLength(1));
    expect(server.calls('POST', /\/confirm$/).map((r) => r.path)).toEqual([
      `/api/clients/${client.id}/pending-contacts/p00000000000000000000001/confirm`,
    ]);
    expect(screen.getByRole('link', { name: 'new@example.com' })).toHaveAttribute('href', 'mailto:new@example.com');
  });

  it('dismisses one, and shows no section once none is left', async () => {
    const client = makeClient({ pendingContacts: [fromWebsite[1]!] });
    const server = api(client);
    renderPage(client);
    const section = await screen.findByRole('region', { name: 'From the website, not confirmed' });
    await userEvent.click(within(section).getByRole('button', { name: 'Dismiss +34 600 99 98 88' }));
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: 'From the website, not confirmed' })).not.toBeInTheDocument(),
    );
    expect(server.calls('DELETE', /pending-contacts/).map((r) => r.path)).toEqual([
      `/api/clients/${client.id}/pending-contacts/p00000000000000000000002`,
    ]);
    expect(server.calls('POST', /\/confirm$/)).toHaveLength(0);
  });
});
