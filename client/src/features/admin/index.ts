// The admin screens are loaded lazily by their own paths (app/router.tsx); other features use only the
// link into the audit screen.
export { AuditLink } from './components/AuditLink';
