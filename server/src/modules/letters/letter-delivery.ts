import type { Types } from 'mongoose';
import nodemailer from 'nodemailer';
import type { LetterStatus } from '@callboard/shared';
import { bootId } from '../../lib/boot-id.js';
import { isDuplicateKeyError } from '../../db/duplicate-key.js';
import { LetterDeliveryModel, LetterModel, type LetterDeliveryDoc, type LetterDoc } from './letter.model.js';
import { announce } from './letter-outbox.js';

export type MailConfig = { smtpUrl: string | undefined; mailFrom: string };

const maxDeliveryAttempts = 5;
/**
 * A delivery claim of this boot older than this was abandoned (its run failed mid-send). Claims of
 * an earlier boot are stale at once: only one process runs the delivery sweep at a time (Agenda's
 * job lock), so another boot's claim is one whose sweep stopped.
 */
export const staleClaimMs = 15 * 60_000;
const sweepBatch = 50;

/** Minutes before retry n+1: 1, 4, 16, 64. */
export function retryDelayMs(attempt: number): number {
  return 60_000 * 4 ** (attempt - 1);
}

type SmtpError = Error & { responseCode?: number; response?: string; code?: string };

function describeError(err: SmtpError): string {
  return (err.response ?? err.message ?? String(err)).slice(0, 1000);
}

/** 5xx replies are final; 4xx replies and connection trouble are worth another try. */
function isPermanentFailure(err: SmtpError): boolean {
  if (typeof err.responseCode === 'number') return err.responseCode >= 500;
  return err.code === 'EENVELOPE' || err.code === 'EMESSAGE' || err.code === 'ECONFIG';
}

function messageIdFor(letterId: string, mailFrom: string): string {
  const domain = /@([^>\s]+)/.exec(mailFrom)?.[1] ?? 'callboard.local';
  return `<letter-${letterId}@${domain}>`;
}

type Transport = ReturnType<typeof nodemailer.createTransport>;

async function setLetter(
  id: Types.ObjectId,
  expectedAttempts: number,
  set: Record<string, unknown>,
): Promise<LetterDoc | null> {
  const doc = await LetterModel.findOneAndUpdate(
    { _id: id, attempts: expectedAttempts },
    { $set: set },
    { returnDocument: 'after' },
  ).lean<LetterDoc>();
  if (doc) await announce(doc);
  return doc;
}

const isStale = (claim: LetterDeliveryDoc, now: Date) =>
  claim.bootId !== bootId || claim.claimedAt.getTime() <= now.getTime() - staleClaimMs;

/**
 * Retires an attempt whose sender stopped: sent if the SMTP server's acceptance was recorded,
 * else queued again at once (or failed after the last attempt). The letter, as now stored.
 */
async function retireAttempt(
  letter: LetterDoc,
  attempt: number,
  claim: LetterDeliveryDoc,
  now: Date,
): Promise<LetterDoc | null> {
  if (claim.confirmedAt)
    return setLetter(letter._id, letter.attempts ?? 0, {
      status: 'sent',
      attempts: attempt,
      sentAt: claim.confirmedAt,
      messageId: claim.messageId,
      nextAttemptAt: null,
      lastError: null,
    });
  const final = attempt >= maxDeliveryAttempts;
  return setLetter(letter._id, letter.attempts ?? 0, {
    attempts: attempt,
    status: final ? 'failed' : 'queued',
    nextAttemptAt: final ? null : now,
    lastError: 'The delivery attempt was interrupted (the server stopped while sending)',
  });
}

async function deliverOne(
  letter: LetterDoc,
  transport: Transport,
  mail: MailConfig,
  now: Date,
): Promise<LetterStatus | null> {
  const attempt = (letter.attempts ?? 0) + 1;
  const claimId = `${String(letter._id)}:${attempt}`;
  try {
    await LetterDeliveryModel.create({ _id: claimId, letterId: letter._id, attempt, claimedAt: now, bootId });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const claim = await LetterDeliveryModel.findById(claimId).lean<LetterDeliveryDoc>();
    // Another sweep of this boot holds this attempt; only one a stopped sweep left is retired.
    if (!claim || !isStale(claim, now)) return null;
    const retired = await retireAttempt(letter, attempt, claim, now);
    // Interrupted and not confirmed: the next attempt goes now, not a sweep later.
    if (retired?.status === 'queued') return deliverOne(retired, transport, mail, now);
    return (retired?.status as LetterStatus | undefined) ?? null;
  }

  const claimed = await setLetter(letter._id, letter.attempts ?? 0, {
    status: 'sending',
    claimBoot: bootId,
    nextAttemptAt: new Date(now.getTime() + staleClaimMs),
  });
  if (!claimed) return null;
  try {
    const info = await transport.sendMail({
      from: mail.mailFrom,
      to: letter.to,
      ...(letter.cc?.length ? { cc: letter.cc } : {}),
      subject: letter.subject,
      html: letter.html,
      text: letter.text,
      // The same id on every attempt: mail systems can drop a copy resent after an interrupted one.
      messageId: messageIdFor(String(letter._id), mail.mailFrom),
      headers: { 'X-Callboard-Letter': String(letter._id) },
    });
    // Recorded before anything else: a stop after this point must not send the letter again.
    await LetterDeliveryModel.updateOne(
      { _id: claimId },
      { $set: { confirmedAt: now, messageId: info.messageId ?? null } },
    );
    await setLetter(letter._id, letter.attempts ?? 0, {
      status: 'sent',
      attempts: attempt,
      sentAt: now,
      messageId: info.messageId ?? null,
      nextAttemptAt: null,
      lastError: null,
    });
    return 'sent';
  } catch (e) {
    const err = e as SmtpError;
    const final = isPermanentFailure(err) || attempt >= maxDeliveryAttempts;
    await setLetter(letter._id, letter.attempts ?? 0, {
      status: final ? 'failed' : 'queued',
      attempts: attempt,
      nextAttemptAt: final ? null : new Date(now.getTime() + retryDelayMs(attempt)),
      lastError: describeError(err),
    });
    return final ? 'failed' : 'queued';
  }
}

export type DeliveryReport = { sent: number; retrying: number; failed: number; skipped: number };

/**
 * One sweep of the outbox: every letter due by `now` gets one delivery attempt, and every letter
 * an earlier boot left `sending` is finished (sent again unless its acceptance was recorded).
 * Without SMTP_URL nothing is attempted and letters stay queued. Safe to run concurrently and
 * repeatedly within a boot.
 */
export async function deliverDueLetters(now: Date, mail: MailConfig): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
  if (!mail.smtpUrl) return report;
  const due = await LetterModel.find({
    $or: [
      { status: { $in: ['queued', 'sending'] }, nextAttemptAt: { $lte: now } },
      { status: 'sending', claimBoot: { $ne: bootId } },
    ],
  })
    .sort({ nextAttemptAt: 1 })
    .limit(sweepBatch)
    .lean<LetterDoc[]>();
  if (due.length === 0) return report;
  const transport = nodemailer.createTransport({
    url: mail.smtpUrl,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  try {
    for (const letter of due) {
      const outcome = await deliverOne(letter, transport, mail, now);
      if (outcome === 'sent') report.sent += 1;
      else if (outcome === 'failed') report.failed += 1;
      else if (outcome === 'queued') report.retrying += 1;
      else report.skipped += 1;
    }
  } finally {
    transport.close();
  }
  return report;
}
