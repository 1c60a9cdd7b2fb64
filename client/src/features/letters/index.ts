// Letter templates (their one API home) and letter previews; the TipTap editor is letter-editor, loaded only where a letter is written.
export {
  useListTemplatesQuery,
  usePreviewLetterMutation,
  useGetTemplateQuery,
  useCreateTemplateMutation,
  useUpdateTemplateMutation,
  useDeleteTemplateMutation,
} from './api/templates-api';
export { PreviewSubject } from './components/PreviewSubject';
export { useLetterPreview } from './hooks/use-letter-preview';
