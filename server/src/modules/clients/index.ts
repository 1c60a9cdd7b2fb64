export { clientsRoutes } from './clients.routes.js';
export type { ClientDoc } from './client.model.js';
export {
  clientNames,
  findClientDoc,
  findClientDocs,
  findClientIdsByText,
  getClient,
  getClientDoc,
  toClientDtos,
} from './client.service.js';
export { addPendingContacts, matchOrCreateClient } from './client-matching.service.js';
export { assertAssignableUser, markPhoneInvalid } from './client-edit.service.js';
export { normalisePhone, timeZoneForCountry } from './client-phones.js';
