import type { Settings, UpdateSettingsBody } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export const settingsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getSettings: build.query<Settings, void>({
      query: () => '/settings',
      transformResponse: (res: { settings: Settings }) => res.settings,
      providesTags: ['Settings'],
    }),
    /** Calling hours and claims decide what is due, so the queue is asked again. */
    updateSettings: build.mutation<Settings, UpdateSettingsBody>({
      query: (body) => ({ url: '/settings', method: 'PATCH', body }),
      transformResponse: (res: { settings: Settings }) => res.settings,
      invalidatesTags: ['Settings', { type: 'Queue', id: 'LIST' }],
    }),
  }),
});

export const { useGetSettingsQuery, useUpdateSettingsMutation } = settingsApi;
