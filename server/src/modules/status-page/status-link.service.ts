import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import mongoose from 'mongoose';
import type { Actor, StatusLink } from '@callboard/shared';
import { clock } from '../../lib/clock.js';
import { isDuplicateKeyError } from '../../db/duplicate-key.js';
import { recordAudit } from '../audit/index.js';
import { getOrderDoc } from '../orders/index.js';
import { StatusLinkKeyModel, StatusLinkModel, type StatusLinkDoc, type StatusLinkKeyDoc } from './status-link.model.js';

type LinkConfig = { publicUrl: string; key: Buffer };
let config: LinkConfig | null = null;

/**
 * The address links start with and the secret tokens are derived with; app.ts sets them from the
 * environment before anything serves. The session secret is reused through its own HMAC label,
 * so neither value can be computed from the other.
 */
export function configureStatusLinks(options: { publicUrl: string; secret: string }): void {
  const key = createHmac('sha256', options.secret).update('callboard:status-link').digest();
  config = { publicUrl: options.publicUrl.replace(/\/+$/, ''), key };
}

function linkConfig(): LinkConfig {
  if (!config) throw new Error('configureStatusLinks() was not called before the first status link');
  return config;
}

/** 32 bytes of HMAC over a 32-byte random nonce, as 43 URL-safe characters. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const deriveToken = (orderId: string, nonce: string): string =>
  createHmac('sha256', linkConfig().key).update(`${orderId}:${nonce}`).digest('base64url');

export const statusLinkUrl = (token: string): string => `${linkConfig().publicUrl}/s/${token}`;

/** The link's token rebuilt from its nonce; null when the secret has changed since it was made. */
function tokenOf(doc: StatusLinkDoc): string | null {
  const token = deriveToken(String(doc._id), doc.nonce);
  return hashToken(token) === doc.tokenHash ? token : null;
}

function toStatusLink(doc: StatusLinkDoc): StatusLink | null {
  const token = tokenOf(doc);
  return token ? { url: statusLinkUrl(token), token, createdAt: doc.createdAt.toISOString() } : null;
}

function newLink(orderId: string) {
  const nonce = randomBytes(32).toString('hex');
  const token = deriveToken(orderId, nonce);
  return { nonce, token, tokenHash: hashToken(token) };
}

/** The order's link as staff see it; null when it has none (or one made under another secret). */
export async function getStatusLink(orderId: string): Promise<StatusLink | null> {
  await getOrderDoc(orderId);
  const doc = await StatusLinkModel.findById(orderId).lean<StatusLinkDoc>();
  return doc ? toStatusLink(doc) : null;
}

/**
 * A new link for the order, replacing any old one (whose address answers 404 from then on). The
 * key is written first and the old key removed last: an interrupted replace leaves at most a key
 * that matches no link.
 */
export async function createStatusLink(orderId: string, actor: Actor): Promise<StatusLink> {
  const order = await getOrderDoc(orderId);
  const link = newLink(String(order._id));
  await StatusLinkKeyModel.create({ _id: link.tokenHash, orderId: order._id });
  const createdAt = clock.now();
  const before = await StatusLinkModel.findOneAndUpdate(
    { _id: order._id },
    { $set: { tokenHash: link.tokenHash, nonce: link.nonce, createdAt, createdBy: actor } },
    { upsert: true, returnDocument: 'before' },
  ).lean<StatusLinkDoc>();
  if (before) await StatusLinkKeyModel.deleteOne({ _id: before.tokenHash });
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: orderId,
    action: before ? 'status_link_replaced' : 'status_link_created',
    changes: { statusLink: { from: before ? before.createdAt.toISOString() : null, to: createdAt.toISOString() } },
  });
  return { url: statusLinkUrl(link.token), token: link.token, createdAt: createdAt.toISOString() };
}

