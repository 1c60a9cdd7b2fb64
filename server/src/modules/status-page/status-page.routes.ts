import { randomBytes } from 'node:crypto';
import express, { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import {
  callbackForm,
  messageForm,
  paidForm,
  statusPageQuery,
  statusTokenParams,
  type CustomerAction,
  type Locale,
  type PageForm,
} from '@callboard/shared';
import type { Env } from '../../config/env.js';
import { apiRoutes } from '../../http/route.js';
import { httpStatusFor, toAppError } from '../../http/error-handler.js';
import { crossSiteReason } from '../../http/request-guard.js';
import { clock } from '../../lib/clock.js';
import { logger } from '../../lib/logger.js';
import { AppError, forbidden } from '../../lib/errors.js';
import { customerView, type CustomerView } from './customer-view.service.js';
import { bookCallback, leaveMessage, reportPayment } from './customer-actions.service.js';
import { formToken, formTokenProblem } from './status-link.service.js';
import { openStatusLink, throttleAction } from './status-page.throttle.js';
import { renderProblemPage, renderStatusPage, slotLabel } from './status-page.html.js';
import { fill, pageStrings, type PageStrings } from './status-page.strings.js';
import { noStore } from './public-order.routes.js';

/**
 * The customer's own page at /s/<token>: server-rendered HTML with plain forms that post back here
 * and redirect to the page (so a reload does not post again).
 */
const router = Router();

/**
 * No script at all; the one <style> runs by its nonce. The token in the URL is sent to no other site
 * (the payment link), while the page's own forms keep their Origin, which `no-referrer` would make `null`.
 */
const pageHeaders: RequestHandler = (_req, res, next) => {
  const nonce = randomBytes(16).toString('base64');
  res.locals.nonce = nonce;
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
  );
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  next();
};

router.use(pageHeaders, noStore, express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 10 }));

export const statusPageRoutes = apiRoutes(router, '/s', 'Customer page');

const browserLocale = (req: Request): Locale => (/^\s*es\b/i.test(req.get('accept-language') ?? '') ? 'es' : 'en');

function sendHtml(res: Response, status: number, html: string): void {
  res.status(status).type('html').send(html);
}

function sendPage(
  res: Response,
  status: number,
  view: CustomerView,
  token: string,
  banner: { notice?: string; error?: string },
) {
  const html = renderStatusPage({
    view,
    token,
    formToken: formToken(token, clock.now()),
    nonce: res.locals.nonce as string,
    ...banner,
  });
  sendHtml(res, status, html);
}

function doneNotice(view: CustomerView, s: PageStrings, done: CustomerAction, at: string | undefined): string {
  if (done === 'callback') return at ? fill(s.done.callback, { time: slotLabel(view, new Date(at)) }) : s.done.message;
  return s.done[done];
}

statusPageRoutes.get(
  '/:token',
  {
    summary: "The customer's order page (HTML): status, items, how to pay, public notes, and the customer's actions",
    access: 'public',
    params: statusTokenParams,
    query: statusPageQuery,
    responses: { 200: 'text/html', 404: 'Wrong or revoked link', 429: 'Too many requests from this address' },
  },
  async ({ params, query, req, res }) => {
    const orderId = await openStatusLink(req.ip ?? '', params.token);
    const view = await customerView(orderId, { acceptLanguage: req.get('accept-language'), asked: query.lang });
    const s = pageStrings[view.locale];
    sendPage(res, 200, view, params.token, query.done ? { notice: doneNotice(view, s, query.done, query.at) } : {});
    return undefined;
  },
);

type Done = { done: CustomerAction; at?: string };

/**
 * One form post: from this site only, within the address's limits, with the page's own form token;
 * a filled honeypot gets the same answer as a person, and nothing is done. A refused value is
 * answered on the page, in the customer's language.
 */
async function pageAction(
  req: Request,
  res: Response,
  token: string,
  form: PageForm,
  act: (orderId: string) => Promise<Done>,
) {
  const env = req.app.locals.env as Env;
  const crossSite = crossSiteReason(req, new URL(env.publicUrl).origin.toLowerCase());
  if (crossSite) throw forbidden(`Request refused: ${crossSite}`);
  const orderId = await openStatusLink(req.ip ?? '', token);
  await throttleAction(req.ip ?? '');
  const language = { acceptLanguage: req.get('accept-language'), asked: form.lang };
  const stale = formTokenProblem(token, form.form, clock.now());
  let done: Done;
  try {
    if (stale)
      throw new AppError('validation_failed', 'The form token is not valid', [{ message: stale, problem: stale }]);
    done = form.website ? { done: 'message' } : await act(orderId);
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'validation_failed')) throw err;
    const view = await customerView(orderId, language);
    const s = pageStrings[view.locale];
    const problem = err.details?.[0]?.problem as keyof PageStrings['problem'] | undefined;
    sendPage(res, 400, view, token, { error: s.problem[problem ?? 'invalid'] ?? s.problem.invalid });
    return undefined;
  }
  const query = new URLSearchParams({ ...(form.lang ? { lang: form.lang } : {}), ...done });
  res.redirect(303, `/s/${token}?${query.toString()}`);
  return undefined;
}

const formSpec = {
  access: 'public' as const,
  params: statusTokenParams,
  contentType: 'application/x-www-form-urlencoded',
  responses: {
    303: 'Done: back to the page',
    400: 'Refused, said on the page',
    403: 'From another site',
    404: 'Wrong or revoked link',
    429: 'Too many requests',
  },
};

statusPageRoutes.post(
  '/:token/callback',
  { ...formSpec, summary: 'The page\'s "book a call back" form', body: callbackForm },
  ({ params, body, req, res }) =>
    pageAction(req, res, params.token, body, async (orderId) => {
      const at = new Date(body.at);
      if (Number.isNaN(at.getTime())) throw new AppError('validation_failed', 'Choose a time from the list');
      await bookCallback(orderId, at);
      return { done: 'callback', at: at.toISOString() };
    }),
);

statusPageRoutes.post(
  '/:token/message',
  { ...formSpec, summary: 'The page\'s "send us a message" form', body: messageForm },
  ({ params, body, req, res }) =>
    pageAction(req, res, params.token, body, async (orderId) => {
      const text = body.text.trim();
      if (text.length === 0 || text.length > 2000)
        throw new AppError('validation_failed', 'Write a message of up to 2000 characters');
      await leaveMessage(orderId, text);
      return { done: 'message' };
    }),
);

statusPageRoutes.post(
  '/:token/paid',
  { ...formSpec, summary: 'The page\'s "I have paid" button', body: paidForm },
  ({ params, body, req, res }) =>
    pageAction(req, res, params.token, body, async (orderId) => {
      await reportPayment(orderId);
      return { done: 'paid' };
    }),
);

/** Errors on the page's own paths are pages too: a wrong link, too many requests, a failure. */
const pageErrors: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) return next(err);
  const status = httpStatusFor(toAppError(err).code);
  if (status >= 500) logger.error(`${req.method} /s/:token failed`, err);
  const locale = browserLocale(req);
  const s = pageStrings[locale];
  const [title, text] =
    status === 404
      ? [s.notFoundTitle, s.notFound]
      : status === 429
        ? [s.tooManyTitle, s.tooMany]
        : status >= 500
          ? [s.errorTitle, s.error]
          : [s.errorTitle, s.problem.invalid];
  sendHtml(res, status, renderProblemPage(locale, res.locals.nonce as string, title, text));
};
router.use(pageErrors);
