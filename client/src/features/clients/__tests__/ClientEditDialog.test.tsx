import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../../test/mock-api';
import { makeClient, makeUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ClientEditDialog } from '../components/ClientEditDialog';

const client = makeClient();

describe('ClientEditDialog', () => {
  it('refuses an empty name before any request, then saves the whole client in one PATCH and closes', async () => {
    const server = mockApi({
      'GET /api/auth/me': () => ({ body: { user: makeUser() } }),
      'GET /api/users/staff': () => ({ body: { items: [] } }),
      'PATCH /api/clients/:id': () => ({ body: { client } }),
    });
    const onClose = jest.fn();
    renderWithProviders(<ClientEditDialog client={client} onClose={onClose} />);
    expect(screen.getByRole('dialog', { name: 'Edit Lucía Fernández' })).toBeInTheDocument();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    expect(screen.getByTestId('client-save')).toBeDisabled();

    await userEvent.type(name, 'Lucía F. Ruiz');
    await userEvent.click(screen.getByTestId('client-save'));
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    const patches = server.calls('PATCH', /\/api\/clients\//);
    expect(patches.map((r) => r.body)).toEqual([
      {
        name: 'Lucía F. Ruiz',
        phones: [{ number: '+34600111222', invalid: false }],
        emails: ['lucia@example.com'],
        address: { city: 'Madrid', country: 'ES' },
        timezone: 'Europe/Madrid',
        managerId: null,
        tags: [],
      },
    ]);
  });
});
