import mongoose from 'mongoose';
import nodemailer from 'nodemailer';
import {
  fillPaymentLink,
  formatMoney,
  fromMinor,
  orderStatusLabels,
  type Actor,
  type Letter,
  type LetterExtra,
  type LetterKind,
  type LetterListQuery,
  type LetterPreview,
  type LetterStatus,
  type LetterVariable,
  type Locale,
  type OrderStatus,
  type Page,
  type PreviewBody,
  type Settings,
} from '@callboard/shared';
import { AppError, conflict } from '../../lib/errors.js';
import { clock } from '../../lib/clock.js';
import { emitDomainEvent, type DomainEvents } from '../../lib/domain-events.js';
import { logger } from '../../lib/logger.js';
import { getSettings } from '../settings/index.js';
import { getUser, userNames } from '../users/index.js';
import { getOrderDoc, recordOrderEvent } from '../orders/index.js';
import { getClientDoc } from '../clients/index.js';
import { OrderModel, type OrderDoc } from '../orders/index.js';
import type { ClientDoc } from '../clients/index.js';
import { findDefaultTemplate, findTemplate } from '../templates/index.js';
import type { Template, TimelineItem } from '@callboard/shared';
import { escapeHtml, renderLetter, type LetterValues, type RenderedLetter } from './letter-render.js';
import { LetterDeliveryModel, LetterModel, type LetterDeliveryDoc, type LetterDoc } from './letter.model.js';
import { bootId } from '../../lib/boot-id.js';
import { isDuplicateKeyError } from '../../db/duplicate-key.js';
import { toActor, schedulerActor } from '../../db/actor.js';

/* ------------------------------------------------------------------ rendering for an order */

const paymentText: Record<Locale, { transfer: string; card: string }> = {
  en: {
    transfer: 'Please pay by bank transfer to {bank}, quoting order {number}.',
    card: 'Pay securely by card here: {link}',
  },
  es: {
    transfer: 'Puede pagar por transferencia a {bank}, indicando el pedido {number}.',
    card: 'Pague con tarjeta de forma segura aquí: {link}',
  },
};

/** How to pay, by the order's payment method: the bank account (transfer), the link (card), or both. */
function paymentInstructions(
  locale: Locale,
  method: string | null,
  number: number,
  bank: string | null,
  link: string | null,
) {
  const t = paymentText[locale];
  const transfer = bank ? t.transfer.replace('{bank}', escapeHtml(bank)).replace('{number}', String(number)) : null;
  const card = link ? t.card.replace('{link}', `<a href="${escapeHtml(link)}">${escapeHtml(link)}</a>`) : null;
  if (method === 'transfer') return transfer === null ? null : { html: transfer };
  if (method === 'card') return card === null ? null : { html: card };
  // Cash or not chosen yet: offer whatever ways to pay are configured.
  const parts = [transfer, card].filter((p): p is string => p !== null);
  return parts.length ? { html: parts.join('<br>') } : null;
}

type OrderContext = { order: OrderDoc; client: ClientDoc; settings: Settings };

async function loadContext(orderId: string): Promise<OrderContext> {
  const order = await getOrderDoc(orderId);
  const [client, settings] = await Promise.all([getClientDoc(String(order.clientId)), getSettings()]);
  return { order, client, settings };
}

async function managerName(ctx: OrderContext, actor: Actor | undefined): Promise<string | null> {
  const id = ctx.order.managerId ?? ctx.client.managerId;
  if (id) {
    const name = (await userNames([String(id)])).get(String(id));
    if (name) return name;
  }
  return actor?.type === 'user' ? actor.name : null;
}

/**
 * Every variable's value for one order, read from the database now. `extra` is the context of a
 * status letter: there the typed message is optional (empty drops its paragraph); elsewhere a
 * template that uses `<$message>` has nothing to fill it with.
 */
async function letterValues(
  ctx: OrderContext,
  locale: Locale,
  extra: LetterExtra | undefined,
  actor: Actor | undefined,
): Promise<LetterValues> {
  const { order, client, settings } = ctx;
  const link = fillPaymentLink(settings.paymentLinkPattern, {
    number: order.number,
    total: fromMinor(order.totalMinor, order.currency),
    currency: order.currency,
  });
  const bank = settings.bankAccount || null;
  const status = (extra?.status ?? order.status) as OrderStatus;
  return {
    name: client.name || null,
    order_number: String(order.number),
    total: formatMoney(order.totalMinor, order.currency, locale),
    currency: order.currency,
    payment_link: link,
    bank_account: bank,
    payment_instructions: paymentInstructions(locale, order.paymentMethod ?? null, order.number, bank, link),
    manager_name: await managerName(ctx, actor),
    company_name: settings.companyName,
    status: orderStatusLabels[locale][status],
    message: extra ? (extra.message ?? '') : null,
  };
}

