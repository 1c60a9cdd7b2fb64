export {
  MongooseSessionStore,
  endSessionsOf,
  removeExpiredSessions,
  sessionIdleMs,
  sessionIsLive,
} from './session-store.js';
