import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../../test/mock-api';
import { settings } from '../../../test/fixtures';
import { client, order, renderCallDialog } from './call-dialog-setup';

function setup() {
  const server = mockApi({
    'GET /api/settings': () => ({ body: { settings } }),
    'GET /api/orders/:id': () => ({ body: { order, client } }),
    'POST /api/orders/:id/calls': () => ({ status: 201, body: { call: { id: 'x' }, order, newOrder: order } }),
  });
  const onSaved = renderCallDialog('completed');
  return { server, onSaved };
}

describe('CallDialog: the follow-up order', () => {
  it("opens the new order's items, copied from this order, and saves the call with the edited items by keyboard", async () => {
    const user = userEvent.setup();
    const { server, onSaved } = setup();
    await user.click(screen.getByRole('button', { name: 'Save and create invoice…' }));
    expect(await screen.findByRole('heading', { name: 'Items of the new order' })).toHaveFocus();
    expect(await screen.findByRole('textbox', { name: 'Product, row 1' })).toHaveValue('Lamp');
    expect(server.calls('POST', /\/calls$/)).toHaveLength(0);

    const quantity = screen.getByRole('textbox', { name: 'Quantity, row 1' });
    await user.clear(quantity);
    await user.type(quantity, '3');
    await user.click(screen.getByRole('button', { name: 'Add an item' }));
    await user.keyboard('Shade');
    await user.type(screen.getByRole('textbox', { name: 'Unit price (EUR), row 2' }), '5');
    expect(screen.getByTestId('items-total-preview')).toHaveTextContent('€65.00');
    // Enter saves from any field of the dialog, as for every call.
    await user.keyboard('{Enter}');

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    const [request] = server.calls('POST', /\/calls$/);
    expect(request!.body).toEqual({
      outcome: 'completed',
      followUp: 'invoice',
      followUpItems: [
        { name: 'Lamp', quantity: 3, unitPrice: 20 },
        { name: 'Shade', quantity: 1, unitPrice: 5 },
      ],
      followUpDiscount: 0,
    });
  });

  it('does not save while an item is wrong, and Back returns to the plain call', async () => {
    const user = userEvent.setup();
    const { server } = setup();
    await user.click(screen.getByRole('button', { name: 'Cancel and create order…' }));
    const name = await screen.findByRole('textbox', { name: 'Product, row 1' });
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: /Save the call and create the order/ }));
    expect(screen.getByText('Enter the product name')).toBeInTheDocument();
    expect(server.calls('POST', /\/calls$/)).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.queryByTestId('follow-up-items')).not.toBeInTheDocument();
    expect(screen.getByTestId('call-save')).toHaveTextContent('Save');
  });
});
