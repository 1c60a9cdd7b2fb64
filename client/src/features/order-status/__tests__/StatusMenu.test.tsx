import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Settings, Template } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { makeClient, makeOrder, makeUser, settings as baseSettings } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { StatusMenu } from '../components/StatusMenu';

const admin = makeUser({ id: 'u00000000000000000000009', email: 'ana@callboard.test', name: 'Ana', role: 'admin' });
const manager = makeUser();
const order = makeOrder({ status: 'pending' });
const client = makeClient();

const template = (over: Partial<Template>): Template => ({
  id: 't00000000000000000000001',
  name: 'Reserved',
  subject: 'Your order <$order_number> is reserved',
  html: '<p>Pay <$total> to <$bank_account>. <$message></p>',
  outcome: null,
  status: 'reserved',
  event: null,
  locale: 'en',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

function api({
  user = admin as object,
  settings = baseSettings as Settings,
  templates = [template({})],
  del = { status: 204 } as { status: number; body?: unknown },
} = {}) {
  return mockApi({
    'GET /api/auth/me': () => ({ body: { user } }),
    'GET /api/settings': () => ({ body: { settings } }),
    'GET /api/templates': () => ({ body: { items: templates } }),
    'POST /api/templates/preview': (req) => {
      const body = req.body as { subject: string; html: string; extra?: { message?: string } };
      return {
        body: {
          subject: body.subject.replace('<$order_number>', '1001'),
          html: body.html.replace('<$message>', body.extra?.message ?? ''),
          text: '',
          missing: [],
          unknown: [],
        },
      };
    },
    'POST /api/orders/:id/status': (req) => ({
      body: { order: { ...order, status: (req.body as { status: string }).status } },
    }),
    'DELETE /api/orders/:id': () => del,
  });
}

function renderMenu() {
  return renderWithProviders(<StatusMenu order={order} client={client} />, { route: `/orders/${order.id}` });
}

async function openMenu() {
  await userEvent.click(await screen.findByRole('button', { name: 'Change status' }));
  return screen.findByRole('menu');
}

describe('StatusMenu', () => {
  it('offers exactly the transitions the server allows from the current status', async () => {
    api();
    renderMenu();
    const menu = await openMenu();
    const statuses = within(menu)
      .getAllByRole('menuitem')
      .map((item) => item.getAttribute('data-status'))
      .filter(Boolean);
    expect(statuses).toEqual(['reserved', 'paid', 'processing', 'on_hold', 'cancelled', 'failed']);
    expect(within(menu).queryByText('Shipped')).not.toBeInTheDocument();
    expect(within(menu).getByText('Delete the order')).toBeInTheDocument();
  });

  it('is not there for a manager without the orders.status right, and is for one with it', async () => {
    api({ user: manager });
    const { unmount, store } = renderMenu();
    // Only once the signed-in user is known does "no menu" mean anything.
    await waitFor(() => expect(store.getState().api.queries['getMe(undefined)']?.status).toBe('fulfilled'));
    expect(screen.queryByRole('button', { name: 'Change status' })).not.toBeInTheDocument();
    unmount();

    api({ user: { ...manager, rights: ['orders.status'] } });
    renderMenu();
    const menu = await openMenu();
    expect(within(menu).queryByText('Delete the order')).not.toBeInTheDocument();
  });

  it('defaults "e-mail the customer" from the settings for the target status', async () => {
    api({
      settings: {
        ...baseSettings,
        statusEmails: {
          reserved: { notifyClient: true, templateId: null },
          on_hold: { notifyClient: false, templateId: null },
        },
      },
    });
    renderMenu();
    await userEvent.click(within(await openMenu()).getByText('Reserved'));
    expect(await screen.findByRole('checkbox', { name: 'E-mail the customer' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'E-mail the admin' })).not.toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    await userEvent.click(within(await openMenu()).getByText('On hold'));
    expect(await screen.findByRole('checkbox', { name: 'E-mail the customer' })).not.toBeChecked();
  });

  it('previews the letter the settings choose, with the typed message, and sends the change', async () => {
    const chosen = template({
      id: 't00000000000000000000002',
      name: 'Custom reserved',
      status: null,
      html: '<p>CUSTOM <$message></p>',
    });
    const server = api({
      settings: { ...baseSettings, statusEmails: { reserved: { notifyClient: true, templateId: chosen.id } } },
      templates: [template({}), chosen],
    });
    renderMenu();
    await userEvent.click(within(await openMenu()).getByText('Reserved'));
    await userEvent.type(await screen.findByLabelText('Extra message for the letter'), 'Stock held until Friday');
    await waitFor(() =>
      expect(screen.getByTestId('status-letter-preview')).toHaveTextContent('CUSTOM Stock held until Friday'),
    );
    const preview = server.calls('POST', /preview$/).at(-1)!;
    expect(preview.body).toMatchObject({
      orderId: order.id,
      locale: 'en',
      extra: { status: 'reserved', message: 'Stock held until Friday' },
    });

    await userEvent.click(screen.getByTestId('status-confirm'));
    await waitFor(() => expect(server.calls('POST', /\/status$/)).toHaveLength(1));
    expect(server.calls('POST', /\/status$/)[0]!.body).toEqual({
      status: 'reserved',
      notifyClient: true,
      notifyAdmin: false,
      message: 'Stock held until Friday',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('explains a refused delete (the order has history) and offers cancelling instead', async () => {
    api({
      del: {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message: 'Order #1001 has payments, calls or notes: cancel it instead of deleting it',
          },
        },
      },
    });
    renderMenu();
    await userEvent.click(within(await openMenu()).getByText('Delete the order'));
    await userEvent.click(await screen.findByTestId('delete-confirm'));
    expect(await screen.findByTestId('delete-refused')).toHaveTextContent('cannot be deleted');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the order instead' }));
    expect(await screen.findByRole('heading', { name: 'Change the status to “Cancelled”' })).toBeInTheDocument();
  });

  it('leaves the card for the list once an order is deleted, in place of the card in the history', async () => {
    api();
    const { visited } = renderMenu();
    await userEvent.click(within(await openMenu()).getByText('Delete the order'));
    await userEvent.click(await screen.findByTestId('delete-confirm'));
    await waitFor(() => expect(visited).toEqual(['/orders']));
  });
});
