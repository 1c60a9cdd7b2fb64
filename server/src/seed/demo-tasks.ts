import mongoose from 'mongoose';
import type { CallOutcome } from '@callboard/shared';
import { CallModel } from '../modules/calls/call.model.js';
import { TaskModel } from '../modules/tasks/task.model.js';
import { userNames } from '../modules/users/users.service.js';
import { callStats } from '../modules/calls/index.js';
import { between, hour, pick, seededRandom } from './demo-random.js';

/** An order as the seed built it (Mongoose casts its ids on insert). */
export type SeedOrder = {
  _id: mongoose.Types.ObjectId;
  clientId: mongoose.Types.ObjectId;
  managerId: string | null;
  status: string;
  createdAt: Date;
  call: {
    attempts: number;
    lastOutcome: CallOutcome | null;
    lastCallAt: Date | null;
    nextCallAt: Date | null;
    state: string;
  };
};

/** What the demo seed created, for modules that add their own demo records (calls, tasks) on top. */
export type DemoSeedContext = {
  managers: string[];
  admins: string[];
  clients: string[];
  /** Oldest first, as inserted. */
  orders: SeedOrder[];
  now: Date;
  /** The seed's deterministic random source, so extensions stay reproducible too. */
  random: () => number;
};

const taskTitles = [
  'Confirm the delivery address',
  'Ask whether the transfer was sent',
  'Offer the bundle discount',
  'Check they received the invoice',
  'Follow up on the damaged parcel',
  'Call back about the size exchange',
];
const otherTitles = ['Update the client’s e-mail', 'Prepare the refund paperwork', 'Check the stock of the blue model'];
const comments: Partial<Record<CallOutcome, string[]>> = {
  not_reached: ['Voicemail', 'No answer', 'Line busy'],
  callback: ['In a meeting, asked to call later', 'Driving, call back this afternoon'],
  completed: ['Confirmed items and address', 'Will pay by transfer today'],
  cancelled: ['Found it cheaper elsewhere'],
  already_paid: ['Paid by card yesterday, says the bank shows it'],
  invalid_contact: ['Number does not exist'],
};

/**
 * Demo call history that agrees with each order's call state (its attempts, ending in its last
 * outcome), plus call tasks and other tasks for the managers, some due now.
 */
export async function seedDemoTasks(ctx: DemoSeedContext): Promise<{ calls: number; tasks: number }> {
  const r = ctx.random;
  const names = await userNames([...ctx.managers, ...ctx.admins]);
  const byOf = (id: string) => ({ type: 'user', id, name: names.get(id) ?? 'Manager' });
  // From memory: on FerretDB a filter over thousands of ids scans the orders once per id.
  const orders = ctx.orders.filter((o) => o.call.attempts > 0);
  // Its own stream, so the talk times leave the rest of the demo as it was.
  const talk = seededRandom(14);

  const calls = orders.flatMap((o) => {
    const attempts = o.call.attempts;
    const last = o.call.lastCallAt ?? new Date(o.createdAt.getTime() + hour);
    const caller = o.managerId ? String(o.managerId) : pick(r, ctx.managers);
    return Array.from({ length: attempts }, (_, i) => {
      const isLast = i === attempts - 1;
      const outcome: CallOutcome = isLast ? (o.call.lastOutcome ?? 'completed') : 'not_reached';
      const at = new Date(last.getTime() - (attempts - 1 - i) * 25 * hour);
      const id = new mongoose.Types.ObjectId();
      return {
        _id: id,
        kind: 'order',
        orderId: o._id,
        clientId: o.clientId,
        outcome,
        comment: pick(r, comments[outcome] ?? ['']) || null,
        at,
        by: byOf(caller),
        callbackAt: isLast && outcome === 'callback' ? o.call.nextCallAt : null,
        idempotencyKey: `seed:${String(id)}`,
        requestHash: 'seed',
        result: {
          state: isLast ? o.call.state : 'scheduled',
          nextCallAt: isLast ? o.call.nextCallAt : new Date(at.getTime() + (i === 0 ? hour : 24 * hour)),
          notReachedStreak: outcome === 'not_reached' ? i + 1 : 0,
          attempts: i + 1,
        },
        effectsDoneAt: at,
        ...callStats({
          at,
          previous: { attempts: i, lastOutcome: i > 0 ? 'not_reached' : null, notReachedStreak: i },
          orderCreatedAt: o.createdAt,
          talkSeconds: outcome === 'not_reached' ? between(talk, 15, 40) : between(talk, 60, 600),
        }),
      };
    });
  });
  if (calls.length > 0) await CallModel.insertMany(calls);

  const openOrders = ctx.orders.filter((o) => o.status === 'pending' || o.status === 'reserved').slice(0, 12);
  const tasks = openOrders.map((o, i) => {
    const assignee = ctx.managers[i % ctx.managers.length] as string;
    const kind = i % 4 === 3 ? 'other' : 'call';
    // Some overdue, some later today, some in the next days.
    const dueAt = new Date(
      Math.floor((ctx.now.getTime() + (i % 3 === 0 ? -2 : i % 3 === 1 ? 3 : 30) * hour) / 60_000) * 60_000,
    );
    return {
      title: kind === 'call' ? pick(r, taskTitles) : pick(r, otherTitles),
      kind,
      dueAt,
      assigneeId: assignee,
      orderId: o._id,
      clientId: o.clientId,
      call: kind === 'call' ? { state: dueAt <= ctx.now ? 'due' : 'scheduled', nextCallAt: dueAt } : null,
      createdBy: byOf(assignee),
      createdAt: new Date(ctx.now.getTime() - 26 * hour),
    };
  });
  if (tasks.length > 0) await TaskModel.insertMany(tasks);
  return { calls: calls.length, tasks: tasks.length };
}
