import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../../test/mock-api';
import { makeOrder } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { AddPaymentDialog } from '../components/AddPaymentDialog';
import { ConfirmPaymentDialog } from '../components/ConfirmPaymentDialog';

const order = makeOrder({ total: 60, paid: 20, currency: 'EUR', paymentMethod: 'card' });

describe('payment dialogs', () => {
  it('confirms what is left with the picked method and transaction id, then closes', async () => {
    const server = mockApi({ 'POST /api/orders/:id/payment-check/confirm': () => ({ body: { order } }) });
    const onClose = jest.fn();
    renderWithProviders(<ConfirmPaymentDialog order={order} onClose={onClose} />);
    expect(screen.getByRole('dialog', { name: `Confirm the payment of order #${order.number}` })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: 'Payment method' }));
    await userEvent.click(await screen.findByRole('option', { name: 'bank transfer' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Transaction id' }), ' TX-9 ');
    await userEvent.click(screen.getByTestId('payment-check-confirm-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    const [request] = server.calls('POST', /payment-check\/confirm$/);
    expect(request!.body).toEqual({ method: 'transfer', transactionId: 'TX-9' });
  });

  it('shows the server refusal under the fields and stays open; Cancel closes without a request', async () => {
    const server = mockApi({
      'POST /api/orders/:id/payments': () => ({
        status: 409,
        body: { error: { code: 'conflict', message: 'The order is cancelled' } },
      }),
    });
    const onClose = jest.fn();
    renderWithProviders(<AddPaymentDialog order={order} onClose={onClose} />);
    expect(screen.getByRole('dialog', { name: `Payment for order #${order.number}` })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: /Amount/ })).toHaveValue(40);
    await userEvent.click(screen.getByTestId('payment-save'));
    expect(await screen.findByText('The order is cancelled')).toBeInTheDocument();
    expect(server.calls('POST', /\/payments$/)[0]!.body).toEqual({ amount: 40, method: 'card', kind: 'payment' });
    expect(onClose).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(1);
  });
});
