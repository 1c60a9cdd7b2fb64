import { useCallback, useState } from 'react';
import { Button, Paper, Stack, Typography } from '@mui/material';
import { skipToken } from '@reduxjs/toolkit/query';
import { hasRight, type BulkSelection, type SessionUser } from '@callboard/shared';
import { useT } from '../../../i18n/i18n';
import { ordersBulkApi } from '../api/orders-bulk-api';
import type { OrderSelection } from '../hooks/use-order-selection';
import { BulkActionDialog, type BulkKind } from './BulkActionDialog';
import { BulkJobProgress } from './BulkJobProgress';

// The job being followed outlives a reload of the page (the server keeps its progress).
const jobKey = 'callboard.orders.bulkJob';

function useFollowedJob() {
  const [jobId, setJobId] = useState<string | null>(() => globalThis.sessionStorage?.getItem(jobKey) ?? null);
  const follow = useCallback((id: string | null) => {
    if (id) globalThis.sessionStorage?.setItem(jobKey, id);
    else globalThis.sessionStorage?.removeItem(jobKey);
    setJobId(id);
  }, []);
  return [jobId, follow] as const;
}

type Props = {
  selection: OrderSelection;
  /** How many orders match the filter. */
  total: number;
  me: SessionUser | undefined;
  managers: { id: string; name: string }[];
};

/** The toolbar that appears with a selection, its dialogs, and the progress of the last bulk job. */
export function BulkActions({ selection, total, me, managers }: Props) {
  const t = useT();
  // What the open dialog acts on, fixed when it opens (the list's selection is cleared once it starts).
  const [dialog, setDialog] = useState<{
    kind: BulkKind;
    selection: BulkSelection;
    count: number;
    jobId: string | null;
  } | null>(null);
  const [jobId, follow] = useFollowedJob();
  const { data: followed } = ordersBulkApi.endpoints.getBulkJob.useQueryState(jobId ?? skipToken);
  const count = selection.allMatching ? total : selection.count;
  const kinds: BulkKind[] = [
    ...(hasRight(me, 'orders.status') ? (['status'] as const) : []),
    ...(hasRight(me, 'orders.edit') ? (['assign', 'addTag', 'removeTag'] as const) : []),
  ];
  const open = (kind: BulkKind) => {
    if (selection.selection) setDialog({ kind, selection: selection.selection, count, jobId: null });
  };
  const close = () => {
    // A summary read in the dialog is done with; a job still running goes on showing above the list.
    if (dialog?.jobId && followed?.state !== 'running') follow(null);
    setDialog(null);
  };

  return (
    <>
      {jobId && !dialog?.jobId ? (
        <Paper variant="outlined" sx={{ p: 1.5, mb: 1 }} role="status" aria-label={t('bulk.lastJob')}>
          <BulkJobProgress jobId={jobId} />
          <Button size="small" sx={{ mt: 1 }} onClick={() => follow(null)}>
            {t('bulk.dismiss')}
          </Button>
        </Paper>
      ) : null}
      {selection.selection && kinds.length ? (
        <Paper
          variant="outlined"
          sx={{ px: 1.5, py: 1, mb: 1, bgcolor: 'action.selected' }}
          role="toolbar"
          aria-label={t('bulk.toolbar')}
          data-testid="bulk-toolbar"
        >
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography sx={{ mr: 1 }} data-testid="bulk-count">
              {selection.allMatching ? t('bulk.allSelected', { total }) : t('bulk.selected', { count })}
            </Typography>
            {selection.pageSelected && !selection.allMatching && total > selection.count ? (
              <Button size="small" onClick={selection.selectAllMatching} data-testid="bulk-select-all">
                {t('bulk.selectAllMatching', { total })}
              </Button>
            ) : null}
            {kinds.map((k) => (
              <Button key={k} size="small" variant="outlined" onClick={() => open(k)} data-testid={`bulk-${k}`}>
                {t(`bulk.action.${k}`)}
              </Button>
            ))}
            <Button size="small" onClick={selection.clear}>
              {t('bulk.clear')}
            </Button>
          </Stack>
        </Paper>
      ) : null}
      {dialog ? (
        <BulkActionDialog
          kind={dialog.kind}
          selection={dialog.selection}
          count={dialog.count}
          managers={managers}
          jobId={dialog.jobId}
          onStarted={(id) => {
            follow(id);
            setDialog({ ...dialog, jobId: id });
            selection.clear();
          }}
          onClose={close}
        />
      ) : null}
    </>
  );
}
