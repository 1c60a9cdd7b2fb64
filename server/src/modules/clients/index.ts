export { clientsRoutes } from './clients.routes.js';
export type { ClientDoc } from './client.model.js';
export {
  clientNames,
  findClientDoc,
  findClientDocs,
  getClient,
  getClientDoc,
  pickingFields,
  toClientDtos,
} from './client.service.js';
export { findClientIdsByText, setClientOrderSummaries, type ClientOrderSummaries } from './client-list.service.js';
export { addPendingContacts, matchOrCreateClient } from './client-matching.service.js';
export { assertAssignableUser, hasCallablePhone, markPhoneInvalid } from './client-edit.service.js';
export { normalisePhone, timeZoneForCountry } from './client-phones.js';
