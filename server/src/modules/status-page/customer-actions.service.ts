import { callbackProblem, callingZone, type Actor, type CallbackProblem } from '@callboard/shared';
import { DateTime } from 'luxon';
import { clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { emitDomainEvent } from '../../lib/domain-events.js';
import { recordAudit } from '../audit/index.js';
import { getSettings } from '../settings/index.js';
import { getClientDoc, type ClientDoc } from '../clients/index.js';
import {
  addOrderNote,
  flagPaymentCheck,
  getOrderDoc,
  recordOrderEvent,
  scheduleCustomerCallback,
  type OrderDoc,
} from '../orders/index.js';
import { createTask } from '../tasks/index.js';

/** What the customer's page and its JSON may do to an order, each recorded as done by the customer. */

type Loaded = { order: OrderDoc; client: ClientDoc; actor: Actor };

async function load(orderId: string): Promise<Loaded> {
  const order = await getOrderDoc(orderId);
  const client = await getClientDoc(String(order.clientId));
  // No id: the customer is not a user, and a task they cause must not be assigned to them.
  return { order, client, actor: { type: 'customer', id: null, name: `${client.name} (customer)` } };
}

/** A refused action names its problem, so the page can say it in the customer's language. */
export type ActionProblem = CallbackProblem;

function refused(problem: ActionProblem, message: string): AppError {
  return new AppError('validation_failed', message, [{ path: 'body.at', message, problem }]);
}

/**
 * Books a callback: the order's next call at `at` for the team, when `at` is ahead and inside the
 * calling hours on the client's clock. An order no longer worked by phone (paid, shipped…) gets an
 * unassigned call task at that time instead, so the request still reaches the team's queue.
 */
export async function bookCallback(orderId: string, at: Date): Promise<void> {
  const { order, client, actor } = await load(orderId);
  const settings = await getSettings();
  const zone = callingZone(client.timezone || settings.timeZone);
  const hours = settings.callingHours;
  const problem = callbackProblem(at, clock.now(), zone, hours);
  if (problem === 'outside_hours')
    throw refused(problem, `We call between ${hours.start} and ${hours.end} (${zone} time): please choose a time then`);
  if (problem === 'past') throw refused(problem, 'That time has passed: please choose a later one');
  if (problem === 'too_far') throw refused(problem, 'Please choose a time within the next week');
  const local = DateTime.fromJSDate(at, { zone }).toFormat("yyyy-MM-dd HH:mm '('z')'");
  const text = `The customer asked to be called back at ${local}`;
  const scheduled = await scheduleCustomerCallback(orderId, at, actor, text);
  if (!scheduled) {
    await createTask(
      { title: `Call back the customer about order ${order.number}`, dueAt: at.toISOString(), orderId, kind: 'call' },
      actor,
    );
    await recordOrderEvent(orderId, { type: 'system', text, data: { customerCallbackAt: at.toISOString() }, actor });
  }
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: orderId,
    action: 'callback_booked',
    changes: { nextCallAt: { from: order.call?.nextCallAt?.toISOString() ?? null, to: at.toISOString() } },
  });
}

/** Assigns the reply to the order's manager (else the client's); unassigned when they cannot take it. */
async function replyTask(loaded: Loaded): Promise<void> {
  const { order, client, actor } = loaded;
  const managerId = order.managerId ?? client.managerId;
  const task = {
    title: `Reply to the customer's message on order ${order.number}`,
    dueAt: clock.now().toISOString(),
    orderId: String(order._id),
    kind: 'other' as const,
  };
  try {
    await createTask({ ...task, ...(managerId ? { assigneeId: String(managerId) } : {}) }, actor);
  } catch (err) {
    // A manager who has since been disabled: the team still sees the task.
    if (!(err instanceof AppError && err.code === 'validation_failed' && managerId)) throw err;
    await createTask(task, actor);
  }
}

/** A message from the customer: a note on the order (staff only) and a task to reply. */
export async function leaveMessage(orderId: string, text: string): Promise<void> {
  const loaded = await load(orderId);
  await addOrderNote(orderId, { text, visibility: 'private' }, loaded.actor);
  await replyTask(loaded);
  await recordAudit({
    by: loaded.actor,
    objectType: 'order',
    objectId: orderId,
    action: 'customer_message',
    changes: { message: { from: null, to: text } },
  });
}

/**
 * "I have paid": the order is flagged for an administrator to check the payment, as an
 * `already_paid` call does. The team's calls go on until the payment is confirmed: the claim is
 * the customer's, not a manager's judgement after a conversation. Saying it again changes nothing.
 */
export async function reportPayment(orderId: string): Promise<void> {
  const { order, actor } = await load(orderId);
  if (order.paymentCheck) return;
  await flagPaymentCheck(order);
  await recordOrderEvent(orderId, {
    type: 'system',
    text: 'The customer says this order is already paid: an administrator should check the payment',
    data: { paymentCheck: true },
    actor,
  });
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: orderId,
    action: 'payment_reported',
    changes: { paymentCheck: { from: false, to: true } },
  });
  await emitDomainEvent('order.changed', { orderId });
}
