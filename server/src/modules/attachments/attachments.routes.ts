import { mkdir, rm } from 'node:fs/promises';
import { Router, type RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import { idParams, userActor } from '@callboard/shared';
import type { Env } from '../../config/env.js';
import { apiRoutes } from '../../http/route.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { getSettings } from '../settings/index.js';
import { getOrderDoc } from '../orders/index.js';
import { incomingFileName, saveUploadedRecording, streamAttachment } from './attachment.service.js';

/**
 * multer passes on busboy's parse errors and the client's abort as plain Errors (it has removed
 * the partial file by then): the request's fault. File-system errors (a full disk) stay ours.
 */
function uploadError(err: unknown): unknown {
  if (
    err instanceof MulterError ||
    err instanceof AppError ||
    typeof (err as { syscall?: unknown }).syscall === 'string'
  )
    return err;
  return badRequest(`The upload could not be read: ${err instanceof Error ? err.message : String(err)}`);
}

/** multer with today's size limit, writing straight into UPLOAD_DIR under a random name. */
const receiveFile: RequestHandler = async (req, res, next) => {
  try {
    const env = req.app.locals.env as Env;
    const settings = await getSettings();
    await mkdir(env.uploadDir, { recursive: true });
    const upload = multer({
      storage: multer.diskStorage({
        destination: env.uploadDir,
        filename: (_req, _file, cb) => cb(null, incomingFileName()),
      }),
      limits: { fileSize: settings.uploadMaxBytes, files: 1, fields: 10, parts: 12 },
    }).single('file');
    // A request refused after the upload but before the handler takes the file (bad params) takes
    // the file with it. Once the handler has it, only the handler removes it: a client closing the
    // connection while the record is written must not leave a record without its file.
    res.on('close', () => {
      if (req.file && !res.locals.uploadTaken) void rm(req.file.path, { force: true });
    });
    upload(req, res, (err?: unknown) => next(err === undefined ? undefined : uploadError(err)));
  } catch (err) {
    next(err);
  }
};

export const orderAttachmentsRoutes = apiRoutes(Router(), '/api/orders', 'Files');

orderAttachmentsRoutes.post(
  '/:id/attachments',
  {
    summary: 'Upload a call recording (multipart field "file"); audio only, checked by content',
    access: 'staff',
    params: idParams,
    before: [receiveFile],
    contentType: 'multipart/form-data',
    responses: {
      201: 'Stored',
      404: 'Order not found',
      413: 'Larger than the upload limit',
      415: 'Not an allowed audio type',
    },
  },
  async ({ params, user, req, res }) => {
    res.locals.uploadTaken = true;
    const file = req.file;
    if (!file)
      throw badRequest('Send the recording in the multipart field "file"', [
        { path: 'body.file', message: 'is required' },
      ]);
    let order;
    try {
      order = await getOrderDoc(params.id);
    } catch (err) {
      await rm(file.path, { force: true });
      throw err;
    }
    const attachment = await saveUploadedRecording({
      order: { id: params.id, clientId: String(order.clientId) },
      file,
      actor: userActor(user),
    });
    return { status: 201, body: { attachment } };
  },
);

export const attachmentsRoutes = apiRoutes(Router(), '/api/attachments', 'Files');

attachmentsRoutes.get(
  '/:id',
  {
    summary: 'Play a recording: streamed with HTTP Range support (206) for seeking',
    access: 'staff',
    params: idParams,
    responses: { 200: 'The file', 206: 'Part of the file', 404: 'Not found', 416: 'Range not satisfiable' },
  },
  async ({ params, req, res }) => {
    await streamAttachment(params.id, (req.app.locals.env as Env).uploadDir, req.header('range'), res);
    return undefined;
  },
);
