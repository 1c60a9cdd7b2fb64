import type { ApiErrorBody } from '@callboard/shared';

export type UploadedAttachment = { id: string; filename: string; mimeType: string; size: number };

export type UploadHandle = { promise: Promise<UploadedAttachment>; cancel: () => void };

export class UploadError extends Error {
  constructor(
    readonly status: number | 'network' | 'cancelled',
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.error.message ?? String(status));
  }
}

/**
 * XMLHttpRequest rather than fetch: only XHR reports upload progress, which a manager needs for a
 * 20 MB recording on a call-centre connection.
 */
export function uploadRecording(orderId: string, file: File, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadedAttachment>((resolve, reject) => {
    xhr.open('POST', `/api/orders/${orderId}/attachments`);
    xhr.withCredentials = true;
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve((xhr.response as { attachment: UploadedAttachment }).attachment);
      else reject(new UploadError(xhr.status, (xhr.response as ApiErrorBody | null) ?? null));
    };
    xhr.onerror = () => reject(new UploadError('network', null));
    xhr.onabort = () => reject(new UploadError('cancelled', null));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
  return { promise, cancel: () => xhr.abort() };
}
