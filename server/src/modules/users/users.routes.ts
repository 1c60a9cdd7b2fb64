import { Router } from 'express';
import { createUserBody, idParams, updateUserBody, userActor } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import * as users from './users.service.js';

export const usersRoutes = apiRoutes(Router(), '/api/users', 'Users');

usersRoutes.get('', { summary: 'List staff users', access: 'admin' }, async () => ({
  body: { items: await users.listUsers() },
}));

usersRoutes.get(
  '/staff',
  {
    summary:
      "Every staff member's id, name, role and whether disabled: who is in charge, and whom to offer (the enabled)",
    access: 'staff',
  },
  async () => ({ body: { items: await users.listStaffNames() } }),
);

usersRoutes.post(
  '',
  {
    summary: 'Create a staff user',
    access: 'admin',
    body: createUserBody,
    responses: { 201: 'Created', 409: 'E-mail taken' },
  },
  async ({ body, user }) => ({ status: 201, body: { user: await users.createUser(body, userActor(user)) } }),
);

usersRoutes.get(
  '/:id',
  { summary: 'Get a staff user', access: 'admin', params: idParams, responses: { 200: 'OK', 404: 'Not found' } },
  async ({ params }) => ({
    body: { user: await users.getUser(params.id) },
  }),
);

usersRoutes.patch(
  '/:id',
  {
    summary:
      'Change a user: name, role, rights, password, disabled (a password, role or disabled change ends their sessions)',
    access: 'admin',
    params: idParams,
    body: updateUserBody,
    responses: { 200: 'OK', 404: 'Not found', 409: 'Cannot disable or demote yourself' },
  },
  async ({ params, body, user, req }) => ({
    body: { user: await users.updateUser(params.id, body, { by: userActor(user), sessionId: req.sessionID }) },
  }),
);
