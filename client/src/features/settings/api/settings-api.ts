import type { Settings } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export const settingsApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getSettings: build.query<Settings, void>({
      query: () => '/settings',
      transformResponse: (res: { settings: Settings }) => res.settings,
      providesTags: ['Settings'],
    }),
  }),
});

export const { useGetSettingsQuery } = settingsApi;
