import type { AuditEntry, AuditExportQuery, Page } from '@callboard/shared';
import { baseApi } from '../../../app/api';

export type AuditListArgs = AuditExportQuery & { page: number; limit: number };

export const auditApi = baseApi.injectEndpoints({
  endpoints: (build) => ({
    listAudit: build.query<Page<AuditEntry>, AuditListArgs>({
      query: (params) => ({ url: '/audit', params }),
    }),
  }),
});

export const { useListAuditQuery } = auditApi;

/** The same filters as a CSV download (a plain link: the browser streams it to a file). */
export function auditExportUrl(query: AuditExportQuery): string {
  const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined) as [string, string][]);
  const search = params.toString();
  return `/api/audit/export.csv${search ? `?${search}` : ''}`;
}
