import { Router, type Request } from 'express';
import { loginBody } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { AppError } from '../../http/errors.js';
import { authenticate } from '../users/users.service.js';
import { assertLoginAllowed, clearLoginFailures, recordLoginFailure } from './login-throttle.js';

export const authRoutes = apiRoutes(Router(), '/api/auth', 'Auth');

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

authRoutes.post(
  '/login',
  {
    summary: 'Sign in; sets the session cookie',
    access: 'public',
    body: loginBody,
    responses: { 200: 'Signed in', 401: 'Bad credentials', 429: 'Too many failures' },
  },
  async ({ body, req }) => {
    const ip = req.ip ?? 'unknown';
    await assertLoginAllowed(body.email, ip);
    const user = await authenticate(body.email, body.password);
    if (!user) {
      await recordLoginFailure(body.email, ip);
      throw new AppError('unauthorized', 'The e-mail or password is not right');
    }
    await clearLoginFailures(body.email, ip);
    // A fresh session id on sign-in prevents session fixation.
    await regenerate(req);
    req.session.userId = user.id;
    return { body: { user } };
  },
);

authRoutes.post(
  '/logout',
  { summary: 'Sign out', access: 'public', responses: { 204: 'Signed out' } },
  async ({ req, res }) => {
    await new Promise<void>((resolve) => req.session.destroy(() => resolve()));
    res.clearCookie('cb.sid');
    return { status: 204 };
  },
);

authRoutes.get('/me', { summary: 'The signed-in user', access: 'staff' }, ({ user }) => ({ body: { user } }));
