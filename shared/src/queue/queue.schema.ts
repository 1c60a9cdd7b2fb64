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
