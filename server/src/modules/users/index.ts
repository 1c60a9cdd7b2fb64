export { authenticate, findActiveSessionUser, getUser, listUsers, userNames } from './users.service.js';
export { usersRoutes } from './users.routes.js';
