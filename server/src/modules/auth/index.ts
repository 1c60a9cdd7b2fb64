export { removeExpiredThrottles } from './login-throttle.js';
export { endSessionsOf, removeExpiredSessions, sessionIsLive } from './session-store.js';
