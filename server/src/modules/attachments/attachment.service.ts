import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Response } from 'express';
import mongoose from 'mongoose';
import { fileTypeFromFile } from 'file-type';
import type { Actor, CallAttachment, TimelineItem } from '@callboard/shared';
import { AppError, badRequest, notFound } from '../../lib/errors.js';
import { logger } from '../../lib/logger.js';
import { AttachmentModel, attachmentMirror, type AttachmentDoc } from './attachment.model.js';
import { toActor } from '../../db/actor.js';

/**
 * Recordings by what their bytes are, not by their name: the file-type extension of the content
 * → the type we store and serve. WebM and MP4 containers cannot be told apart from video by
 * their first bytes; recorders (browsers, phones) produce them for audio, so they are accepted
 * and served as audio.
 */
const audioTypes: Record<string, string> = {
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  webm: 'audio/webm',
  flac: 'audio/flac',
  aac: 'audio/aac',
  amr: 'audio/amr',
};

export type AttachmentInfo = { id: string; filename: string; mimeType: string; size: number };

/** The name an upload is written under while it arrives; kept, it takes its detected type's extension. */
export function incomingFileName(): string {
  return `${randomBytes(16).toString('hex')}.upload`;
}

/** Names this module gives files in UPLOAD_DIR; the orphan sweep touches nothing else there. */
const ownFileName = /^[0-9a-f]{32}\.[a-z0-9]+$/;
const orphanAgeMs = 60 * 60 * 1000;

/** A name safe to show and to put in Content-Disposition: no path, no control or quote characters. */
export function sanitiseFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/'));
  const clean = base
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 150);
  return clean || 'recording';
}

const toInfo = (d: AttachmentDoc): AttachmentInfo => ({
  id: String(d._id),
  filename: d.originalName,
  mimeType: d.mimeType,
  size: d.size,
});

export const toCallAttachment = (d: AttachmentDoc): CallAttachment => ({
  ...toInfo(d),
  url: `/api/attachments/${String(d._id)}`,
});

/**
 * Keeps an uploaded file as a recording of the order, stored under the extension of what its bytes
 * are (an MP3 named x.html is stored as .mp3). From this call on the file is this function's: it
 * ends either with its record or removed — except when the record's write failed yet may still
 * land (a deadline passed, the connection dropped); then the file stays, and the start-up sweep
 * removes it if no record names it.
 */
export async function saveUploadedRecording(input: {
  order: { id: string; clientId: string };
  file: { path: string; originalname: string; size: number };
  actor: Actor;
}): Promise<AttachmentInfo> {
  const { file } = input;
  let stored: { name: string; path: string; mimeType: string };
  try {
    stored = await keepAsDetectedType(file.path);
  } catch (err) {
    await rm(file.path, { force: true });
    throw err;
  }
  const _id = new mongoose.Types.ObjectId();
  try {
    const doc = await AttachmentModel.create({
      _id,
      orderId: input.order.id,
      clientId: input.order.clientId,
      uploadedBy: input.actor,
      storedName: stored.name,
      originalName: sanitiseFileName(file.originalname),
      mimeType: stored.mimeType,
      size: file.size,
    });
    return toInfo(doc.toObject() as AttachmentDoc);
  } catch (err) {
    await AttachmentModel.deleteOne({ _id }).then(
      () => rm(stored.path, { force: true }),
      () => undefined,
    );
    throw err;
  }
}

/** Checks the bytes are audio we accept and renames the file to that type's extension. */
async function keepAsDetectedType(filePath: string): Promise<{ name: string; path: string; mimeType: string }> {
  const detected = await fileTypeFromFile(filePath);
  const mimeType = detected ? audioTypes[detected.ext] : undefined;
  if (!detected || !mimeType) {
    throw new AppError(
      'unsupported_media_type',
      `Only audio recordings can be attached (mp3, wav, ogg/opus, m4a, webm, flac, aac, amr); this file is ${detected ? detected.mime : 'of an unknown type'}`,
    );
  }
  const name = `${path.basename(filePath, path.extname(filePath))}.${detected.ext}`;
  const storedPath = path.join(path.dirname(filePath), name);
  await rename(filePath, storedPath);
  return { name, path: storedPath, mimeType };
}

/**
 * Removes files in UPLOAD_DIR that no attachment names and that are older than an hour: left by a
 * crash between the upload and its record, or by a record write that failed. The hour spares
 * uploads arriving or being saved while the sweep runs.
 */
