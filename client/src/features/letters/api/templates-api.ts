import type { LetterPreview, PreviewBody, Template, TemplateListQuery } from '@callboard/shared';
import { baseApi, listTags } from '../../../app/api';

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
  }),
});

export const { useListTemplatesQuery, usePreviewLetterMutation } = templatesApi;
