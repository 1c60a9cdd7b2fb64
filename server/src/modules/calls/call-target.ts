import { canTransition, type CallOutcome, type OrderStatus, type RecordCallBody } from '@callboard/shared';
import { AppError, badRequest } from '../../lib/errors.js';
import { getClientDoc, normalisePhone } from '../clients/index.js';
import { getOrderDoc, type OrderDoc } from '../orders/index.js';
import { getTaskDoc, type TaskDoc } from '../tasks/index.js';
import { assertAttachable } from '../attachments/index.js';

export type CallTarget = { kind: 'order' | 'task'; id: string };

/** What a call is recorded on, read once for the whole request: the order, or the task and its order. */
export type LoadedTarget = { order: OrderDoc | null; task: TaskDoc | null; clientId: string };

export async function loadTarget(target: CallTarget): Promise<LoadedTarget> {
  if (target.kind === 'order') {
    const order = await getOrderDoc(target.id);
    return { order, task: null, clientId: String(order.clientId) };
  }
  const task = await getTaskDoc(target.id);
  if (task.kind !== 'call' || !task.call || !task.clientId) {
    throw new AppError('conflict', 'Only call tasks take calls; this task is not a call task');
  }
  if (task.done) throw new AppError('conflict', 'This task is done; reopen it to record a call');
  const order = task.orderId ? await getOrderDoc(String(task.orderId)).catch(() => null) : null;
  return { order, task, clientId: String(task.clientId) };
}

/** The number that was called: the one named (it must be the client's), else the first valid one. */
export async function resolvePhone(
  clientId: string,
  given: string | undefined,
  outcome: CallOutcome,
): Promise<string | null> {
  const client = await getClientDoc(clientId);
  const phones = client.phones ?? [];
  if (given) {
    const wanted = normalisePhone(given, client.address?.country).number;
    const match = phones.find((p) => p.number === wanted || p.number === given);
    if (!match)
      throw badRequest('phone is not one of the client’s numbers', [
        { path: 'body.phone', message: 'not a number of this client' },
      ]);
    return match.number;
  }
  const first = phones.find((p) => !p.invalid)?.number ?? null;
  if (!first && outcome === 'invalid_contact') {
    throw badRequest('The client has no valid phone number to mark invalid', [
      { path: 'body.phone', message: 'no valid phone' },
    ]);
  }
  return first;
}

/** Everything that could refuse the call is checked here, before anything is written. */
export async function validateCall(
  target: CallTarget,
  loaded: LoadedTarget,
  body: RecordCallBody,
  now: Date,
): Promise<void> {
  const callbackAt = body.callbackAt ? new Date(body.callbackAt) : null;
  if (callbackAt && callbackAt.getTime() <= now.getTime()) {
    throw badRequest('callbackAt must be in the future', [
      { path: 'body.callbackAt', message: 'must be in the future' },
    ]);
  }
  if (target.kind === 'task' && body.followUp) {
    throw badRequest('A follow-up order is created from an order call, not a task call', [
      { path: 'body.followUp', message: 'only on order calls' },
    ]);
  }
  if (body.letter && !loaded.order) {
    throw badRequest('A letter needs an order to fill in its variables; this task has none', [
      { path: 'body.letter', message: 'no order' },
    ]);
  }
  const status = loaded.order?.status as OrderStatus | undefined;
  const cancels = target.kind === 'order' && (body.outcome === 'cancelled' || body.followUp === 'replace');
  if (cancels && status && status !== 'cancelled' && !canTransition(status, 'cancelled')) {
    throw new AppError('transition_not_allowed', `The order is ${status} and cannot be cancelled`);
  }
  if (body.followUp === 'replace' && status === 'cancelled') {
    throw new AppError('transition_not_allowed', 'The order is already cancelled; use "invoice" to create a new order');
  }
  await assertAttachable(body.attachmentIds ?? [], loaded.clientId, null);
}