type RenderInput = { subject: string; html: string; extra?: LetterExtra; locale?: Locale; actor?: Actor };

async function renderForContext(ctx: OrderContext, input: RenderInput): Promise<RenderedLetter> {
  const locale = input.locale ?? ctx.settings.defaultLocale;
  return renderLetter(input, await letterValues(ctx, locale, input.extra, input.actor));
}

function missingVariablesError(rendered: RenderedLetter): AppError {
  const details = [
    ...rendered.missing.map((v) => ({
      path: `variables.${v}`,
      variable: v,
      message: `<$${v}> has no value for this order`,
    })),
    ...rendered.unknown.map((v) => ({
      path: `variables.${v}`,
      variable: v,
      message: `<$${v}> is not a known variable`,
    })),
  ];
  const names = [...rendered.missing, ...rendered.unknown].map((v) => `<$${v}>`).join(', ');
  return new AppError('missing_variables', `The letter cannot be sent: ${names} cannot be filled in`, details);
}

function assertComplete(rendered: RenderedLetter): void {
  if (rendered.missing.length > 0 || rendered.unknown.length > 0) throw missingVariablesError(rendered);
}

/**
 * Where a letter about this order goes: the client's first confirmed e-mail, else the e-mail the
 * (website) order itself came with. Never the order's own before a confirmed one: anyone can type
 * a known client's phone beside their own e-mail, and that must not redirect the client's letters.
 */
function recipientOf(ctx: OrderContext): string | null {
  return ctx.client.emails?.[0] ?? ctx.order.contact?.email ?? null;
}

export type PrepareLetterInput = {
  orderId: string;
  subject: string;
  html: string;
  extra?: LetterExtra;
  /** Formatting of money and status; the settings' default locale when absent. */
  locale?: Locale;
  /** Signs the letter when neither the order nor the client has a manager. */
  actor?: Actor;
};

export type PreparedLetter = {
  orderId: string;
  clientId: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  missing: LetterVariable[];
};

/**
 * Renders a letter for an order and checks it can be sent: every variable filled, a recipient.
 * Nothing is written, so callers validate the letter before their own first write.
 */
export async function prepareLetter(input: PrepareLetterInput): Promise<PreparedLetter> {
  const ctx = await loadContext(input.orderId);
  const rendered = await renderForContext(ctx, input);
  assertComplete(rendered);
  const to = recipientOf(ctx);
  if (!to) {
    throw new AppError('unprocessable', `The client ${ctx.client.name} has no e-mail address to send the letter to`, [
      { path: 'client.emails', message: 'is empty' },
    ]);
  }
  return {
    orderId: String(ctx.order._id),
    clientId: String(ctx.client._id),
    to,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    missing: [],
  };
}

/** What the letter would be, through the same rendering as sending, with the problems listed. */
export async function previewLetter(body: PreviewBody): Promise<LetterPreview> {
  const ctx = await loadContext(body.orderId);
  return renderForContext(ctx, { subject: body.subject, html: body.html, extra: body.extra, locale: body.locale });
}

/* ------------------------------------------------------------------ the outbox */

export type EnqueueOptions = {
  kind: LetterKind;
  callId?: string;
  /** Extra recipients of the same message (the manager's copy). */
  copyTo?: string[];
  /** Makes the letter "only once": a second enqueue with the key returns the first letter. */
  dedupeKey?: string;
  actor: Actor;
};

export function toLetter(doc: LetterDoc): Letter {
  return {
    id: String(doc._id),
    orderId: doc.orderId ? String(doc.orderId) : null,
    kind: doc.kind as LetterKind,
    to: doc.to ?? '',
    cc: doc.cc ?? [],
    subject: doc.subject,
    html: doc.html ?? '',
    text: doc.text ?? '',
    status: doc.status as LetterStatus,
    attempts: doc.attempts ?? 0,
    error: doc.lastError ?? null,
    nextAttemptAt: doc.nextAttemptAt ? doc.nextAttemptAt.toISOString() : null,
    createdAt: doc.createdAt.toISOString(),
    sentAt: doc.sentAt ? doc.sentAt.toISOString() : null,
    by: toActor(doc.actor),
  };
}

