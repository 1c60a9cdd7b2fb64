import {
  fillPaymentLink,
  formatMoney,
  fromMinor,
  orderStatusLabels,
  paymentInstructionLines,
  paymentWays,
  type Actor,
  type LetterExtra,
  type LetterPreview,
  type LetterVariable,
  type Locale,
  type OrderStatus,
  type PreviewBody,
  type Settings,
} from '@callboard/shared';
import { AppError } from '../../lib/errors.js';
import { escapeHtml } from '../../lib/rich-text.js';
import { getSettings } from '../settings/index.js';
import { userNames } from '../users/index.js';
import { getOrderDoc, type OrderDoc } from '../orders/index.js';
import { getClientDoc, type ClientDoc } from '../clients/index.js';
import { renderTemplate, type RenderedTemplate, type TemplateValues } from '../templates/index.js';
import { deliveryDate, itemsTable } from './letter-order-values.js';
import { providedValues } from './letter-variable-providers.js';

const letterPaymentFormat = {
  text: escapeHtml,
  link: (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`,
};

/** How to pay, by the order's payment method (the same sentences as the customer's page). */
function paymentInstructions(
  locale: Locale,
  method: string | null,
  number: number,
  bank: string | null,
  link: string | null,
) {
  const ways = paymentWays(method, bank, link);
  return ways ? { html: paymentInstructionLines(locale, ways, number, letterPaymentFormat).join('<br>') } : null;
}

type OrderContext = { order: OrderDoc; client: ClientDoc; settings: Settings };

async function loadContext(orderId: string, read?: OrderDoc): Promise<OrderContext> {
  const order = read ?? (await getOrderDoc(orderId));
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
): Promise<TemplateValues> {
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
    items: itemsTable(order, locale),
    tracking_number: order.delivery?.trackingNumber || null,
    delivery_date: deliveryDate(order.delivery?.expectedDate, locale),
  };
}

type RenderInput = { subject: string; html: string; extra?: LetterExtra; locale?: Locale; actor?: Actor };

async function renderForContext(ctx: OrderContext, input: RenderInput, preview = false): Promise<RenderedTemplate> {
  const locale = input.locale ?? ctx.settings.defaultLocale;
  const request = { orderId: String(ctx.order._id), actor: input.actor, preview };
  const [own, provided] = await Promise.all([
    letterValues(ctx, locale, input.extra, input.actor),
    providedValues(input, request),
  ]);
  return renderTemplate(input, { ...own, ...provided });
}

function missingVariablesError(rendered: RenderedTemplate): AppError {
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
  /** Sends the letter here instead of to the client (the admin's copy of a status letter). */
  to?: string;
  /** The order as the caller has just read it (a recorded call), so it is not read again. */
  order?: OrderDoc;
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
  const ctx = await loadContext(input.orderId, input.order);
  const rendered = await renderForContext(ctx, input);
  if (rendered.missing.length > 0 || rendered.unknown.length > 0) throw missingVariablesError(rendered);
  const to = input.to ?? recipientOf(ctx);
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
  return renderForContext(
    ctx,
    { subject: body.subject, html: body.html, extra: body.extra, locale: body.locale },
    true,
  );
}
