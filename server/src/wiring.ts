import { onDomainEvent } from './lib/domain-events.js';
import { setSessionUserLookup } from './http/auth.js';
import { findActiveSessionUser } from './modules/users/index.js';
import { registerTimelineSource } from './modules/timeline/index.js';
import { orderTimelineSources, requeueAfterPhoneFix } from './modules/orders/index.js';
import { letterTimeline, queueStatusLetters } from './modules/letters/index.js';
import { callTimeline } from './modules/calls/index.js';
import { taskTimeline } from './modules/tasks/index.js';
import { attachmentTimeline } from './modules/attachments/index.js';
import { dropClaimReads, onQueueChanged } from './modules/queue/index.js';

let wired = false;

/**
 * How the modules feed each other, in one visible place: what the order timeline shows, and which
 * module reacts to which domain event. Runs once per process, before the app serves.
 */
export function wireModules(): void {
  if (wired) return;
  wired = true;

  // Every signed-in request asks the users module who its session belongs to.
  setSessionUserLookup(findActiveSessionUser);

  // The order's history tab merges these, newest first.
  for (const source of [...orderTimelineSources, callTimeline, taskTimeline, attachmentTimeline, letterTimeline])
    registerTimelineSource(source);

  // A status change e-mails the customer (and the admin) where the settings say so.
  onDomainEvent('order.statusChanged', async (event) => {
    await queueStatusLetters(event);
  });
  // A fixed phone puts the client's orders closed as "invalid contact" back in the queue.
  onDomainEvent('client.phoneFixed', async ({ clientId, actor }) => {
    await requeueAfterPhoneFix(clientId, actor);
  });
  // Claims share one read of the due page; whatever adds to the queue makes it stale.
  onDomainEvent('queue.changed', onQueueChanged);
  onDomainEvent('order.created', dropClaimReads);
  onDomainEvent('order.statusChanged', dropClaimReads);
}
