import { z } from 'zod';
import { objectId, pageQuery } from '../common/common.schema.js';
import type { Actor } from '../common/actor.js';
import { callOutcomes } from '../orders/call.schema.js';
import { orderStatuses, type OrderStatus } from '../orders/order-status.js';
import { locales, type Locale } from '../users/users.schema.js';

/**
 * The variables a letter template may use, written `<$name>` (or `{$name}`). The client's editor
 * builds its variable chips from this list; the server substitutes exactly these.
 */
export const letterVariables = [
  'name',
  'order_number',
  'total',
  'currency',
  'payment_link',
  'bank_account',
  'payment_instructions',
  'manager_name',
  'company_name',
  'status',
  'message',
] as const;
export type LetterVariable = (typeof letterVariables)[number];

export const letterVariableLabels: Record<Locale, Record<LetterVariable, string>> = {
  en: {
    name: 'Client name',
    order_number: 'Order number',
    total: 'Total',
    currency: 'Currency',
    payment_link: 'Payment link',
    bank_account: 'Bank account',
    payment_instructions: 'How to pay',
    manager_name: 'Manager name',
    company_name: 'Company name',
    status: 'Order status',
    message: 'Status message',
  },
  es: {
    name: 'Nombre del cliente',
    order_number: 'Número de pedido',
    total: 'Total',
    currency: 'Moneda',
    payment_link: 'Enlace de pago',
    bank_account: 'Cuenta bancaria',
    payment_instructions: 'Cómo pagar',
    manager_name: 'Nombre del gestor',
    company_name: 'Nombre de la empresa',
    status: 'Estado del pedido',
    message: 'Mensaje del estado',
  },
};

/** Status names as letters print them (the `<$status>` variable). */
export const orderStatusLabels: Record<Locale, Record<OrderStatus, string>> = {
  en: {
    pending: 'Pending',
    reserved: 'Reserved',
    paid: 'Paid',
    processing: 'Processing',
    shipped: 'Shipped',
    completed: 'Completed',
    on_hold: 'On hold',
    cancelled: 'Cancelled',
    failed: 'Failed',
    refunded: 'Refunded',
  },
  es: {
    pending: 'Pendiente',
    reserved: 'Reservado',
    paid: 'Pagado',
    processing: 'En preparación',
    shipped: 'Enviado',
    completed: 'Completado',
    on_hold: 'En espera',
    cancelled: 'Cancelado',
    failed: 'Fallido',
    refunded: 'Reembolsado',
  },
};

/** Letters that no call outcome or status sends: the manual payment reminder and the review request. */
export const templateEvents = ['payment_reminder', 'review_request'] as const;
export type TemplateEvent = (typeof templateEvents)[number];

const subject = z.string().trim().min(1).max(300);
const html = z.string().max(200_000);

export const templateBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    subject,
    html,
    outcome: z.enum(callOutcomes).nullable().optional(),
    status: z.enum(orderStatuses).nullable().optional(),
    event: z.enum(templateEvents).nullable().optional(),
    locale: z.enum(locales).default('en'),
  })
  .strict()
  .refine((t) => [t.outcome, t.status, t.event].filter((x) => x != null).length <= 1, {
    message: 'a template is the default for at most one of outcome, status or event',
    path: ['outcome'],
  });
export type TemplateBody = z.infer<typeof templateBody>;

export const updateTemplateBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    subject,
    html,
    outcome: z.enum(callOutcomes).nullable(),
    status: z.enum(orderStatuses).nullable(),
    event: z.enum(templateEvents).nullable(),
    locale: z.enum(locales),
  })
  .partial()
  .strict();
export type UpdateTemplateBody = z.infer<typeof updateTemplateBody>;

export const templateListQuery = z
  .object({
    outcome: z.enum(callOutcomes).optional(),
    status: z.enum(orderStatuses).optional(),
    event: z.enum(templateEvents).optional(),
    locale: z.enum(locales).optional(),
  })
  .strict();
export type TemplateListQuery = z.infer<typeof templateListQuery>;

export type Template = {
  id: string;
  name: string;
  subject: string;
  html: string;
  outcome: (typeof callOutcomes)[number] | null;
  status: OrderStatus | null;
  event: TemplateEvent | null;
  locale: Locale;
  createdAt: string;
  updatedAt: string;
};

/** Context a letter is rendered in: the message typed at a status change, or the status it announces. */
export const letterExtra = z
  .object({ message: z.string().trim().max(5000).optional(), status: z.enum(orderStatuses).optional() })
  .strict();
export type LetterExtra = z.infer<typeof letterExtra>;

export const previewBody = z
  .object({ subject, html, orderId: objectId, extra: letterExtra.optional(), locale: z.enum(locales).optional() })
  .strict();
export type PreviewBody = z.infer<typeof previewBody>;

export type LetterPreview = {
  subject: string;
  html: string;
  text: string;
  /** Known variables the letter uses that have no value for this order. */
  missing: LetterVariable[];
  /** Placeholders that are not variables at all (a typo such as `<$nmae>`). */
  unknown: string[];
};

export const letterKinds = ['call', 'status', 'reminder', 'review', 'manual'] as const;
export type LetterKind = (typeof letterKinds)[number];

export const letterStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type LetterStatus = (typeof letterStatuses)[number];

export const letterListQuery = z.object({ orderId: objectId.optional(), ...pageQuery }).strict();
export type LetterListQuery = z.infer<typeof letterListQuery>;

export type Letter = {
  id: string;
  orderId: string | null;
  kind: LetterKind;
  to: string;
  cc: string[];
  subject: string;
  html: string;
  text: string;
  status: LetterStatus;
  attempts: number;
  error: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  sentAt: string | null;
  by: Actor;
};
