import { z } from 'zod';
import { objectId } from '../common/common.schema.js';
import type { Right } from '../users/users.schema.js';
import { orderStatuses, type OrderStatus } from './order-status.js';
import { orderListQuery, updateOrderBody } from './order.schema.js';

/** The most orders one bulk action may touch: a day's work for a call centre, a few minutes of background writes. */
export const maxBulkSelection = 20_000;

const tag = updateOrderBody.shape.tags.unwrap().element;
const tagList = z.array(tag).min(1).max(30);

export const bulkSelection = z.union([
  z.object({ ids: z.array(objectId).min(1).max(maxBulkSelection) }).strict(),
  // The orders list's own query (page and limit are ignored): "all N matching the filter".
  z.object({ query: orderListQuery }).strict(),
]);
export type BulkSelection = z.input<typeof bulkSelection>;

export const bulkAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: z.enum(orderStatuses), notifyClient: z.boolean().optional() }).strict(),
  z.object({ type: z.literal('assign'), managerId: objectId.nullable() }).strict(),
  z
    .object({ type: z.literal('tag'), add: tagList.optional(), remove: tagList.optional() })
    .strict()
    .refine((a) => a.add || a.remove, 'add or remove at least one tag'),
]);
export type BulkAction = z.infer<typeof bulkAction>;

/** What a bulk action needs, as the same change on one order would (admins hold every right). */
export function bulkActionRight(type: BulkAction['type']): Right {
  return type === 'status' ? 'orders.status' : 'orders.edit';
}

export const bulkBody = z.object({ selection: bulkSelection, action: bulkAction }).strict();
export type BulkBody = z.input<typeof bulkBody>;

export const bulkJobParams = z.object({ jobId: objectId }).strict();

/** Why an order was left as it was. */
export const bulkSkipReasons = [
  'transition_not_allowed',
  'unchanged',
  'too_many_tags',
  'changed_meanwhile',
  'not_found',
  'failed',
] as const;
export type BulkSkipReason = (typeof bulkSkipReasons)[number];

export type BulkSkipped = {
  orderId: string;
  number: number | null;
  reason: BulkSkipReason;
  /** The order's status when it was skipped, for a transition that was not allowed. */
  status?: OrderStatus;
};

export type BulkJobState = 'running' | 'done' | 'failed';
/** Why a job failed: cut off by a restart, or stopped by an error (the database away). */
export type BulkJobError = 'interrupted' | 'error';

/**
 * A bulk action's progress. Every order done is either changed or skipped; `skipped` lists the
 * first reasons (at most `maxBulkSkippedListed`), `done - changed` counts them all.
 */
export type BulkJob = {
  id: string;
  action: BulkAction;
  total: number;
  done: number;
  changed: number;
  skipped: BulkSkipped[];
  state: BulkJobState;
  error: BulkJobError | null;
  createdAt: string;
  finishedAt: string | null;
};

export const maxBulkSkippedListed = 500;
