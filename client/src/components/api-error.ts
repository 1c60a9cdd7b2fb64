import type { ApiErrorBody } from '@callboard/shared';

export type ApiErrorInfo = { code: string; message: string; details: { path?: string; message: string }[] };

function isErrorBody(data: unknown): data is ApiErrorBody {
  return (
    typeof data === 'object' &&
    data !== null &&
    'error' in data &&
    typeof (data as ApiErrorBody).error?.code === 'string'
  );
}

/** Reads API.md's error body out of whatever RTK Query or an upload rejected with. */
export function apiErrorOf(error: unknown): ApiErrorInfo | null {
  if (!error) return null;
  if (typeof error === 'object' && error !== null) {
    const e = error as { status?: unknown; data?: unknown; body?: unknown; error?: string };
    const body = e.data ?? e.body;
    if (isErrorBody(body))
      return { code: body.error.code, message: body.error.message, details: body.error.details ?? [] };
    if (e.status === 'FETCH_ERROR' || e.status === 'network')
      return { code: 'network', message: e.error ?? '', details: [] };
    if (e.status === 'PARSING_ERROR' || typeof e.status === 'number') {
      return {
        code: 'unknown',
        message: `HTTP ${String((e as { originalStatus?: number }).originalStatus ?? e.status)}`,
        details: [],
      };
    }
  }
  return { code: 'unknown', message: String(error), details: [] };
}
