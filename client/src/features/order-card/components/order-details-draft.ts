import { currencyDigits, type Order, type UpdateOrderBody } from '@callboard/shared';
import type { MessageKey, Vars } from '../../../i18n/i18n';
import { amountOf } from '../../order-items';

export type DetailsDraft = {
  source: string;
  channel: string;
  funnel: string;
  stage: string;
  tags: string[];
  method: string;
  address: string;
  trackingNumber: string;
  expectedDate: string;
  income: string;
  expenses: string;
};

export type DetailsField = keyof DetailsDraft;

export function detailsDraftOf(order: Order): DetailsDraft {
  return {
    source: order.source ?? '',
    channel: order.channel ?? '',
    funnel: order.funnel ?? '',
    stage: order.stage ?? '',
    tags: order.tags,
    method: order.delivery.method ?? '',
    address: order.delivery.address ?? '',
    trackingNumber: order.delivery.trackingNumber ?? '',
    expectedDate: order.delivery.expectedDate ?? '',
    income: String(order.income),
    expenses: String(order.expenses),
  };
}

/** The server's length limits (shared/src/orders/order.schema.ts). */
const maxLength: Partial<Record<DetailsField, number>> = {
  source: 100,
  channel: 100,
  funnel: 60,
  stage: 60,
  method: 100,
  address: 500,
  trackingNumber: 100,
};

export type DetailsCheck = {
  problems: Partial<Record<DetailsField, { key: MessageKey; vars?: Vars }>>;
  body: UpdateOrderBody | null;
};

/** Only what changed goes to the server, so each save is one timeline entry naming just that; an emptied field is removed (null). */
export function checkDetails(order: Order, draft: DetailsDraft): DetailsCheck {
  const problems: DetailsCheck['problems'] = {};
  for (const [field, max] of Object.entries(maxLength) as [DetailsField, number][]) {
    if (String(draft[field]).trim().length > max) problems[field] = { key: 'items.error.tooLong', vars: { max } };
  }
  const digits = currencyDigits(order.currency);
  const income = amountOf(draft.income, order.currency);
  const expenses = amountOf(draft.expenses, order.currency);
  if (income === null) problems.income = { key: 'items.error.amount', vars: { digits } };
  if (expenses === null) problems.expenses = { key: 'items.error.amount', vars: { digits } };
  if (Object.keys(problems).length > 0) return { problems, body: null };

  const text = (value: string) => value.trim() || null;
  const body: UpdateOrderBody = {};
  for (const key of ['source', 'channel', 'funnel', 'stage'] as const) {
    if (text(draft[key]) !== (order[key] ?? null)) body[key] = text(draft[key]);
  }
  if (draft.tags.join('\n') !== order.tags.join('\n')) body.tags = draft.tags;
  const delivery: NonNullable<UpdateOrderBody['delivery']> = {};
  for (const key of ['method', 'address', 'trackingNumber', 'expectedDate'] as const) {
    if (text(draft[key]) !== (order.delivery[key] ?? null)) delivery[key] = text(draft[key]);
  }
  if (Object.keys(delivery).length > 0) body.delivery = delivery;
  if (income !== order.income) body.income = income!;
  if (expenses !== order.expenses) body.expenses = expenses!;
  return { problems, body };
}
