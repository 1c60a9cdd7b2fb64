export { authRoutes } from './auth.routes.js';
export { removeExpiredThrottles } from './login-throttle.js';