async function announce(doc: Pick<LetterDoc, '_id' | 'orderId' | 'status'>): Promise<void> {
  await emitDomainEvent('letter.changed', {
    letterId: String(doc._id),
    orderId: doc.orderId ? String(doc.orderId) : null,
    status: doc.status,
  });
}

async function insertLetter(fields: Record<string, unknown> & { dedupeKey?: string }): Promise<Letter> {
  const _id = new mongoose.Types.ObjectId();
  const dedupeKey = fields.dedupeKey ?? `letter:${String(_id)}`;
  try {
    const doc = await LetterModel.create({ ...fields, _id, dedupeKey });
    const letter = doc.toObject() as unknown as LetterDoc;
    await announce(letter);
    return toLetter(letter);
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const existing = await LetterModel.findOne({ dedupeKey }).lean<LetterDoc>();
    if (!existing) throw err;
    return toLetter(existing);
  }
}

/** Puts a prepared letter in the outbox; the delivery sweep sends it. */
export async function enqueueLetter(prepared: PreparedLetter, opts: EnqueueOptions): Promise<Letter> {
  const cc = [...new Set((opts.copyTo ?? []).map((a) => a.trim().toLowerCase()))].filter((a) => a && a !== prepared.to);
  return insertLetter({
    orderId: prepared.orderId,
    clientId: prepared.clientId,
    kind: opts.kind,
    to: prepared.to,
    cc,
    subject: prepared.subject,
    html: prepared.html,
    text: prepared.text,
    status: 'queued',
    attempts: 0,
    nextAttemptAt: clock.now(),
    callId: opts.callId ?? null,
    dedupeKey: opts.dedupeKey,
    actor: opts.actor,
  });
}

/** A letter that could not even be queued, kept as `failed` so the timeline says why. */
async function recordUnsentLetter(
  orderId: string,
  fields: { kind: LetterKind; subject: string; reason: string; dedupeKey?: string; actor: Actor },
): Promise<Letter> {
  return insertLetter({
    orderId,
    kind: fields.kind,
    subject: fields.subject,
    status: 'failed',
    lastError: fields.reason,
    dedupeKey: fields.dedupeKey,
    actor: fields.actor,
  });
}

export async function listLetters(query: LetterListQuery): Promise<Page<Letter>> {
  const filter = query.orderId ? { orderId: new mongoose.Types.ObjectId(query.orderId) } : {};
  const [docs, total] = await Promise.all([
    LetterModel.find(filter)
      .sort({ createdAt: -1 })
      .skip((query.page - 1) * query.limit)
      .limit(query.limit)
      .lean<LetterDoc[]>(),
    LetterModel.countDocuments(filter),
  ]);
  return { items: docs.map(toLetter), total, page: query.page, limit: query.limit };
}

export async function getLetter(id: string): Promise<Letter | null> {
  const doc = mongoose.isValidObjectId(id) ? await LetterModel.findById(id).lean<LetterDoc>() : null;
  return doc ? toLetter(doc) : null;
}

/** The order timeline's letters. */
export async function letterTimeline(orderId: string): Promise<TimelineItem[]> {
  if (!mongoose.isValidObjectId(orderId)) return [];
  const docs = await LetterModel.find({ orderId }, { html: 0, text: 0 }).sort({ createdAt: -1 }).lean<LetterDoc[]>();
  return docs.map((d) => {
    const l = toLetter(d);
    return {
      id: `letter:${l.id}`,
      type: 'letter' as const,
      at: l.createdAt,
      by: l.by,
      letterId: l.id,
      kind: l.kind,
      status: l.status,
      to: l.to,
      cc: l.cc,
      subject: l.subject,
      attempts: l.attempts,
      error: l.error,
      sentAt: l.sentAt,
    };
  });
}

/* ------------------------------------------------------------------ delivery */

export type MailConfig = { smtpUrl: string | undefined; mailFrom: string };

