import { describe, expect, it } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../../test/mock-api';
import { settings } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { SettingsPage } from '../components/SettingsPage';

function api() {
  return mockApi({
    'GET /api/settings': () => ({ body: { settings } }),
    'GET /api/templates': () => ({ body: { items: [] } }),
    'PATCH /api/settings': (req) => ({ body: { settings: { ...settings, ...(req.body as object) } } }),
  });
}

describe('SettingsPage', () => {
  it('explains each field and refuses calling hours that end before they start', async () => {
    const server = api();
    renderWithProviders(<SettingsPage />);
    expect(await screen.findByTestId('calling-hours-help')).toHaveTextContent("in the client's own time zone");
    expect(screen.getByText(/stays theirs this long after its time/)).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('until'), { target: { value: '08:00' } });
    expect(screen.getByTestId('calling-hours-help')).toHaveTextContent('the start before the end');
    expect(screen.getByTestId('settings-save')).toBeDisabled();

    fireEvent.change(screen.getByLabelText('until'), { target: { value: '20:00' } });
    await userEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(server.calls('PATCH', /\/settings$/)).toHaveLength(1));
    const body = server.calls('PATCH', /\/settings$/)[0]!.body as Record<string, unknown>;
    expect(body.callingHours).toEqual({ start: '09:00', end: '20:00' });
    expect(body).not.toHaveProperty('callInstructions');
  });

  it("sets the call centre's time zone by typing part of its name", async () => {
    const server = api();
    renderWithProviders(<SettingsPage />);
    const zone = await screen.findByRole('combobox', { name: "Call centre's time zone" });
    expect(zone).toHaveValue('Europe/Madrid');
    await userEvent.clear(zone);
    await userEvent.type(zone, 'New_Y');
    await userEvent.click(await screen.findByRole('option', { name: 'America/New_York' }));
    await userEvent.click(screen.getByTestId('settings-save'));
    await waitFor(() => expect(server.calls('PATCH', /\/settings$/)).toHaveLength(1));
    expect((server.calls('PATCH', /\/settings$/)[0]!.body as { timeZone: string }).timeZone).toBe('America/New_York');
  });

  it('marks a payment link that is not https, and numbers out of range, and sends nothing', async () => {
    const server = api();
    renderWithProviders(<SettingsPage />);
    const link = await screen.findByLabelText('Payment link pattern');
    await userEvent.clear(link);
    await userEvent.type(link, 'http://pay.example.com/{{number}');
    expect(screen.getByText('Must start with https:// (at most 500 characters), or be empty.')).toBeInTheDocument();
    await userEvent.clear(link);

    const claim = screen.getByLabelText('Claim time (minutes)');
    await userEvent.clear(claim);
    await userEvent.type(claim, '0');
    expect(screen.getByText('Enter whole minutes from 1 to 120.')).toBeInTheDocument();
    expect(screen.getByTestId('settings-save')).toBeDisabled();
    fireEvent.submit(screen.getByRole('form', { name: 'Settings' }));
    expect(server.calls('PATCH', /\/settings$/)).toHaveLength(0);
  });

  it('is in Spanish when the interface is', async () => {
    api();
    renderWithProviders(<SettingsPage />, { preloadedState: { preferences: { locale: 'es' } } });
    expect(await screen.findByLabelText('Patrón del enlace de pago')).toBeInTheDocument();
    expect(screen.getByTestId('calling-hours-help')).toHaveTextContent('zona horaria del propio cliente');
  });
});
