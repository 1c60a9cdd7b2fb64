import { Router, type Request } from 'express';
import { loginBody } from '@callboard/shared';
import { apiRoutes } from '../../http/route.js';
import { AppError } from '../../lib/errors.js';
import { clock } from '../../lib/clock.js';
import { authenticate } from '../users/index.js';
import { throttledLogin } from './login-throttle.js';

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
    responses: {
      200: 'Signed in',
      401: 'Bad credentials',
      429: 'Too many failures for this account or from this address',
      503: 'Too many sign-ins being checked at once',
    },
  },
  async ({ body, req }) => {
    const user = await throttledLogin(body.email, req.ip ?? 'unknown', () => authenticate(body.email, body.password));
    if (!user) throw new AppError('unauthorized', 'The e-mail or password is not right');
    // A fresh session id on sign-in prevents session fixation.
    await regenerate(req);
    req.session.userId = user.id;
    req.session.signedInAt = clock.now().toISOString();
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
