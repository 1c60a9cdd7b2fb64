import { describe, expect, it } from '@jest/globals';
import { signedInAgent, useTestApp } from '../../../test/test-app.js';
import { TaskModel } from '../task.model.js';
import { newOrder, useQueueClock } from '../../calls/__tests__/fixtures.js';

const ctx = useTestApp();

const at = useQueueClock();

describe('/api/tasks', () => {
  it('creates a call task that appears in the queue when due and follows the re-call rules', async () => {
    const { agent, user } = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    await agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'completed' });
    const created = await agent
      .post('/api/tasks')
      .send({ title: 'Ask about delivery', dueAt: '2026-05-04T11:00:00Z', orderId: order.id, kind: 'call' });
    expect(created.status).toBe(201);
    expect(created.body.task).toMatchObject({
      kind: 'call',
      assigneeId: user.id,
      clientId: order.clientId,
      orderId: order.id,
      done: false,
      call: { state: 'scheduled', nextCallAt: '2026-05-04T11:00:00.000Z' },
    });
    const taskId = created.body.task.id;
    expect((await agent.get('/api/queue')).body.items).toHaveLength(0);

    at('2026-05-04T11:00:00Z');
    const claim = await agent.post('/api/queue/claim');
    expect(claim.body.item).toMatchObject({
      kind: 'task',
      task: { id: taskId },
      why: { kind: 'task' },
      reason: 'Call task: Ask about delivery',
    });

    const call = await agent.post(`/api/tasks/${taskId}/calls`).send({ outcome: 'not_reached' });
    expect(call.status).toBe(201);
    expect(call.body.task.call).toMatchObject({ nextCallAt: '2026-05-04T12:00:00.000Z', notReachedStreak: 1 });
    expect(call.body.call).toMatchObject({ kind: 'task', taskId, orderId: order.id });
    at('2026-05-04T12:30:00Z');
    const second = await agent.post(`/api/tasks/${taskId}/calls`).send({ outcome: 'not_reached' });
    expect(second.body.task.call.nextCallAt).toBe('2026-05-05T12:30:00.000Z');
    const done = await agent.post(`/api/tasks/${taskId}/calls`).send({ outcome: 'completed' });
    expect(done.body.task).toMatchObject({ done: true, call: { state: 'closed' } });

    const taskCalls = await agent.get(`/api/clients/${order.clientId}/calls?kind=task`);
    expect(taskCalls.body.total).toBe(3);
    const timeline = await agent.get(`/api/orders/${order.id}/timeline`);
    expect(timeline.body.items.find((i: { type: string }) => i.type === 'task')).toMatchObject({
      title: 'Ask about delivery',
      taskId,
    });
  });

  it('lists my open tasks due first, filters by assignee and done, and updates them', async () => {
    const me = await signedInAgent(ctx, 'manager');
    const other = await signedInAgent(ctx, 'manager');
    const later = await me.agent.post('/api/tasks').send({ title: 'Later', dueAt: '2026-05-06T10:00:00Z' });
    await me.agent.post('/api/tasks').send({ title: 'Sooner', dueAt: '2026-05-05T10:00:00Z' });
    await me.agent
      .post('/api/tasks')
      .send({ title: 'Theirs', dueAt: '2026-05-05T09:00:00Z', assigneeId: other.user.id });
    const mine = await me.agent.get('/api/tasks?done=false');
    expect(mine.body.items.map((t: { title: string }) => t.title)).toEqual(['Sooner', 'Later']);
    expect((await other.agent.get('/api/tasks')).body.items.map((t: { title: string }) => t.title)).toEqual(['Theirs']);
    expect((await me.agent.get(`/api/tasks?assignee=${other.user.id}`)).body.total).toBe(1);

    const patched = await me.agent
      .patch(`/api/tasks/${later.body.task.id}`)
      .send({ done: true, title: 'Later (done)' });
    expect(patched.body.task).toMatchObject({ done: true, title: 'Later (done)' });
    expect((await me.agent.get('/api/tasks?done=false')).body.total).toBe(1);
    expect((await TaskModel.findById(later.body.task.id).lean())?.doneAt).toBeTruthy();
  });

  it('refuses a call on a task that is not a call task, a call task with no one to call, and bad input', async () => {
    const { agent } = await signedInAgent(ctx, 'manager');
    const plain = await agent.post('/api/tasks').send({ title: 'Paperwork', dueAt: '2026-05-04T11:00:00Z' });
    expect((await agent.post(`/api/tasks/${plain.body.task.id}/calls`).send({ outcome: 'completed' })).status).toBe(
      409,
    );
    expect(
      (await agent.post('/api/tasks').send({ title: 'Call whom?', dueAt: '2026-05-04T11:00:00Z', kind: 'call' }))
        .status,
    ).toBe(400);
    expect((await agent.post('/api/tasks').send({ title: '', dueAt: 'tomorrow' })).status).toBe(400);
    expect((await agent.get('/api/tasks?assignee[$ne]=x')).status).toBe(400);
    expect((await agent.patch('/api/tasks/0123456789abcdef01234567').send({ done: true })).status).toBe(404);
  });
});
