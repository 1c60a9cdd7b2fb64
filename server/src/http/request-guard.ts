import type { Request, RequestHandler } from 'express';
import type { Env } from '../config/env.js';
import { forbidden } from '../lib/errors.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Paths below /api whose callers are not the staff's browser and carry no staff cookie: the shop
 * website (authenticated by its API key) and the customer's status page.
 */
const exemptPrefixes = ['/intake/', '/public/'];

/** Multipart is a type a foreign form may send, so it is accepted only where a file is uploaded. */
const multipartPaths = [/^\/orders\/[^/]+\/attachments\/?$/i];

/** Content-Length 0 or absent (and not chunked) means no body, so no type to check. */
function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  return Number(req.headers['content-length'] ?? 0) !== 0;
}

function mediaType(req: Request): string {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Why a request comes from another site by what the browser says (Origin, Sec-Fetch-Site); undefined if it does not. */
export function crossSiteReason(req: Request, publicOrigin: string): string | undefined {
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin' && site !== 'none')
    return `it was sent from another site (Sec-Fetch-Site: ${site.slice(0, 40)})`;
  const origin = req.get('origin')?.toLowerCase();
  if (origin === undefined) return undefined;
  const ownOrigin = `${req.protocol}://${req.get('host') ?? ''}`.toLowerCase();
  if (origin !== ownOrigin && origin !== publicOrigin)
    return `it was sent from another origin (${origin.slice(0, 200)})`;
  return undefined;
}

function bodyTypeReason(req: Request): string | undefined {
  if (!hasBody(req)) return undefined;
  const type = mediaType(req);
  if (type === 'application/json') return undefined;
  if (type === 'multipart/form-data' && multipartPaths.some((p) => p.test(req.path))) return undefined;
  return `its body must be sent as application/json, not ${type.slice(0, 100) || 'an untyped body'}`;
}

/**
 * Refuses state-changing requests a foreign page could make with the staff's cookie: those from
 * another origin (when the browser says so with Origin or Sec-Fetch-Site) and those whose body
 * is of a type a page may send without a CORS preflight (text/plain, form-urlencoded). Clients
 * that send no Origin (scripts) are not browsers acting for a foreign page, so they pass. Mounted
 * at /api before the body and session parsers, so a refused request costs no parsing or lookup.
 */
export function requestGuard(env: Env): RequestHandler {
  const publicOrigin = new URL(env.publicUrl).origin.toLowerCase();
  return (req, _res, next) => {
    if (!unsafeMethods.has(req.method)) return next();
    const path = req.path.toLowerCase();
    if (exemptPrefixes.some((prefix) => path.startsWith(prefix))) return next();
    const reason = crossSiteReason(req, publicOrigin) ?? bodyTypeReason(req);
    next(reason ? forbidden(`Request refused: ${reason}`) : undefined);
  };
}
