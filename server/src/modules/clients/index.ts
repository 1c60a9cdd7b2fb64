export { ClientModel } from './client.model.js';
export type { ClientDoc } from './client.model.js';
export {
  addPendingContacts,
  assertAssignableUser,
  findClientIdsByText,
  getClient,
  getClientDoc,
  markPhoneInvalid,
  matchOrCreateClient,
  normalisePhone,
  toClientDtos,
} from './client.service.js';