export const maxDeliveryAttempts = 5;
/**
 * A delivery claim of this boot older than this was abandoned (its run failed mid-send). Claims of
 * an earlier boot are stale at once: only one process runs the delivery sweep at a time (Agenda's
 * job lock), so another boot's claim is one whose sweep stopped.
 */
export const staleClaimMs = 15 * 60_000;
const sweepBatch = 50;

/** Minutes before retry n+1: 1, 4, 16, 64. */
export function retryDelayMs(attempt: number): number {
  return 60_000 * 4 ** (attempt - 1);
}

type SmtpError = Error & { responseCode?: number; response?: string; code?: string };

function describeError(err: SmtpError): string {
  return (err.response ?? err.message ?? String(err)).slice(0, 1000);
}

/** 5xx replies are final; 4xx replies and connection trouble are worth another try. */
export function isPermanentFailure(err: SmtpError): boolean {
  if (typeof err.responseCode === 'number') return err.responseCode >= 500;
  return err.code === 'EENVELOPE' || err.code === 'EMESSAGE' || err.code === 'ECONFIG';
}

function messageIdFor(letterId: string, mailFrom: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'callboard.local';
  return `<letter-${letterId}@${domain}>`;
}

type Transport = ReturnType<typeof nodemailer.createTransport>;

async function setLetter(
  id: mongoose.Types.ObjectId,
  expectedAttempts: number,
  set: Record<string, unknown>,
): Promise<LetterDoc | null> {
  const doc = await LetterModel.findOneAndUpdate(
    { _id: id, attempts: expectedAttempts },
    { $set: set },
    { returnDocument: 'after' },
  ).lean<LetterDoc>();
  if (doc) await announce(doc);
  return doc;
}

const isStale = (claim: LetterDeliveryDoc, now: Date) =>
  claim.bootId !== bootId || claim.claimedAt.getTime() <= now.getTime() - staleClaimMs;

/**
 * Retires an attempt whose sender stopped: sent if the SMTP server's acceptance was recorded,
 * else queued again at once (or failed after the last attempt). The letter, as now stored.
 */
async function retireAttempt(
  letter: LetterDoc,
  attempt: number,
  claim: LetterDeliveryDoc,
  now: Date,
): Promise<LetterDoc | null> {
  if (claim.confirmedAt)
    return setLetter(letter._id, letter.attempts ?? 0, {
      status: 'sent',
      attempts: attempt,
      sentAt: claim.confirmedAt,
      messageId: claim.messageId,
      nextAttemptAt: null,
      lastError: null,
    });
  const final = attempt >= maxDeliveryAttempts;
  return setLetter(letter._id, letter.attempts ?? 0, {
    attempts: attempt,
    status: final ? 'failed' : 'queued',
    nextAttemptAt: final ? null : now,
    lastError: 'The delivery attempt was interrupted (the server stopped while sending)',
  });
}

async function deliverOne(
  letter: LetterDoc,
  transport: Transport,
  mail: MailConfig,
  now: Date,
): Promise<LetterStatus | null> {
  const attempt = (letter.attempts ?? 0) + 1;
  const claimId = `${String(letter._id)}:${attempt}`;
  try {
    await LetterDeliveryModel.create({ _id: claimId, letterId: letter._id, attempt, claimedAt: now, bootId });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const claim = await LetterDeliveryModel.findById(claimId).lean<LetterDeliveryDoc>();
    // Another sweep of this boot holds this attempt; only one a stopped sweep left is retired.
    if (!claim || !isStale(claim, now)) return null;
    const retired = await retireAttempt(letter, attempt, claim, now);
    // Interrupted and not confirmed: the next attempt goes now, not a sweep later.
    if (retired?.status === 'queued') return deliverOne(retired, transport, mail, now);
    return (retired?.status as LetterStatus | undefined) ?? null;
  }

  const claimed = await setLetter(letter._id, letter.attempts ?? 0, {
    status: 'sending',
    claimBoot: bootId,
    nextAttemptAt: new Date(now.getTime() + staleClaimMs),
  });
  if (!claimed) return null;
  try {
    const info = await transport.sendMail({
      from: mail.mailFrom,
      to: letter.to,
      ...(letter.cc?.length ? { cc: letter.cc } : {}),
      subject: letter.subject,
      html: letter.html,
      text: letter.text,
      // The same id on every attempt: mail systems can drop a copy resent after an interrupted one.
      messageId: messageIdFor(String(letter._id), mail.mailFrom),
      headers: { 'X-Callboard-Letter': String(letter._id) },
    });
    // Recorded before anything else: a stop after this point must not send the letter again.
    await LetterDeliveryModel.updateOne(
      { _id: claimId },
      { $set: { confirmedAt: now, messageId: info.messageId ?? null } },
    );
    await setLetter(letter._id, letter.attempts ?? 0, {
      status: 'sent',
      attempts: attempt,
      sentAt: now,
      messageId: info.messageId ?? null,
      nextAttemptAt: null,
      lastError: null,
    });
    return 'sent';
  } catch (e) {
    const err = e as SmtpError;
    const final = isPermanentFailure(err) || attempt >= maxDeliveryAttempts;
    await setLetter(letter._id, letter.attempts ?? 0, {
      status: final ? 'failed' : 'queued',
      attempts: attempt,
      nextAttemptAt: final ? null : new Date(now.getTime() + retryDelayMs(attempt)),
      lastError: describeError(err),
    });
    return final ? 'failed' : 'queued';
  }
}

