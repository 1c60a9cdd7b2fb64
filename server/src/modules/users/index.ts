export { authenticate, findActiveSessionUser, getUser, userNames } from './users.service.js';
export { usersRoutes } from './users.routes.js';
