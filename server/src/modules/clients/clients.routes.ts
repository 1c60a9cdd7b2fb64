import { Router } from 'express';
import {
  clientListQuery,
  clientNoteBody,
  clientNoteParams,
  idParams,
  pendingContactParams,
  updateClientBody,
  userActor,
} from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { getClient } from './client.service.js';
import { listClients } from './client-list.service.js';
import { updateClient } from './client-edit.service.js';
import { addClientNote, deleteClientNote } from './client-notes.service.js';
import { confirmPendingContact, dismissPendingContact } from './client-pending-contacts.service.js';

export const clientsRoutes = apiRoutes(Router(), '/api/clients', 'Clients');

clientsRoutes.get(
  '',
  {
    summary: 'The clients list: search by name, e-mail or phone digits, by name',
    access: 'staff',
    query: clientListQuery,
  },
  async ({ query }) => ({ body: await listClients(query) }),
);

clientsRoutes.get(
  '/:id',
  { summary: 'A client with notes', access: 'staff', params: idParams, responses: { 200: 'OK', 404: 'Not found' } },
  async ({ params }) => ({ body: { client: await getClient(params.id) } }),
);

clientsRoutes.patch(
  '/:id',
  {
    summary: 'Change a client (auto-payments only for admins or the autopay right)',
    access: 'staff',
    params: idParams,
    body: updateClientBody,
    responses: { 200: 'OK', 404: 'Not found' },
  },
  async ({ params, body, user }) => ({ body: { client: await updateClient(params.id, body, user) } }),
);

clientsRoutes.post(
  '/:id/notes',
  {
    summary: 'Add a staff-only client note',
    access: 'staff',
    params: idParams,
    body: clientNoteBody,
    responses: { 201: 'Created', 404: 'Not found' },
  },
  async ({ params, body, user }) => ({
    status: 201,
    body: { note: await addClientNote(params.id, body.text, userActor(user)) },
  }),
);

clientsRoutes.delete(
  '/:id/notes/:noteId',
  {
    summary: 'Delete a client note (kept as deleted, for the audit log)',
    access: 'staff',
    params: clientNoteParams,
    responses: { 204: 'Deleted', 404: 'Not found' },
  },
  async ({ params, user }) => {
    await deleteClientNote(params.id, params.noteId, userActor(user));
    return { status: 204 };
  },
);

clientsRoutes.post(
  '/:id/pending-contacts/:contactId/confirm',
  {
    summary: "Confirm an e-mail or phone a website order brought: it becomes one of the client's contacts",
    access: 'staff',
    params: pendingContactParams,
    responses: { 200: 'OK', 404: 'Not found' },
  },
  async ({ params, user }) => ({
    body: { client: await confirmPendingContact(params.id, params.contactId, user) },
  }),
);

clientsRoutes.delete(
  '/:id/pending-contacts/:contactId',
  {
    summary: 'Dismiss an e-mail or phone a website order brought (the order keeps it)',
    access: 'staff',
    params: pendingContactParams,
    responses: { 204: 'Dismissed', 404: 'Not found' },
  },
  async ({ params, user }) => {
    await dismissPendingContact(params.id, params.contactId, user);
    return { status: 204 };
  },
);
