import type { RequestHandler } from 'express';
import type { Env } from '../config/env.js';

/**
 * The app's scripts are all files of the build (Vite bundles its modulepreload polyfill), so
 * scripts need no inline source. MUI's emotion writes <style> elements and `style` attributes
 * at run time, which only 'unsafe-inline' for styles allows. Recorders and players use blob:
 * URLs; MUI's icons and the editor use data: images.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers for every response, the SPA and the API alike. */
export function securityHeaders(env: Env): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    // Served over HTTPS (the same switch as Secure cookies): browsers must not fall back to HTTP.
    if (env.cookieSecure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    next();
  };
}
