import { z } from 'zod';
import { isoDate, isoDateTime, objectId, pageQuery, queryBoolean } from '../common/common.schema.js';
import { isCurrency, toMinor } from '../common/money.js';
import type { Actor } from '../common/actor.js';
import { clientInput } from '../clients/client.schema.js';
import type { CallInfo } from './call.schema.js';
import {
  orderStatuses,
  paymentMethods,
  type OrderStatus,
  type PaymentMethod,
  type PaymentStatus,
} from './order-status.js';

export const currency = z
  .string()
  .trim()
  .transform((c) => c.toUpperCase())
  .refine(isCurrency, 'must be an ISO 4217 currency code such as EUR');

const amount = z.number().finite().nonnegative().max(1e12);

export const orderItemInput = z
  .object({
    name: z.string().trim().min(1).max(200),
    quantity: z.number().int().min(1).max(100_000),
    unitPrice: amount,
    sku: z.string().trim().max(64).optional(),
  })
  .strict();

const tag = z.string().trim().min(1).max(40);

/** Amounts must fit the currency's decimals (no 19.999 EUR). */
function checkAmounts(
  value: { currency: string; items?: { unitPrice: number }[]; discount?: number },
  ctx: z.RefinementCtx,
) {
  value.items?.forEach((item, i) => {
    if (toMinor(item.unitPrice, value.currency) === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['items', i, 'unitPrice'],
        message: `has more decimals than ${value.currency} allows`,
      });
    }
  });
  if (value.discount !== undefined && toMinor(value.discount, value.currency) === null) {
    ctx.addIssue({ code: 'custom', path: ['discount'], message: `has more decimals than ${value.currency} allows` });
  }
}

export const createOrderBody = z
  .object({
    client: clientInput,
    items: z.array(orderItemInput).min(1).max(100),
    currency,
    discount: amount.optional(),
    paymentMethod: z.enum(paymentMethods).optional(),
    source: z.string().trim().max(100).optional(),
    channel: z.string().trim().max(100).optional(),
    tags: z.array(tag).max(30).optional(),
  })
  .strict()
  .superRefine(checkAmounts);
export type CreateOrderBody = z.infer<typeof createOrderBody>;

export const updateOrderBody = z
  .object({
    items: z.array(orderItemInput).min(1).max(100),
    discount: amount,
    managerId: objectId.nullable(),
    tags: z.array(tag).max(30),
    funnel: z.string().trim().max(60).nullable(),
    stage: z.string().trim().max(60).nullable(),
    autoCancelAt: isoDateTime.nullable(),
    paymentMethod: z.enum(paymentMethods).nullable(),
    delivery: z
      .object({
        method: z.string().trim().max(100).nullable(),
        address: z.string().trim().max(500).nullable(),
        trackingNumber: z.string().trim().max(100).nullable(),
        expectedDate: isoDate.nullable(),
      })
      .partial()
      .strict(),
    source: z.string().trim().max(100).nullable(),
    channel: z.string().trim().max(100).nullable(),
    income: amount,
    expenses: amount,
  })
  .partial()
  .strict();
export type UpdateOrderBody = z.infer<typeof updateOrderBody>;

const statusList = z
  .string()
  .max(200)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.union([z.tuple([z.literal('all')]), z.array(z.enum(orderStatuses)).min(1)]));

export const orderListQuery = z
  .object({
    status: statusList.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    q: z.string().trim().max(100).optional(),
    managerId: z.union([objectId, z.literal('none')]).optional(),
    tag: tag.optional(),
    stage: z.string().trim().max(60).optional(),
    clientId: objectId.optional(),
    /** Orders flagged "already paid" by a call, whose payment an admin should check (any status unless given). */
    paymentCheck: queryBoolean.optional(),
    /** Open orders out of the call queue until their client has a callable phone. */
    needsContact: queryBoolean.optional(),
    ...pageQuery,
  })
  .strict();
export type OrderListQuery = z.infer<typeof orderListQuery>;

export const changeStatusBody = z
  .object({
    status: z.enum(orderStatuses),
    message: z.string().trim().max(5000).optional(),
    notifyClient: z.boolean().optional(),
    notifyAdmin: z.boolean().optional(),
  })
  .strict();
export type ChangeStatusBody = z.infer<typeof changeStatusBody>;

export const noteVisibilities = ['private', 'public'] as const;
export type NoteVisibility = (typeof noteVisibilities)[number];

export const orderNoteBody = z
  .object({ text: z.string().trim().min(1).max(5000), visibility: z.enum(noteVisibilities).default('private') })
  .strict();

export type OrderNoteBody = z.infer<typeof orderNoteBody>;

export type OrderNote = {
  id: string;
  orderId: string;
  text: string;
  visibility: NoteVisibility;
  at: string;
  by: Actor;
};

export const paymentBody = z
  .object({
    amount: z
      .number()
      .finite()
      .refine((n) => n !== 0, 'must not be zero')
      .refine((n) => Math.abs(n) <= 1e12, 'is too large'),
    method: z.enum(paymentMethods),
    transactionId: z.string().trim().max(120).optional(),
    system: z.string().trim().max(60).optional(),
    attempts: z.number().int().min(1).max(100).optional(),
    comment: z.string().trim().max(1000).optional(),
    kind: z.enum(['payment', 'advance', 'refund']).default('payment'),
  })
  .strict();
export type PaymentBody = z.infer<typeof paymentBody>;

/** Confirming an "already paid" order records what is left to pay; the method defaults to the order's. */
export const confirmPaymentBody = paymentBody
  .pick({ method: true, transactionId: true, system: true, comment: true })
  .partial({ method: true })
  .strict();
export type ConfirmPaymentBody = z.infer<typeof confirmPaymentBody>;

export type OrderItem = { name: string; quantity: number; unitPrice: number; sku: string | null; lineTotal: number };

export type Payment = {
  id: string;
  at: string;
  kind: 'payment' | 'advance' | 'refund';
  method: PaymentMethod;
  system: string | null;
  transactionId: string | null;
  attempts: number;
  amount: number;
  comment: string | null;
  by: Actor;
};

/**
 * The e-mail and phone a website order came with that its (existing) client did not have: kept on
 * the order, not the client, until staff confirm them on the client page.
 */
export type OrderContact = { email: string | null; phone: string | null };

/** `expectedDate` is a calendar date (YYYY-MM-DD): when the client may expect the parcel. */
export type OrderDelivery = {
  method: string | null;
  address: string | null;
  trackingNumber: string | null;
  expectedDate: string | null;
};

export type Order = {
  id: string;
  number: number;
  status: OrderStatus;
  paymentStatus: PaymentStatus;
  createdAt: string;
  updatedAt: string;
  clientId: string;
  managerId: string | null;
  items: OrderItem[];
  currency: string;
  discount: number;
  total: number;
  paid: number;
  advances: number;
  income: number;
  expenses: number;
  payments: Payment[];
  paymentMethod: PaymentMethod | null;
  tags: string[];
  funnel: string | null;
  stage: string | null;
  delivery: OrderDelivery;
  autoCancelAt: string | null;
  ip: string | null;
  source: string | null;
  channel: string | null;
  paymentCheck: boolean;
  call: CallInfo;
  createdBy: Actor;
  /** Present only when the order brought a contact its client did not have. */
  contact?: OrderContact;
};

export type OrderListItem = Order & { clientName: string; managerName: string | null };

export type TimelineItemType = 'call' | 'status' | 'note' | 'letter' | 'payment' | 'task' | 'attachment' | 'system';
export type TimelineItem = { id: string; type: TimelineItemType; at: string; by: Actor } & Record<string, unknown>;
