import type { Client, Order, QueueReason, Task } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export type QueueItem = {
  kind: 'order' | 'task';
  order?: Order;
  task?: Task;
  client: Client | null;
  dueAt: string;
  claimedBy: { id: string; name: string } | null;
  personalFor: string | null;
  /** `why` is structured for translation; `reason` is the same sentence in English. */
  why: QueueReason;
  reason: string;
};

export const queueApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getQueue: build.query<QueueItem[], void>({
      query: () => '/queue?limit=200',
      transformResponse: (res: { items: QueueItem[] }) => res.items,
      providesTags: [{ type: 'Queue', id: 'LIST' }],
    }),
    /** null when nothing is due (204). */
    claimNext: build.mutation<QueueItem | null, void>({
      query: () => ({ url: '/queue/claim', method: 'POST' }),
      transformResponse: (res: { item: QueueItem } | null) => res?.item ?? null,
      // The claim's live event refreshes the due count; no refetch here competes with opening the card.
    }),
  }),
});

export const { useGetQueueQuery, useClaimNextMutation } = queueApi;
