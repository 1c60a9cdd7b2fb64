import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { Box, Button, LinearProgress, Paper, Stack, TableContainer, TablePagination, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { ApiErrorAlert } from '../../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../../components/Skeletons';
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
  type AuditFilter,
} from '../../audit-filters';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';

/** Every recorded change, newest first, filtered by object, person and days; the view lives in the URL. */
export function AuditPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => auditFilterFromParams(params), [params]);
  const query = useMemo(() => auditFilterToQuery(filter), [filter]);
  const skip = auditRangeInvalid(filter);
  const { data, error, isLoading, isFetching } = useListAuditQuery(
    { ...query, page: filter.page, limit: filter.limit },
    { skip, refetchOnMountOrArgChange: true },
  );
  const { data: users } = useListUsersQuery();

  const change = useCallback(
    (patch: Partial<AuditFilter>) =>
      setParams((current) => auditFilterToParams({ ...auditFilterFromParams(current), page: 1, ...patch })),
    [setParams],
  );

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
      <AuditFilters
        filter={filter}
        onChange={change}
        onReset={() => setParams(auditFilterToParams(defaultAuditFilter))}
        users={users ?? []}
      />
      <Box sx={{ height: 4, mt: 1 }}>
        {isFetching && data ? <LinearProgress aria-label={t('audit.loading')} /> : null}
      </Box>
      {error ? <ApiErrorAlert error={error} /> : null}
      {isLoading ? (
        <ListSkeleton rows={8} />
      ) : data && !skip ? (
        <Paper variant="outlined">
          <TableContainer>
            <AuditTable entries={data.items} busy={isFetching} />
          </TableContainer>
          <TablePagination
            component="div"
            count={data.total}
            page={Math.max(0, filter.page - 1)}
            rowsPerPage={filter.limit}
            rowsPerPageOptions={[...auditPageSizes]}
            onPageChange={(_e, page) =>
              setParams((current) => auditFilterToParams({ ...auditFilterFromParams(current), page: page + 1 }))
            }
            onRowsPerPageChange={(e) => change({ limit: Number(e.target.value) })}
          />
        </Paper>
      ) : null}
    </Box>
  );
}