export type DeliveryReport = { sent: number; retrying: number; failed: number; skipped: number };

/**
 * One sweep of the outbox: every letter due by `now` gets one delivery attempt, and every letter
 * an earlier boot left `sending` is finished (sent again unless its acceptance was recorded).
 * Without SMTP_URL nothing is attempted and letters stay queued. Safe to run concurrently and
 * repeatedly within a boot.
 */
export async function deliverDueLetters(now: Date, mail: MailConfig): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  if (!mail.smtpUrl) return report;
  const due = await LetterModel.find({
    $or: [
      { status: { $in: ['queued', 'sending'] }, nextAttemptAt: { $lte: now } },
      { status: 'sending', claimBoot: { $ne: bootId } },
    ],
  })
    .sort({ nextAttemptAt: 1 })
    .limit(sweepBatch)
    .lean<LetterDoc[]>();
  if (due.length === 0) return report;
  const transport = nodemailer.createTransport({
    url: mail.smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  try {
    for (const letter of due) {
      const outcome = await deliverOne(letter, transport, mail, now);
      if (outcome === 'sent') report.sent += 1;
      else if (outcome === 'failed') report.failed += 1;
      else if (outcome === 'queued') report.retrying += 1;
      else report.skipped += 1;
    }
  } finally {
    transport.close();
  }
  return report;
}

/* ------------------------------------------------------------------ status, reminder and review letters */

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
      const ctx = await loadContext(event.orderId);
      const rendered = await renderForContext(ctx, input);
      assertComplete(rendered);
      const prepared: PreparedLetter = {
        ...rendered,
        orderId: event.orderId,
        clientId: String(ctx.client._id),
        to,
        missing: [],
      };
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
  const ctx = await loadContext(orderId);
  if (
    ctx.order.paymentStatus === 'paid' ||
    ctx.order.paymentStatus === 'refunded' ||
    noPaymentDue.includes(ctx.order.status as OrderStatus)
  ) {
    throw conflict(
      `Order ${ctx.order.number} is ${ctx.order.paymentStatus === 'paid' ? 'already paid' : ctx.order.status}: there is nothing to remind about`,
    );
  }
  const template =
    (await findDefaultTemplate({ event: 'payment_reminder' }, ctx.settings.defaultLocale)) ??
    (await statusTemplate('reserved', ctx.settings));
  if (!template)
    throw new AppError('unprocessable', 'There is no payment letter template (payment reminder or reserved status)');
  const prepared = await prepareLetter({
    orderId,
    subject: template.subject,
    html: template.html,
    extra: { status: ctx.order.status as OrderStatus },
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
  // The orders module has no sweep query for this; read the ids straight from its collection.
  const orders = await OrderModel.find(
    { status: 'completed', completedAt: { $gt: since, $lte: cutoff } },
    { _id: 1 },
  ).lean<{ _id: mongoose.Types.ObjectId }[]>();
  if (orders.length === 0) return 0;
  const keys = orders.map((o) => `review:${String(o._id)}`);
  const done = new Set(
    (await LetterModel.find({ dedupeKey: { $in: keys } }, { dedupeKey: 1 }).lean<{ dedupeKey: string }[]>()).map(
      (l) => l.dedupeKey,
    ),
  );
  let queued = 0;
  for (const order of orders) {
    const orderId = String(order._id);
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
