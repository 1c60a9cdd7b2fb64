export { authenticate, findActiveSessionUser, getUser, userNames } from './users.service.js';
