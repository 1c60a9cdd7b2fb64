import { z } from 'zod';
import { objectId, pageQuery } from '../common/common.schema.js';
import type { Actor } from '../common/actor.js';
import { callOutcomes } from '../orders/call.schema.js';
import { orderStatuses, type OrderStatus } from '../orders/order-status.js';
import { locales, type Locale } from '../users/users.schema.js';
import type { LetterVariable } from './letter-variables.js';

/** Letters that no call outcome or status sends: the payment reminder, the review request, the new order's confirmation. */
export const templateEvents = ['payment_reminder', 'review_request', 'order_confirmation'] as const;
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

export const letterKinds = ['call', 'status', 'reminder', 'review', 'manual', 'confirmation'] as const;
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