export async function removeOrphanUploads(uploadDir: string, now: Date): Promise<string[]> {
  const entries = await readdir(uploadDir, { withFileTypes: true }).catch(() => []);
  const candidates: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !ownFileName.test(entry.name)) continue;
    const modified = (await stat(path.join(uploadDir, entry.name)).catch(() => null))?.mtime;
    if (modified && now.getTime() - modified.getTime() > orphanAgeMs) candidates.push(entry.name);
  }
  if (candidates.length === 0) return [];
  const referenced = new Set(
    (await AttachmentModel.find({ storedName: { $in: candidates } }, { storedName: 1 }).lean<AttachmentDoc[]>()).map(
      (d) => d.storedName,
    ),
  );
  const orphans = candidates.filter((name) => !referenced.has(name));
  for (const name of orphans) await rm(path.join(uploadDir, name), { force: true });
  if (orphans.length > 0) logger.info(`Removed ${orphans.length} uploaded files that no attachment names`);
  return orphans;
}

/** Checks a call's attachmentIds: uploads of this client not linked to another call. */
export async function assertAttachable(ids: string[], clientId: string, callId: string | null): Promise<void> {
  if (ids.length === 0) return;
  const docs = await AttachmentModel.find({ _id: { $in: ids } }, { clientId: 1, callId: 1 }).lean<AttachmentDoc[]>();
  const byId = new Map(docs.map((d) => [String(d._id), d]));
  const problems = ids.flatMap((id, i) => {
    const d = byId.get(id);
    if (!d) return [{ path: `body.attachmentIds.${i}`, message: 'no such attachment' }];
    if (String(d.clientId) !== clientId)
      return [{ path: `body.attachmentIds.${i}`, message: 'belongs to another client' }];
    if (d.callId && String(d.callId) !== callId)
      return [{ path: `body.attachmentIds.${i}`, message: 'is already attached to another call' }];
    return [];
  });
  if (problems.length > 0) throw badRequest('Some attachments cannot be attached to this call', problems);
}

export async function linkAttachmentsToCall(ids: string[], callId: string): Promise<void> {
  if (ids.length === 0) return;
  await AttachmentModel.updateMany({ _id: { $in: ids }, callId: null }, { $set: { callId } });
}

export async function callAttachments(ids: string[]): Promise<Map<string, CallAttachment>> {
  if (ids.length === 0) return new Map();
  const docs = await AttachmentModel.find({ _id: { $in: ids } }).lean<AttachmentDoc[]>();
  return new Map(docs.map((d) => [String(d._id), toCallAttachment(d)]));
}

/** The order timeline's "attachment" entries: uploads not (yet) part of a call. */
export async function attachmentTimeline(orderId: string): Promise<TimelineItem[]> {
  if (!mongoose.isValidObjectId(orderId)) return [];
  const docs = await attachmentMirror.find({ orderId, callId: null }, { sort: { createdAt: -1 } });
  return docs.map((d) => ({
    id: `attachment:${String(d._id)}`,
    type: 'attachment' as const,
    at: d.createdAt.toISOString(),
    by: toActor(d.uploadedBy),
    attachment: toCallAttachment(d),
  }));
}

type ByteRange = { start: number; end: number };

/** One `bytes=` range (the form players send); null for none, 'invalid' when unsatisfiable. */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'invalid' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return 'invalid';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'invalid';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'invalid';
  return { start, end };
}

/** Streams a recording to signed-in staff, honouring Range so players can seek. */
export async function streamAttachment(
  id: string,
  uploadDir: string,
  rangeHeader: string | undefined,
  res: Response,
): Promise<void> {
  const doc = mongoose.isValidObjectId(id) ? await AttachmentModel.findById(id).lean<AttachmentDoc>() : null;
  if (!doc) throw notFound('Attachment');
  const file = path.join(uploadDir, path.basename(doc.storedName));
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) throw notFound('Attachment file');
  const range = parseRange(rangeHeader, size);
  if (range === 'invalid') {
    res.setHeader('Content-Range', `bytes */${size}`);
    throw new AppError('range_not_satisfiable', `The requested range is outside the file (${size} bytes)`);
  }
  const ascii = doc.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.setHeader('Accept-Ranges', 'bytes');
  res.setHeader('Content-Type', doc.mimeType);
  res.setHeader(
    'Content-Disposition',
    `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.originalName)}`,
  );
  // Not kept in a shared computer's cache after sign-out; and were it ever opened as a page, it runs nothing.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Security-Policy', 'sandbox');
  const { start, end } = range ?? { start: 0, end: size - 1 };
  if (range) {
    res.status(206);
    res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
  }
  res.setHeader('Content-Length', String(end - start + 1));
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file, { start, end });
    stream.on('error', reject);
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}
