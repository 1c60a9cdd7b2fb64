import type { Settings, Template, TemplateBody, UpdateSettingsBody, UpdateTemplateBody } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export const adminApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    getTemplate: build.query<Template, string>({
      query: (id) => `/templates/${id}`,
      transformResponse: (res: { template: Template }) => res.template,
      providesTags: (_res, _err, id) => [{ type: 'Template', id }],
    }),
    createTemplate: build.mutation<Template, TemplateBody>({
      query: (body) => ({ url: '/templates', method: 'POST', body }),
      transformResponse: (res: { template: Template }) => res.template,
      invalidatesTags: [{ type: 'Template', id: 'LIST' }],
    }),
    updateTemplate: build.mutation<Template, { id: string; body: UpdateTemplateBody }>({
      query: ({ id, body }) => ({ url: `/templates/${id}`, method: 'PATCH', body }),
      transformResponse: (res: { template: Template }) => res.template,
      invalidatesTags: (_res, _err, { id }) => [
        { type: 'Template', id },
        { type: 'Template', id: 'LIST' },
      ],
    }),
    deleteTemplate: build.mutation<void, string>({
      query: (id) => ({ url: `/templates/${id}`, method: 'DELETE' }),
      invalidatesTags: [{ type: 'Template', id: 'LIST' }],
    }),
    /** Calling hours and claims decide what is due, so the queue is asked again. */
    updateSettings: build.mutation<Settings, UpdateSettingsBody>({
      query: (body) => ({ url: '/settings', method: 'PATCH', body }),
      transformResponse: (res: { settings: Settings }) => res.settings,
      invalidatesTags: ['Settings', { type: 'Queue', id: 'LIST' }],
    }),
  }),
});

export const {
  useGetTemplateQuery,
  useCreateTemplateMutation,
  useUpdateTemplateMutation,
  useDeleteTemplateMutation,
  useUpdateSettingsMutation,
} = adminApi;
