import { describe, expect, it } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Order, Task } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { makeClient, makeOrder, settings } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { LiveAnnouncer } from '../../../app/LiveAnnouncer';
import { WorkbenchPage } from '../components/WorkbenchPage';

const client = makeClient();
const orders = [
  makeOrder({ id: 'a00000000000000000000001', number: 1001 }),
  makeOrder({ id: 'a00000000000000000000002', number: 1002 }),
];

/** A queue of the two orders; a recorded call takes its order out. */
function queueHandlers() {
  const due: Order[] = [...orders];
  return {
    'GET /api/settings': () => ({ body: { settings } }),
    'GET /api/queue/count': () => ({ body: { due: due.length, more: false } }),
    'POST /api/queue/claim': (req) => {
      const except = (req.body as { except?: string[] } | undefined)?.except ?? [];
      const order = due.find((o) => !except.includes(o.id));
      return order
        ? {
            body: {
              item: {
                kind: 'order',
                order,
                client,
                dueAt: order.createdAt,
                claimedBy: null,
                personalFor: null,
                reason: 'new',
                why: { kind: 'new', streak: 0, lastCallAt: null },
              },
            },
          }
        : { status: 204 };
    },
    'POST /api/orders/:id/calls': (req) => {
      const id = req.path.split('/')[3];
      due.splice(
        due.findIndex((o) => o.id === id),
        1,
      );
      return { status: 201, body: { call: { id: 'call' }, order: orders.find((o) => o.id === id) } };
    },
    'GET /api/orders/:id/timeline': () => ({ body: { items: [] } }),
    'GET /api/tasks': () => ({ body: { items: [], total: 0, page: 1, limit: 200 } }),
  } satisfies Parameters<typeof mockApi>[0];
}

const queueServer = () => mockApi(queueHandlers());

