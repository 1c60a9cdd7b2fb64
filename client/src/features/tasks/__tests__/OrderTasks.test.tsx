import { describe, expect, it } from '@jest/globals';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Task, User } from '@callboard/shared';
import { mockApi } from '../../../test/mock-api';
import { makeUser } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { OrderTasks } from '../components/OrderTasks';
import { TaskEditDialog } from '../components/TaskEditDialog';

const marta = makeUser();
const ana = makeUser({ id: 'u00000000000000000000009', name: 'Ana', role: 'admin' });

function task(overrides: Partial<Task>): Task {
  return {
    id: 't00000000000000000000001',
    title: 'Call back',
    kind: 'call',
    dueAt: '2026-01-02T10:00:00.000Z',
    assigneeId: marta.id,
    assigneeName: marta.name,
    orderId: 'a00000000000000000000001',
    clientId: 'c00000000000000000000001',
    done: false,
    doneAt: null,
    call: {
      state: 'scheduled',
      nextCallAt: '2026-01-02T10:00:00.000Z',
      notReachedStreak: 0,
      attempts: 0,
      lastOutcome: null,
      lastCallAt: null,
    },
    createdAt: '2026-01-01T10:00:00.000Z',
    createdBy: { type: 'user', id: marta.id, name: marta.name },
    ...overrides,
  };
}

const tasks = [
  task({ id: 't00000000000000000000001', title: 'Mine' }),
  task({ id: 't00000000000000000000002', title: 'Nobody’s', assigneeId: null, assigneeName: null }),
  task({
    id: 't00000000000000000000003',
    title: 'Pablo’s',
    assigneeId: 'u00000000000000000000002',
    assigneeName: 'Pablo',
  }),
];

function api(user: User) {
  return mockApi({
    'GET /api/auth/me': () => ({ body: { user } }),
    'GET /api/tasks': () => ({ body: { items: tasks, total: tasks.length, page: 1, limit: 200 } }),
    'PATCH /api/tasks/:id': (req) => ({ body: { task: { ...tasks[0], ...(req.body as object) } } }),
    'DELETE /api/tasks/:id': () => ({ status: 204 }),
  });
}

const box = (title: string) => screen.findByRole('checkbox', { name: `Done: ${title}` });

describe('OrderTasks', () => {
  it("lets a manager tick off their own and unassigned tasks, not another manager's", async () => {
    const server = api(marta);
    renderWithProviders(<OrderTasks orderId="a00000000000000000000001" clientId="c00000000000000000000001" />);
    expect(await box('Mine')).toBeEnabled();
    expect(await box('Nobody’s')).toBeEnabled();
    expect(await box('Pablo’s')).toBeDisabled();
    expect(
      await screen.findByLabelText('Assigned to Pablo: only they or an administrator can change it'),
    ).toBeInTheDocument();
    await userEvent.click(await box('Mine'));
    expect(server.calls('PATCH', /\/api\/tasks\//).map((r) => [r.path, r.body])).toEqual([
      ['/api/tasks/t00000000000000000000001', { done: true }],
    ]);
  });

  it('lets an admin tick off any task', async () => {
    api(ana);
    renderWithProviders(<OrderTasks orderId="a00000000000000000000001" clientId="c00000000000000000000001" />);
    expect(await box('Pablo’s')).toBeEnabled();
  });
});

describe('TaskEditDialog', () => {
  it('deletes a task with no calls, and offers no delete for one with calls', async () => {
    const server = api(marta);
    const { unmount } = renderWithProviders(<TaskEditDialog task={tasks[0]!} zone="UTC" onClose={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Delete the task' }));
    expect(server.calls('DELETE', /\/api\/tasks\//).map((r) => r.path)).toEqual([
      '/api/tasks/t00000000000000000000001',
    ]);
    unmount();
    const called = task({ call: { ...tasks[0]!.call!, attempts: 1, lastOutcome: 'not_reached' } });
    renderWithProviders(<TaskEditDialog task={called} zone="UTC" onClose={() => undefined} />);
    expect(screen.queryByRole('button', { name: 'Delete the task' })).not.toBeInTheDocument();
  });
});
