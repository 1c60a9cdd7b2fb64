import {
  orderStatusLabels,
  type Actor,
  type Letter,
  type OrderStatus,
  type Settings,
  type Template,
} from '@callboard/shared';
import { AppError, conflict } from '../../lib/errors.js';
import type { DomainEvents } from '../../lib/domain-events.js';
import { logger } from '../../lib/logger.js';
import { schedulerActor } from '../../db/actor.js';
import { getSettings } from '../settings/index.js';
import { getUser } from '../users/index.js';
import { findOrderIdsCompletedBetween, getOrderDoc, recordOrderEvent } from '../orders/index.js';
import { findDefaultTemplate, findTemplate } from '../templates/index.js';
import { prepareLetter, type PrepareLetterInput } from './letter-compose.js';
import { enqueueLetter, recordUnsentLetter, usedDedupeKeys } from './letter-outbox.js';

async function statusTemplate(status: OrderStatus, settings: Settings): Promise<Template | null> {
  const templateId = settings.statusEmails[status]?.templateId;
  const chosen = templateId ? await findTemplate(templateId) : null;
  return chosen ?? findDefaultTemplate({ status }, settings.defaultLocale);
}

function reasonOf(err: unknown): string {
  if (err instanceof AppError) {
    const details = (err.details ?? []).map((d) => d.message).join('; ');
    return details ? `${err.message} (${details})` : err.message;
  }
  throw err;
}

async function adminAddress(settings: Settings, actor: Actor): Promise<string | null> {
  if (settings.adminEmail) return settings.adminEmail;
  if (actor.type !== 'user' || !actor.id) return null;
  return (await getUser(actor.id).catch(() => null))?.email ?? null;
}

/**
 * The letters of a status change: to the client when asked (or, when the change does not say,
 * when the settings say so for that status), and to the admin when asked. A letter that cannot
 * go out is written on the timeline with the reason — the status change itself has happened.
 */
export async function queueStatusLetters(event: DomainEvents['order.statusChanged']): Promise<Letter[]> {
  const settings = await getSettings();
  const notifyClient = event.notifyClient ?? settings.statusEmails[event.to]?.notifyClient ?? false;
  const notifyAdmin = event.notifyAdmin ?? false;
  if (!notifyClient && !notifyAdmin) return [];
  const label = orderStatusLabels.en[event.to];
  const template = await statusTemplate(event.to, settings);
  if (!template) {
    await recordOrderEvent(event.orderId, {
      type: 'system',
      text: `No e-mail was sent for the status "${label}": there is no letter template for it`,
      data: { letter: 'no_template', status: event.to },
      actor: event.actor,
    });
    return [];
  }
  const input: PrepareLetterInput = {
    orderId: event.orderId,
    subject: template.subject,
    html: template.html,
    extra: { status: event.to, ...(event.message ? { message: event.message } : {}) },
    locale: template.locale,
    actor: event.actor,
  };
  const letters: Letter[] = [];
  const unsent = async (who: string, err: unknown) => {
    await recordOrderEvent(event.orderId, {
      type: 'system',
      text: `The "${label}" e-mail to the ${who} was not sent: ${reasonOf(err)}`,
      data: { letter: 'not_sent', status: event.to, recipient: who },
      actor: event.actor,
    });
  };
  if (notifyClient) {
    try {
      letters.push(await enqueueLetter(await prepareLetter(input), { kind: 'status', actor: event.actor }));
    } catch (err) {
      await unsent('client', err);
    }
  }
  if (notifyAdmin) {
    try {
      const to = await adminAddress(settings, event.actor);
      if (!to)
        throw new AppError('unprocessable', 'no admin e-mail is set in the settings and the acting user has none');
      const prepared = await prepareLetter({ ...input, to });
      letters.push(await enqueueLetter(prepared, { kind: 'status', actor: event.actor }));
    } catch (err) {
      await unsent('admin', err);
    }
  }
  return letters;
}

const noPaymentDue: OrderStatus[] = ['paid', 'cancelled', 'refunded', 'failed', 'completed'];

/**
 * Sends the payment letter again: the payment-reminder template, or the `reserved` status
 * letter where there is none. Refused for orders that are paid or closed.
 */
export async function sendPaymentReminder(orderId: string, actor: Actor): Promise<Letter> {
  const [order, settings] = await Promise.all([getOrderDoc(orderId), getSettings()]);
  if (
    order.paymentStatus === 'paid' ||
    order.paymentStatus === 'refunded' ||
    noPaymentDue.includes(order.status as OrderStatus)
  ) {
    throw conflict(
      `Order ${order.number} is ${order.paymentStatus === 'paid' ? 'already paid' : order.status}: there is nothing to remind about`,
    );
  }
  const template =
    (await findDefaultTemplate({ event: 'payment_reminder' }, settings.defaultLocale)) ??
    (await statusTemplate('reserved', settings));
  if (!template)
    throw new AppError('unprocessable', 'There is no payment letter template (payment reminder or reserved status)');
  const prepared = await prepareLetter({
    orderId,
    subject: template.subject,
    html: template.html,
    extra: { status: order.status as OrderStatus },
    locale: template.locale,
    actor,
  });
  return enqueueLetter(prepared, { kind: 'reminder', actor });
}

/** Completed orders older than this are not asked any more (e.g. after the delay was lowered). */
const reviewWindowDays = 30;
const dayMs = 24 * 60 * 60_000;

/**
 * Queues the review request of every order completed `reviewRequestDelayDays` ago, once per order
 * (the letter's dedupe key `review:<orderId>`). Without a review-request template none is sent.
 */
export async function sendDueReviewRequests(now: Date): Promise<number> {
  const settings = await getSettings();
  const template = await findDefaultTemplate({ event: 'review_request' }, settings.defaultLocale);
  if (!template) return 0;
  const cutoff = new Date(now.getTime() - settings.reviewRequestDelayDays * dayMs);
  const since = new Date(cutoff.getTime() - reviewWindowDays * dayMs);
  const orderIds = await findOrderIdsCompletedBetween(since, cutoff);
  if (orderIds.length === 0) return 0;
  const keys = orderIds.map((id) => `review:${id}`);
  const done = await usedDedupeKeys(keys);
  let queued = 0;
  for (const orderId of orderIds) {
    const dedupeKey = `review:${orderId}`;
    if (done.has(dedupeKey)) continue;
    try {
      const prepared = await prepareLetter({
        orderId,
        subject: template.subject,
        html: template.html,
        locale: template.locale,
      });
      await enqueueLetter(prepared, { kind: 'review', dedupeKey, actor: schedulerActor });
      queued += 1;
    } catch (err) {
      if (!(err instanceof AppError)) {
        logger.error(`Review request for order ${orderId} failed`, err);
        continue;
      }
      await recordUnsentLetter(orderId, {
        kind: 'review',
        subject: template.subject,
        reason: reasonOf(err),
        dedupeKey,
        actor: schedulerActor,
      });
    }
  }
  return queued;
}
