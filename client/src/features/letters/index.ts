// Letter templates (every /templates endpoint) and letter previews; the TipTap editor is letter-editor,
// loaded only where a letter is written.
export * from './api/templates-api';
export { PreviewSubject } from './components/PreviewSubject';
export { useLetterPreview } from './hooks/use-letter-preview';
