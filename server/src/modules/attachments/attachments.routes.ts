import { mkdir, rm } from 'node:fs/promises';
import { Router, type RequestHandler } from 'express';
import multer from 'multer';
import { idParams, userActor } from '@callboard/shared';
import type { Env } from '../../config/env.js';
import { apiRoutes } from '../../http/route.js';
import { badRequest } from '../../http/errors.js';
import { registerTimelineSource } from '../timeline/timeline.service.js';
import { getSettings } from '../settings/settings.service.js';
import { getOrderDoc } from '../orders/order.service.js';
import { attachmentTimeline, saveUploadedRecording, storedFileName, streamAttachment } from './attachment.service.js';

registerTimelineSource(attachmentTimeline);

/** multer with today's size limit, writing straight into UPLOAD_DIR under a random name. */
const receiveFile: RequestHandler = async (req, res, next) => {
  try {
    const env = req.app.locals.env as Env;
    const settings = await getSettings();
    await mkdir(env.uploadDir, { recursive: true });
    const upload = multer({
      storage: multer.diskStorage({
        destination: env.uploadDir,
        filename: (_req, _file, cb) => cb(null, storedFileName()),
      }),
      limits: { fileSize: settings.uploadMaxBytes, files: 1, fields: 10, parts: 12 },
    }).single('file');
    // Whatever ends the request before the recording is kept (bad params, wrong type, an error),
    // the temp file goes with it: no orphans in UPLOAD_DIR.
    res.on('close', () => {
      if (req.file && !res.locals.uploadKept) void rm(req.file.path, { force: true });
    });
    upload(req, res, next);
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
    const file = req.file;
    if (!file)
      throw badRequest('Send the recording in the multipart field "file"', [
        { path: 'body.file', message: 'is required' },
      ]);
    let attachment;
    try {
      const order = await getOrderDoc(params.id);
      attachment = await saveUploadedRecording({
        order: { id: params.id, clientId: String(order.clientId) },
        file,
        actor: userActor(user),
      });
    } catch (err) {
      await rm(file.path, { force: true });
      throw err;
    }
    res.locals.uploadKept = true;
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
