import { z } from 'zod';
import { objectId } from '../common/common.schema.js';
import type { Client } from '../clients/client.schema.js';
import type { QueueReason } from '../calls/call.schema.js';
import type { Order } from '../orders/order.schema.js';
import type { Task } from '../tasks/task.schema.js';

/** One entry of GET /api/queue and POST /api/queue/claim. */
export type QueueItem = {
  kind: 'order' | 'task';
  order?: Order;
  task?: Task;
  client: Client | null;
  dueAt: string;
  claimedBy: { id: string; name: string } | null;
  /** Personal callbacks: who may take it, and until when only they may. */
  personalFor: string | null;
  /** `why` is structured for translation; `reason` is the same sentence in English. */
  why: QueueReason;
  reason: string;
};

/**
 * GET /api/queue/outlook: why nothing is offered to the caller now. Due items outside their clients'
 * calling hours (and when the first of those hours open, in which zone), other managers' callbacks
 * still held for them (until when the first is), and when the next call falls due at all.
 */
export type QueueOutlook = {
  outsideHours: { count: number; more: boolean; opensAt: string | null; zone: string | null };
  heldForOthers: { count: number; until: string | null };
  nextDueAt: string | null;
};

/** DELETE /api/queue/claims/:itemId: the held order's or call task's id. */
export const claimItemParams = z.object({ itemId: objectId }).strict();
