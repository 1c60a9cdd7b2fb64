export { getSettings } from './settings.service.js';
export { settingsRoutes } from './settings.routes.js';