describe('WorkbenchPage', () => {
  it('takes the next item with N and, after "not reached" + Enter, opens the next one by itself', async () => {
    const server = queueServer();
    renderWithProviders(<WorkbenchPage />, {
      preloadedState: { workbench: { open: null, autoAdvance: true, nothingDue: false } },
    });
    expect(await screen.findByTestId('due-count')).toHaveTextContent('Due now: 2');

    await userEvent.keyboard('n');
    expect(await screen.findByTestId('order-number')).toHaveTextContent('#1001');
    expect(screen.getByTestId('due-reason')).toHaveTextContent('New order, not called yet');
    expect(screen.getByTestId('claim-remaining')).toHaveTextContent(/Yours for (10:00|09:5\d)/);

    // Two keystrokes: the outcome key opens its dialog, Enter saves it.
    await userEvent.keyboard('2');
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Enter}');

    await waitFor(() => expect(screen.getByTestId('order-number')).toHaveTextContent('#1002'));
    // The second claim was made ahead, when the dialog opened, passing over the card on screen.
    const claims = server.calls('POST', /\/queue\/claim$/);
    expect(claims).toHaveLength(2);
    expect(claims[1]!.body).toEqual({ except: ['a00000000000000000000001'] });
    expect(server.calls('POST', /\/calls$/)[0]!.path).toBe('/api/orders/a00000000000000000000001/calls');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('pending-calls')).not.toBeInTheDocument());
  });

  it('moves the focus for the keyboard: the card heading, back to the outcome button, the next heading, and says "Call saved"', async () => {
    queueServer();
    renderWithProviders(
      <>
        <WorkbenchPage />
        <LiveAnnouncer />
      </>,
      { preloadedState: { workbench: { open: null, autoAdvance: true, nothingDue: false } } },
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Workbench' })).toBeInTheDocument();
    await userEvent.keyboard('n');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: '#1001' })).toHaveFocus());

    // The key is a shortcut, not part of the name.
    const notReached = screen.getByRole('button', { name: 'Not reached' });
    expect(notReached).toHaveAttribute('aria-keyshortcuts', '2');
    await userEvent.keyboard('3');
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Call back' })).toHaveFocus();

    await userEvent.keyboard('2');
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: '#1002' })).toHaveFocus());
    await waitFor(() => expect(screen.getByTestId('announcer')).toHaveTextContent('Call saved: Lucía Fernández'));
  });

  it('fetches the order of a call task claimed ahead before the save, so its card paints at once', async () => {
    const [first, linked] = orders as [Order, Order];
    const task: Task = {
      id: 'b00000000000000000000001',
      title: 'Confirm the delivery address',
      kind: 'call',
      dueAt: first.createdAt,
      assigneeId: null,
      assigneeName: null,
      orderId: linked.id,
      clientId: client.id,
      done: false,
      doneAt: null,
      call: first.call,
      createdAt: first.createdAt,
      createdBy: { type: 'user', id: null, name: 'Ana' },
    };
    const handlers = queueHandlers();
    let claims = 0;
    const server = mockApi({
      ...handlers,
      'POST /api/queue/claim': (req) =>
        ++claims === 1
          ? handlers['POST /api/queue/claim'](req)
          : {
              body: {
                item: {
                  kind: 'task',
                  task,
                  client,
                  dueAt: task.dueAt,
                  claimedBy: null,
                  personalFor: null,
                  reason: 'task',
                  why: { kind: 'task', streak: 0, lastCallAt: null },
                },
              },
            },
      'GET /api/orders/:id': () => ({ body: { order: linked, client } }),
    });
    renderWithProviders(<WorkbenchPage />, {
      preloadedState: { workbench: { open: null, autoAdvance: true, nothingDue: false } },
    });
    await userEvent.keyboard('n');
    expect(await screen.findByTestId('order-number')).toHaveTextContent('#1001');
    await userEvent.keyboard('2');
    await screen.findByRole('dialog');
    // The task's order is read while the dialog is still open.
    await waitFor(() => expect(server.calls('GET', /\/orders\/a00000000000000000000002$/)).toHaveLength(1));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByTestId('order-number')).toHaveTextContent('#1002'));
    expect(screen.getByTestId('due-reason')).toHaveTextContent('Call task: Confirm the delivery address');
    expect(server.calls('GET', /\/orders\/a00000000000000000000002$/)).toHaveLength(1);
  });

  it('keeps a call whose background save failed, and records it once on retry with the same key', async () => {
    let attempts = 0;
    const server = mockApi({
      ...queueHandlers(),
      'POST /api/orders/:id/calls': () =>
        ++attempts === 1
          ? { status: 503, body: { error: { code: 'service_unavailable', message: 'Database restarting' } } }
          : { status: 201, body: { call: { id: 'call' }, order: orders[0] } },
    });
    renderWithProviders(<WorkbenchPage />, {
      preloadedState: { workbench: { open: null, autoAdvance: true, nothingDue: false } },
    });
    await userEvent.click(await screen.findByTestId('take-next'));
    expect(await screen.findByTestId('order-number')).toHaveTextContent('#1001');
    await userEvent.keyboard('2');
    await screen.findByRole('dialog');
    await userEvent.type(screen.getByLabelText('Comment'), 'Voicemail');
    await userEvent.keyboard('{Enter}');

    const alert = await screen.findByText('The call with Lucía Fernández was not saved');
    expect(alert.closest('[role="alert"]')).toHaveTextContent('Database restarting');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByTestId('pending-calls')).not.toBeInTheDocument());
    const saves = server.calls('POST', /\/calls$/);
    expect(saves).toHaveLength(2);
    expect(saves[1]!.body).toEqual(saves[0]!.body);
    expect(saves[0]!.body).toMatchObject({ outcome: 'not_reached', comment: 'Voicemail' });
    expect(saves[1]!.headers.get('Idempotency-Key')).toBe(saves[0]!.headers.get('Idempotency-Key'));
  });

  it('stays on the empty workbench after a save when auto-advance is paused', async () => {
    const server = queueServer();
    renderWithProviders(<WorkbenchPage />, {
      preloadedState: { workbench: { open: null, autoAdvance: false, nothingDue: false } },
    });
    await userEvent.click(await screen.findByTestId('take-next'));
    expect(await screen.findByTestId('order-number')).toHaveTextContent('#1001');
    await userEvent.keyboard('2');
    await screen.findByRole('dialog');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Press N to take the next due call.')).toBeInTheDocument();
    expect(server.calls('POST', /\/queue\/claim$/)).toHaveLength(1);
  });

  it('says so when nothing is due', async () => {
    mockApi({
      'GET /api/settings': () => ({ body: { settings } }),
      'GET /api/queue/count': () => ({ body: { due: 0, more: false } }),
      'POST /api/queue/claim': () => ({ status: 204 }),
    });
    renderWithProviders(<WorkbenchPage />);
    await userEvent.click(await screen.findByTestId('take-next'));
    expect(await screen.findByTestId('nothing-due')).toBeInTheDocument();
  });
});
