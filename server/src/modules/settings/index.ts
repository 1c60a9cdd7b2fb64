export { getSettings } from './settings.service.js';
