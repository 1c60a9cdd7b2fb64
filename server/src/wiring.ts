import { onDomainEvent } from './lib/domain-events.js';
import { setSessionUserLookup } from './http/auth.js';
import { findActiveSessionUser } from './modules/users/index.js';
import { registerTimelineSource } from './modules/timeline/index.js';
import {
  clientOrderSummaries,
  orderTimelineSources,
  parkOrdersAwaitingContact,
  requeueAfterPhoneFix,
} from './modules/orders/index.js';
import { setClientOrderSummaries } from './modules/clients/index.js';
import {
  letterTimeline,
  queueOrderConfirmation,
  queueStatusLetters,
  registerLetterVariable,
} from './modules/letters/index.js';
import { statusLinkVariable } from './modules/status-page/index.js';
import { callTimeline, creditPaymentToCall } from './modules/calls/index.js';
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

  // Letters fill `<$status_link>` through the customer's page module, which sits above them.
  registerLetterVariable('status_link', statusLinkVariable);

  // A status change e-mails the customer (and the admin) where the settings say so.
  onDomainEvent('order.statusChanged', async (event) => {
    await queueStatusLetters(event);
  });
  // An order paid within 7 days of a completed call counts for that call's manager in the reports.
  onDomainEvent('order.statusChanged', creditPaymentToCall);
  // A new order is confirmed to the client (and copied to the administration) where the settings say so.
  onDomainEvent('order.created', async (event) => {
    await queueOrderConfirmation(event);
  });
  // A fixed phone puts the client's orders closed as "invalid contact" back in the queue.
  onDomainEvent('client.phoneFixed', async ({ clientId, actor }) => {
    await requeueAfterPhoneFix(clientId, actor);
  });
  // A client left with no callable phone takes their open orders out of the queue until one is fixed.
  onDomainEvent('client.contactLost', async ({ clientId, actor }) => {
    await parkOrdersAwaitingContact(clientId, actor);
  });
  // The clients list shows each client's order count, which the orders module knows.
  setClientOrderSummaries(clientOrderSummaries);
  // Claims share one read of the due page; whatever adds to the queue makes it stale.
  onDomainEvent('queue.changed', onQueueChanged);
  onDomainEvent('order.created', dropClaimReads);
  onDomainEvent('order.statusChanged', dropClaimReads);
}
