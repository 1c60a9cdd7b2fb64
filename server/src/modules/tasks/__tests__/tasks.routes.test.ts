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

  it("never hands a manager a colleague's call task from the queue, though it stays listed", async () => {
    const owner = await signedInAgent(ctx, 'manager');
    const colleague = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    await owner.agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'completed' });
    const task = await owner.agent
      .post('/api/tasks')
      .send({ title: 'Mine to call', dueAt: '2026-05-04T11:00:00Z', orderId: order.id, kind: 'call' });
    at('2026-05-04T11:05:00Z');
    const listed = await colleague.agent.get('/api/queue');
    expect(listed.body.items.map((i: { task?: { id: string } }) => i.task?.id)).toEqual([task.body.task.id]);
    expect((await colleague.agent.post('/api/queue/claim')).status).toBe(204);
    const mine = await owner.agent.post('/api/queue/claim');
    expect(mine.body.item).toMatchObject({ kind: 'task', task: { id: task.body.task.id } });
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

describe('who may change a task', () => {
  async function othersCallTask() {
    const owner = await signedInAgent(ctx, 'manager');
    const order = await newOrder();
    // The order itself leaves the queue, so only the task is due.
    await owner.agent.post(`/api/orders/${order.id}/calls`).send({ outcome: 'completed' });
    const created = await owner.agent
      .post('/api/tasks')
      .send({ title: 'Owner calls back', dueAt: '2026-05-04T10:00:00Z', orderId: order.id, kind: 'call' });
    return { owner, task: created.body.task as { id: string; title: string } };
  }

  it("refuses a manager editing, completing, deleting or calling on another manager's task, with 403", async () => {
    const { owner, task } = await othersCallTask();
    const { agent } = await signedInAgent(ctx, 'manager');
    const message = `This task is assigned to ${owner.user.name}: only they or an administrator may change it`;
    const attempts = [
      await agent.patch(`/api/tasks/${task.id}`).send({ title: 'Mine now' }),
      await agent.patch(`/api/tasks/${task.id}`).send({ done: true }),
      await agent.patch(`/api/tasks/${task.id}`).send({ assigneeId: owner.user.id }),
      await agent.delete(`/api/tasks/${task.id}`),
      await agent.post(`/api/tasks/${task.id}/calls`).send({ outcome: 'not_reached' }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(403);
      expect(res.body.error).toEqual({ code: 'forbidden', message });
    }
    expect(await TaskModel.findById(task.id).lean()).toMatchObject({
      title: 'Owner calls back',
      done: false,
      call: { attempts: 0, state: 'scheduled' },
    });
    // Seeing it is still allowed: the team's tasks stay visible.
    expect(
      (await agent.get(`/api/tasks?assignee=${owner.user.id}`)).body.items.map((t: { id: string }) => t.id),
    ).toEqual([task.id]);
  });

  it('lets admins change and delete any task, and the assignee their own', async () => {
    const { owner, task } = await othersCallTask();
    const { agent: admin } = await signedInAgent(ctx, 'admin');
    expect((await admin.patch(`/api/tasks/${task.id}`).send({ title: 'Checked by admin' })).status).toBe(200);
    expect((await owner.agent.patch(`/api/tasks/${task.id}`).send({ done: true })).body.task).toMatchObject({
      title: 'Checked by admin',
      done: true,
    });
    expect((await admin.delete(`/api/tasks/${task.id}`)).status).toBe(204);
    expect(await TaskModel.findById(task.id).lean()).toBeNull();
    expect((await admin.delete(`/api/tasks/${task.id}`)).status).toBe(404);
  });

  it('lets a manager claim, call on, complete and delete a task assigned to nobody; one with calls is kept', async () => {
    const { task } = await othersCallTask();
    await TaskModel.updateOne({ _id: task.id }, { $set: { assigneeId: null } });
    const { agent } = await signedInAgent(ctx, 'manager');
    const claim = await agent.post('/api/queue/claim');
    expect(claim.body.item).toMatchObject({ kind: 'task', task: { id: task.id, assigneeId: null } });
    const call = await agent.post(`/api/tasks/${task.id}/calls`).send({ outcome: 'not_reached' });
    expect(call.status).toBe(201);
    expect(call.body.task.call).toMatchObject({ attempts: 1, lastOutcome: 'not_reached' });

    const kept = await agent.delete(`/api/tasks/${task.id}`);
    expect(kept.status).toBe(409);
    expect(kept.body.error).toEqual({
      code: 'conflict',
      message: 'Calls were recorded on this task: mark it done instead',
    });
    expect((await agent.patch(`/api/tasks/${task.id}`).send({ done: true })).body.task.done).toBe(true);

    const plain = await agent.post('/api/tasks').send({ title: 'Paperwork', dueAt: '2026-05-04T12:00:00Z' });
    await TaskModel.updateOne({ _id: plain.body.task.id }, { $set: { assigneeId: null } });
    expect((await agent.delete(`/api/tasks/${plain.body.task.id}`)).status).toBe(204);
    expect(await TaskModel.findById(plain.body.task.id).lean()).toBeNull();
  });
});
