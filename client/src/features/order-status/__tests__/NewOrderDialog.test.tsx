import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../../test/mock-api';
import { makeClient, makeOrder } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { NewOrderDialog } from '../components/NewOrderDialog';

const order = makeOrder({ paymentMethod: null });
const client = makeClient();

describe('NewOrderDialog', () => {
  it("creates an order of this order's items for the same client and opens it", async () => {
    const created = makeOrder({ id: 'o00000000000000000000099' });
    const server = mockApi({ 'POST /api/orders': () => ({ status: 201, body: { order: created } }) });
    const { visited } = renderWithProviders(<NewOrderDialog order={order} client={client} onClose={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'New order for Lucía Fernández' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Create the order' }));
    await waitFor(() => expect(visited.at(-1)).toBe(`/orders/${created.id}`));
    expect(server.calls('POST', /\/api\/orders$/).map((r) => r.body)).toEqual([
      {
        client: { name: 'Lucía Fernández', email: 'lucia@example.com', phone: '+34600111222' },
        items: [{ name: 'Lamp', quantity: 2, unitPrice: 20 }],
        currency: 'EUR',
        source: 'web',
        channel: 'organic',
      },
    ]);
  });
});
