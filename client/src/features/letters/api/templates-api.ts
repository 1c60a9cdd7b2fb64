import type {
  LetterPreview,
  PreviewBody,
  Template,
  TemplateBody,
  TemplateListQuery,
  UpdateTemplateBody,
} from '@callboard/shared';
import { baseApi, listTags } from '../../../app/api';

/** Every /templates endpoint: the letters sent from calls and status changes, and their editing in admin. */
export const templatesApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    listTemplates: build.query<Template[], TemplateListQuery>({
      query: (params) => ({ url: '/templates', params }),
      transformResponse: (res: { items: Template[] }) => res.items,
      providesTags: (res) => listTags('Template', res),
    }),
    previewLetter: build.mutation<LetterPreview, PreviewBody>({
      query: (body) => ({ url: '/templates/preview', method: 'POST', body }),
    }),
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
  }),
});

export const {
  useListTemplatesQuery,
  usePreviewLetterMutation,
  useGetTemplateQuery,
  useCreateTemplateMutation,
  useUpdateTemplateMutation,
  useDeleteTemplateMutation,
} = templatesApi;
