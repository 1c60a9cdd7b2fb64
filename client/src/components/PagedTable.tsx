import type { ReactNode } from 'react';
import { Box, LinearProgress, Paper, TableContainer, TablePagination } from '@mui/material';
import { ApiErrorAlert } from './ApiErrorAlert';
import { ListSkeleton } from './Skeletons';

type Props<D> = {
  /** The page that arrived (kept while the next loads); until one has, only the skeleton or the error shows. */
  data: D | undefined;
  isLoading: boolean;
  isFetching: boolean;
  error: unknown;
  /** Names the bar shown while a next page loads over the previous one. */
  loadingLabel: string;
  skeletonRows: number;
  /** 1-based, as the URL has it. */
  page: number;
  limit: number;
  pageSizes: readonly number[];
  onPageChange: (page: number) => void;
  onLimitChange: (limit: number) => void;
  paginationTestId?: string;
  /** Shown above the table once a page has arrived (a toolbar acting on its rows). */
  toolbar?: (data: D) => ReactNode;
  /** The table of the page's rows. */
  children: (data: D) => ReactNode;
};

/**
 * A list screen's paged table: a skeleton until the first page, then the previous page kept in
 * view (with a thin bar) while the next loads, so rows never blank out while the filters change.
 */
export function PagedTable<D extends { total: number }>(props: Props<D>) {
  const { data, isLoading, isFetching, error } = props;
  return (
    <>
      <Box sx={{ height: 4, mt: 1 }}>
        {isFetching && data ? <LinearProgress aria-label={props.loadingLabel} /> : null}
      </Box>
      {error ? <ApiErrorAlert error={error} /> : null}
      {data && props.toolbar ? props.toolbar(data) : null}
      {isLoading ? (
        <ListSkeleton rows={props.skeletonRows} />
      ) : data ? (
        <Paper variant="outlined">
          <TableContainer>{props.children(data)}</TableContainer>
          <TablePagination
            component="div"
            count={data.total}
            page={Math.max(0, props.page - 1)}
            rowsPerPage={props.limit}
            rowsPerPageOptions={[...props.pageSizes]}
            onPageChange={(_e, page) => props.onPageChange(page + 1)}
            onRowsPerPageChange={(e) => props.onLimitChange(Number(e.target.value))}
            data-testid={props.paginationTestId}
          />
        </Paper>
      ) : null}
    </>
  );
}