/** Ends the order's link; its address answers 404 from then on. Revoking no link is not an error. */
export async function revokeStatusLink(orderId: string, actor: Actor): Promise<void> {
  const order = await getOrderDoc(orderId);
  const removed = await StatusLinkModel.findOneAndDelete({ _id: order._id }).lean<StatusLinkDoc>();
  if (!removed) return;
  await StatusLinkKeyModel.deleteOne({ _id: removed.tokenHash });
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: orderId,
    action: 'status_link_revoked',
    changes: { statusLink: { from: removed.createdAt.toISOString(), to: null } },
  });
}

/**
 * The order's link, made now if it has none (a letter's `<$status_link>`). Two letters at once
 * make one link between them: only one insert of the order's link document succeeds.
 */
export async function ensureStatusLink(orderId: string, actor: Actor): Promise<StatusLink> {
  const existing = await StatusLinkModel.findById(orderId).lean<StatusLinkDoc>();
  const shown = existing ? toStatusLink(existing) : null;
  if (shown) return shown;
  // A link made under an earlier secret cannot be shown again, so it is replaced.
  if (existing) return createStatusLink(orderId, actor);
  const link = newLink(orderId);
  const _id = new mongoose.Types.ObjectId(orderId);
  const createdAt = clock.now();
  await StatusLinkKeyModel.create({ _id: link.tokenHash, orderId: _id });
  try {
    await StatusLinkModel.create({ _id, tokenHash: link.tokenHash, nonce: link.nonce, createdAt, createdBy: actor });
  } catch (err) {
    await StatusLinkKeyModel.deleteOne({ _id: link.tokenHash });
    if (!isDuplicateKeyError(err)) throw err;
    return ensureStatusLink(orderId, actor);
  }
  await recordAudit({
    by: actor,
    objectType: 'order',
    objectId: orderId,
    action: 'status_link_created',
    changes: { statusLink: { from: null, to: 'created for a letter' } },
  });
  return { url: statusLinkUrl(link.token), token: link.token, createdAt: createdAt.toISOString() };
}

/**
 * The order a customer's token opens, or null. Looked up by the token's hash (the token itself is
 * stored nowhere), then compared with the order's current link in constant time; a wrong, revoked
 * and replaced token take the same path to the same null.
 */
export async function findOrderIdByToken(token: string): Promise<string | null> {
  const hash = hashToken(token);
  if (!tokenPattern.test(token)) return null;
  const key = await StatusLinkKeyModel.findById(hash).lean<StatusLinkKeyDoc>();
  if (!key) return null;
  const link = await StatusLinkModel.findById(key.orderId, { tokenHash: 1 }).lean<Pick<StatusLinkDoc, 'tokenHash'>>();
  if (!link) return null;
  const same = timingSafeEqual(Buffer.from(link.tokenHash, 'hex'), Buffer.from(hash, 'hex'));
  return same ? String(key.orderId) : null;
}

const formTokenMaxAgeMs = 4 * 60 * 60_000;

const signForm = (linkToken: string, issued: string): string =>
  createHmac('sha256', linkConfig().key)
    .update(`form:${hashToken(linkToken)}:${issued}`)
    .digest('base64url');

/**
 * The token a page's forms carry back: when the page was drawn, signed for this link. A foreign
 * page cannot read it, so it cannot post the customer's forms for them.
 */
export function formToken(linkToken: string, now: Date): string {
  const issued = Math.floor(now.getTime() / 60_000).toString(36);
  return `${issued}.${signForm(linkToken, issued)}`;
}

/** Why a posted form token is refused ('expired': the page was drawn hours ago), or null. */
export function formTokenProblem(linkToken: string, posted: string, now: Date): 'invalid' | 'expired' | null {
  const [issued = '', signature = ''] = posted.split('.');
  const expected = Buffer.from(signForm(linkToken, issued));
  const given = Buffer.from(signature);
  if (!/^[0-9a-z]{1,12}$/.test(issued) || given.length !== expected.length || !timingSafeEqual(given, expected))
    return 'invalid';
  const age = now.getTime() - parseInt(issued, 36) * 60_000;
  return age < 0 || age > formTokenMaxAgeMs ? 'expired' : null;
}
