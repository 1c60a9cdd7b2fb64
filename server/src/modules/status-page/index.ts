export { configureStatusLinks, ensureStatusLink, getStatusLink } from './status-link.service.js';
export { statusLinkVariable } from './status-link-variable.js';
export { statusLinkRoutes } from './status-link.routes.js';
export { publicOrderRoutes } from './public-order.routes.js';
export { statusPageRoutes } from './status-page.routes.js';
