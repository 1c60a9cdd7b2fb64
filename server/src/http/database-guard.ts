import type { RequestHandler } from 'express';
import { errorHandler } from './error-handler.js';
import { databaseAnswering, databaseConnected } from '../db/connection.js';
import { databaseUnavailable } from '../db/unavailable.js';

/** How long a request may wait, once its body is in, for a database that does not answer. */
export const requestDeadlineMs = 10_000;

/**
 * Answers 503 at once while the driver has no server (the embedded FerretDB restarting, a lost
 * MongoDB), and to a request still unanswered at its deadline while the database does not answer
 * the heartbeat (a frozen server). A busy database that answers is waited for: under load, requests
 * queue for the one connection of the embedded mode, and each operation has its own deadline.
 * The health check answers for itself.
 */
export const databaseGuard: RequestHandler = (req, res, next) => {
  if (req.path === '/health') return next();
  if (!databaseConnected()) return next(databaseUnavailable());
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    timer = setTimeout(expire, requestDeadlineMs);
  };
  const expire = () => {
    if (res.headersSent) return;
    // An upload still arriving is bounded by the server's requestTimeout; the deadline starts after it.
    if (!req.complete) return void req.once('end', arm);
    if (databaseAnswering()) return arm();
    errorHandler(databaseUnavailable(), req, res, next);
  };
  arm();
  res.once('close', () => clearTimeout(timer));
  next();
};
