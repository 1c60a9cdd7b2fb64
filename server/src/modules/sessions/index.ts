export {
  MongooseSessionStore,
  endSessionsOf,
  removeExpiredSessions,
  sessionIdleMs,
  sessionTouchMs,
  sessionIsLive,
  signedInUserIds,
} from './session-store.js';
