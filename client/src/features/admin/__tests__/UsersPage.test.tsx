import { describe, expect, it } from '@jest/globals';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../../test/mock-api';
import { makeUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { UsersPage } from '../components/UsersPage';

const admin = makeUser({ id: 'u00000000000000000000009', email: 'ana@callboard.test', name: 'Ana', role: 'admin' });
const marta = makeUser();

function api() {
  return mockApi({
    'GET /api/auth/me': () => ({ body: { user: admin } }),
    'GET /api/users': () => ({ body: { items: [admin, marta] } }),
    'POST /api/users': (req) => ({
      status: 201,
      body: { user: makeUser({ id: 'u00000000000000000000003', ...(req.body as object) }) },
    }),
    'PATCH /api/users/:id': (req) => ({ body: { user: { ...marta, ...(req.body as object) } } }),
  });
}

describe('UsersPage', () => {
  it('refuses a new user with a short password or a bad e-mail, then creates a manager with extra rights', async () => {
    const server = api();
    renderWithProviders(<UsersPage />);
    await userEvent.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/^Name/), 'Pablo');
    await userEvent.type(within(dialog).getByLabelText(/^E-mail/), 'pablo@');
    await userEvent.type(within(dialog).getByLabelText(/^Password/), 'short');
    await userEvent.click(within(dialog).getByTestId('create-user-save'));
    expect(within(dialog).getByText('The password needs at least 10 characters.')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter a valid e-mail address.')).toBeInTheDocument();
    expect(server.calls('POST', /\/users$/)).toHaveLength(0);

    await userEvent.type(within(dialog).getByLabelText(/^E-mail/), 'callboard.test');
    await userEvent.type(within(dialog).getByLabelText(/^Password/), '-long-enough');
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Change order status' }));
    await userEvent.click(within(dialog).getByTestId('create-user-save'));
    await waitFor(() => expect(server.calls('POST', /\/users$/)).toHaveLength(1));
    expect(server.calls('POST', /\/users$/)[0]!.body).toEqual({
      name: 'Pablo',
      email: 'pablo@callboard.test',
      password: 'short-long-enough',
      role: 'manager',
      rights: ['orders.status'],
    });
  });

  it('names every column, the actions column too', async () => {
    api();
    renderWithProviders(<UsersPage />);
    await screen.findByTestId('user-marta@callboard.test');
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Name',
      'E-mail',
      'Role',
      'Extra rights',
      'State',
      'Actions',
    ]);
  });

  it('disables a user only after a confirmation that says their sessions end', async () => {
    const server = api();
    renderWithProviders(<UsersPage />);
    const row = await screen.findByTestId('user-marta@callboard.test');
    expect(
      within(screen.getByTestId('user-ana@callboard.test')).queryByRole('button', { name: 'Disable' }),
    ).not.toBeInTheDocument();
    await userEvent.click(within(row).getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText(/signed out everywhere at once/)).toBeInTheDocument();
    expect(server.calls('PATCH', /\/users\//)).toHaveLength(0);
    await userEvent.click(screen.getByTestId('disable-confirm'));
    await waitFor(() => expect(server.calls('PATCH', /\/users\//)).toHaveLength(1));
    expect(server.calls('PATCH', /\/users\//)[0]!.body).toEqual({ disabled: true });
  });
});
