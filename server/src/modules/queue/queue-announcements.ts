import { emitDomainEvent } from '../../lib/domain-events.js';
import { insertOnce } from '../../db/duplicate-key.js';
import { findOrdersFallingDue } from '../orders/index.js';
import { findTasksFallingDue } from '../tasks/index.js';
import { QueueAnnouncementModel, QueueSweepModel } from './queue-announcement.model.js';
import { queueKey } from './queue-reads.js';

/**
 * The sweep looks back this far behind where it stopped: a write committed while the previous
 * run was reading is still seen. The announcement keys make the overlap harmless.
 */
const sweepOverlapMs = 60_000;
/** Announcements are only needed while workbenches may still hear them. */
const announcementKeepMs = 24 * 3600_000;

/**
 * The resurfacing sweep: each order or call task whose due time has come is announced once, with
 * no write to the item itself. It reads the due times since its last run (one query), and each
 * announcement is an insert keyed by item and due time, so a repeated, overlapping or concurrent
 * run announces nothing twice, and a reschedule (a new due time) is announced again.
 */
export async function announceDueItems(now: Date): Promise<number> {
  const mark = await QueueSweepModel.findById('resurface').lean<{ until: Date }>();
  // A clock set back (tests; a corrected server clock) must not hide what is due at the new now.
  const from = new Date(Math.min(mark?.until.getTime() ?? Infinity, now.getTime()) - sweepOverlapMs);
  const due = [
    ...(await findOrdersFallingDue(from, now)).map((o) => ({
      kind: 'order' as const,
      id: String(o._id),
      dueAt: o.dueAt,
    })),
    ...(await findTasksFallingDue(from, now)).map((t) => ({
      kind: 'task' as const,
      id: String(t._id),
      dueAt: t.dueAt,
    })),
  ];
  let announced = 0;
  for (const item of due) {
    const key = `${queueKey(item.kind, item.id)}@${item.dueAt.getTime()}`;
    if (!(await insertOnce(() => QueueAnnouncementModel.create({ _id: key, at: now })))) continue;
    announced += 1;
    await emitDomainEvent('queue.changed', {
      reason: 'due',
      ...(item.kind === 'order' ? { orderId: item.id } : { taskId: item.id }),
    });
  }
  await QueueSweepModel.updateOne({ _id: 'resurface' }, { $max: { until: now } }, { upsert: true });
  await QueueAnnouncementModel.deleteMany({ at: { $lt: new Date(now.getTime() - announcementKeepMs) } });
  return announced;
}
