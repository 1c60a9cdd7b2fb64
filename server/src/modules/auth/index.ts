export { authRoutes } from './auth.routes.js';
export { addressKey, countWithinCap, removeExpiredThrottles } from './login-throttle.js';
