export { findDefaultTemplate, findTemplate } from './template.service.js';
export { renderTemplate } from './template-render.js';
export type { RenderedTemplate, TemplateValues, VariableValue } from './template-render.js';
export { templateRoutes } from './template.routes.js';
