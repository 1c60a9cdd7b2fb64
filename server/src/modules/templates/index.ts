export { findDefaultTemplate, findTemplate } from './template.service.js';
