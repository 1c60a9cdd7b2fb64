export {
  MongooseSessionStore,
  endSessionsOf,
  removeExpiredSessions,
  sessionIdleMs,
  sessionIsLive,
  signedInUserIds,
} from './session-store.js';
