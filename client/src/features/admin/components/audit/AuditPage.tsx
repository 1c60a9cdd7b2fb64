import { useMemo } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { PagedTable } from '../../../../components/PagedTable';
import { useUrlView } from '../../../../components/use-url-view';
import { useT } from '../../../../i18n/i18n';
import { useListUsersQuery } from '../../../users';
import { auditExportUrl, useListAuditQuery } from '../../api/audit-api';
import {
  auditFilterFromParams,
  auditFilterToParams,
  auditFilterToQuery,
  auditPageSizes,
  auditRangeInvalid,
  defaultAuditFilter,
} from '../../audit-filters';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';

/** Every recorded change, newest first, filtered by object, person and days; the view lives in the URL. */
export function AuditPage() {
  const t = useT();
  const { view: filter, change, goToPage, reset } = useUrlView(auditFilterFromParams, auditFilterToParams);
  const query = useMemo(() => auditFilterToQuery(filter), [filter]);
  const skip = auditRangeInvalid(filter);
  const { data, error, isLoading, isFetching } = useListAuditQuery(
    { ...query, page: filter.page, limit: filter.limit },
    { skip, refetchOnMountOrArgChange: true },
  );
  const { data: users } = useListUsersQuery();

  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('audit.title')}
        </Typography>
        {data && !skip ? (
          <Typography variant="body2" color="text.secondary" data-testid="audit-total">
            {t('audit.total', { total: data.total })}
          </Typography>
        ) : null}
        <Button
          component="a"
          href={auditExportUrl(query)}
          download
          startIcon={<DownloadIcon />}
          variant="outlined"
          data-testid="audit-export"
        >
          {t('audit.export')}
        </Button>
      </Stack>
      <AuditFilters filter={filter} onChange={change} onReset={() => reset(defaultAuditFilter)} users={users ?? []} />
      <PagedTable
        data={skip ? undefined : data}
        isLoading={isLoading}
        isFetching={isFetching}
        error={error}
        loadingLabel={t('audit.loading')}
        skeletonRows={8}
        page={filter.page}
        limit={filter.limit}
        pageSizes={auditPageSizes}
        onPageChange={goToPage}
        onLimitChange={(limit) => change({ limit })}
      >
        {(page) => <AuditTable entries={page.items} busy={isFetching} />}
      </PagedTable>
    </Box>
  );
}
