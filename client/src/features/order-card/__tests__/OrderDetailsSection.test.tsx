import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../../test/mock-api';
import { makeOrder, makeUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { OrderDetailsSection } from '../components/OrderDetailsSection';

const order = makeOrder({ source: 'web', channel: null });

function api() {
  return mockApi({
    'GET /api/auth/me': () => ({ body: { user: makeUser({ role: 'admin' }) } }),
    'PATCH /api/orders/:id': (req) => ({ body: { order: { ...order, ...(req.body as object) } } }),
  });
}

describe('OrderDetailsSection', () => {
  it('Escape leaves the edit without a request; Enter saves only what changed and closes the form', async () => {
    const server = api();
    renderWithProviders(<OrderDetailsSection order={order} />);
    await userEvent.click(await screen.findByTestId('details-edit'));
    expect(screen.getByRole('form', { name: 'Details' })).toBeInTheDocument();
    await userEvent.type(screen.getByTestId('detail-channel'), 'phone');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByTestId('details-save')).not.toBeInTheDocument();

    await userEvent.click(screen.getByTestId('details-edit'));
    await userEvent.type(screen.getByTestId('detail-channel'), 'newsletter{Enter}');
    await waitFor(() => expect(screen.queryByTestId('details-save')).not.toBeInTheDocument());
    const patches = server.calls('PATCH', /\/api\/orders\//);
    expect(patches.map((r) => r.body)).toEqual([{ channel: 'newsletter' }]);
  });
});
