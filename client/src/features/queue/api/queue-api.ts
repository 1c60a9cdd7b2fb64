import type { QueueItem } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export type { QueueItem };

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
