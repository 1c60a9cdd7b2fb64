import type { Letter } from '@callboard/shared';
import { AppError } from '../../lib/errors.js';
import type { DomainEvents } from '../../lib/domain-events.js';
import { getSettings } from '../settings/index.js';
import { findDefaultTemplate } from '../templates/index.js';
import { prepareLetter, type PrepareLetterInput } from './letter-compose.js';
import { enqueueLetter, recordUnsentLetter, usedDedupeKeys } from './letter-outbox.js';

/** "Only once" per order and recipient: a retried intake, or the event heard again, finds the first letter. */
const confirmationKeys = (orderId: string) => ({
  client: `confirmation:${orderId}`,
  admin: `confirmation-admin:${orderId}`,
});

/**
 * A new order's confirmation (the `order_confirmation` template: number, items, total, how to pay)
 * to the client, and its copy to the administration at the settings' admin address, each as the
 * settings say. Orders a call made from another order get none: that call's letter speaks for them.
 * Without the template nothing is sent, as for the review request. A letter that cannot be
 * prepared (no e-mail address) is kept as failed, so the order's timeline says why.
 */
export async function queueOrderConfirmation(event: DomainEvents['order.created']): Promise<Letter[]> {
  if (event.followUpOf) return [];
  const settings = await getSettings();
  const adminTo = settings.orderConfirmation.notifyAdmin ? settings.adminEmail || null : null;
  if (!settings.orderConfirmation.notifyClient && !adminTo) return [];
  const keys = confirmationKeys(event.orderId);
  const done = await usedDedupeKeys([keys.client, keys.admin]);
  const wanted = [
    ...(settings.orderConfirmation.notifyClient && !done.has(keys.client) ? [{ key: keys.client }] : []),
    ...(adminTo && !done.has(keys.admin) ? [{ key: keys.admin, to: adminTo }] : []),
  ];
  if (wanted.length === 0) return [];
  const template = await findDefaultTemplate({ event: 'order_confirmation' }, settings.defaultLocale);
  if (!template) return [];
  const input: PrepareLetterInput = {
    orderId: event.orderId,
    subject: template.subject,
    html: template.html,
    locale: template.locale,
    actor: event.actor,
  };
  const letters: Letter[] = [];
  for (const { key, to } of wanted) {
    try {
      const prepared = await prepareLetter({ ...input, ...(to ? { to } : {}) });
      letters.push(await enqueueLetter(prepared, { kind: 'confirmation', dedupeKey: key, actor: event.actor }));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      await recordUnsentLetter(event.orderId, {
        kind: 'confirmation',
        subject: template.subject,
        reason: err.message,
        dedupeKey: key,
        actor: event.actor,
      });
    }
  }
  return letters;
}
