import type { ClaimBody, QueueItem, QueueOutlook } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export type { QueueItem };

export const queueApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    /** The workbench's "Due now" figure: a count, so live updates stay cheap on the server. */
    getQueueCount: build.query<{ due: number; more: boolean }, void>({
      query: () => '/queue/count',
      providesTags: [{ type: 'Queue', id: 'LIST' }],
    }),
    /** Why nothing is offered: asked only while the count is 0, refreshed by the same live events. */
    getQueueOutlook: build.query<QueueOutlook, void>({
      query: () => '/queue/outlook',
      providesTags: [{ type: 'Queue', id: 'LIST' }],
    }),
    /** null when nothing is due (204). */
    claimNext: build.mutation<QueueItem | null, ClaimBody>({
      query: (body) => ({ url: '/queue/claim', method: 'POST', body }),
      transformResponse: (res: { item: QueueItem } | null) => res?.item ?? null,
      // The claim's live event refreshes the due count; no refetch here competes with opening the card.
    }),
  }),
});

export const { useGetQueueCountQuery, useGetQueueOutlookQuery, useClaimNextMutation } = queueApi;
