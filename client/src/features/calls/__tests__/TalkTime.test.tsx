import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '../../../test/mock-api';
import { settings } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { CallButtons } from '../components/CallButtons';
import { client, order, renderCallDialog, target } from './call-dialog-setup';
// The clock stands still, so the running time reads the same at every look and at the save.
const now = Date.parse('2026-03-02T10:00:00Z');
const startedAt = now - 125_000;

function serve() {
  return mockApi({
    'GET /api/settings': () => ({ body: { settings } }),
    'POST /api/orders/:id/calls': () => ({ status: 201, body: { call: { id: 'x' }, order } }),
  });
}

const renderDialog = (talkFrom: number | null) => renderCallDialog('completed', { talkFrom });

async function saved(server: ReturnType<typeof serve>, onSaved: jest.Mock) {
  fireEvent.click(screen.getByTestId('call-save'));
  await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
  return server.calls('POST', /\/calls$/).map((r) => r.body);
}

describe('talk time', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(now);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('sends the running time when the manager leaves it as it is', async () => {
    const server = serve();
    const onSaved = renderDialog(startedAt);
    expect(screen.getByTestId('talk-time')).toHaveValue('02:05');
    expect(await saved(server, onSaved)).toEqual([{ outcome: 'completed', talkSeconds: 125 }]);
  });

  it('sends what the manager typed instead of the running time', async () => {
    const server = serve();
    const onSaved = renderDialog(startedAt);
    const field = screen.getByTestId('talk-time');
    await userEvent.clear(field);
    await userEvent.type(field, '3:05');
    expect(await saved(server, onSaved)).toEqual([{ outcome: 'completed', talkSeconds: 185 }]);
  });

  it('blocks the save on a time it cannot read, and sends no talk time when the field is emptied', async () => {
    const server = serve();
    const onSaved = renderDialog(startedAt);
    const field = screen.getByTestId('talk-time');
    await userEvent.clear(field);
    await userEvent.type(field, '3:75');
    expect(screen.getByText('Write minutes:seconds, such as 3:05 (at most 240:00)')).toBeInTheDocument();
    expect(screen.getByTestId('call-save')).toBeDisabled();
    await userEvent.clear(field);
    expect(await saved(server, onSaved)).toEqual([{ outcome: 'completed' }]);
  });

  it('measures nothing on a card that was not claimed until its phone link is clicked', async () => {
    serve();
    renderWithProviders(
      <>
        <a href="tel:+34600111222" onClick={(e) => e.preventDefault()}>
          +34 600 111 222
        </a>
        <CallButtons target={target} call={order.call} client={client} hotkeys />
      </>,
    );
    expect(screen.queryByTestId('talk-timer')).toBeNull();
    await userEvent.click(screen.getByRole('link', { name: '+34 600 111 222' }));
    expect(screen.getByRole('timer')).toHaveTextContent('Talk time 00:00');
  });

  it('runs from the moment a claimed card opens', () => {
    serve();
    renderWithProviders(<CallButtons target={target} call={order.call} client={client} hotkeys claimed />);
    expect(screen.getByRole('timer')).toHaveTextContent('Talk time 00:00');
  });
});
