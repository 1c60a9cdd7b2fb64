import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../../test/mock-api';
import { makeOrder, makeUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { OrderItemsSection } from '../components/OrderItemsSection';

const order = makeOrder();

describe('OrderItemsSection', () => {
  it('saves the items as edited, shows a refusal under them, and Escape leaves the edit', async () => {
    let answer = 409;
    const server = mockApi({
      'GET /api/auth/me': () => ({ body: { user: makeUser({ role: 'admin' }) } }),
      'PATCH /api/orders/:id': () =>
        answer === 409
          ? { status: 409, body: { error: { code: 'conflict', message: 'The order was paid meanwhile' } } }
          : { body: { order } },
    });
    renderWithProviders(<OrderItemsSection order={order} startEditing />);
    await userEvent.click(await screen.findByTestId('items-save'));
    expect(await screen.findByText('The order was paid meanwhile')).toBeInTheDocument();
    const [patch] = server.calls('PATCH', /\/api\/orders\//);
    expect(patch!.body).toEqual({
      items: order.items.map(({ name, quantity, unitPrice }) => ({ name, quantity, unitPrice })),
      discount: order.discount,
    });

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('items-save')).not.toBeInTheDocument();
    expect(screen.getByTestId('items-total')).toBeInTheDocument();

    answer = 200;
    await userEvent.click(await screen.findByTestId('items-edit'));
    expect(screen.queryByText('The order was paid meanwhile')).not.toBeInTheDocument();
    await userEvent.click(screen.getByTestId('items-save'));
    await waitFor(() => expect(screen.queryByTestId('items-save')).not.toBeInTheDocument());
    expect(server.calls('PATCH', /\/api\/orders\//)).toHaveLength(2);
  });
});
