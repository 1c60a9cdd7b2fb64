import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { orderStatuses, type BulkAction, type BulkSelection, type OrderStatus } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useStartBulkActionMutation } from '../api/orders-bulk-api';
import { BulkJobProgress } from './BulkJobProgress';

export type BulkKind = 'status' | 'assign' | 'addTag' | 'removeTag';

type Props = {
  kind: BulkKind;
  selection: BulkSelection;
  /** How many orders the selection holds, for the title. */
  count: number;
  managers: { id: string; name: string }[];
  /** The job being followed, once started (it outlives the dialog). */
  jobId: string | null;
  onStarted: (jobId: string) => void;
  onClose: () => void;
};

const noManager = 'none';

function toAction(kind: BulkKind, form: { status: OrderStatus; notify: boolean; managerId: string; tag: string }) {
  const tag = form.tag.trim();
  const actions: Record<BulkKind, BulkAction> = {
    status: { type: 'status', status: form.status, notifyClient: form.notify },
    assign: { type: 'assign', managerId: form.managerId === noManager ? null : form.managerId },
    addTag: { type: 'tag', add: [tag] },
    removeTag: { type: 'tag', remove: [tag] },
  };
  return actions[kind];
}

/** Asks what to do to the selected orders, starts it, then follows it to its summary. */
export function BulkActionDialog({ kind, selection, count, managers, jobId, onStarted, onClose }: Props) {
  const t = useT();
  const [start, { error, isLoading }] = useStartBulkActionMutation();
  const [form, setForm] = useState({
    status: 'processing' as OrderStatus,
    notify: false,
    managerId: noManager,
    tag: '',
  });
  const needsTag = kind === 'addTag' || kind === 'removeTag';
  const tagTooLong = form.tag.trim().length > 40;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const result = await start({ selection, action: toAction(kind, form) });
    if ('data' in result && result.data) onStarted(result.data.id);
  }

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="bulk-dialog-title">
      <DialogTitle id="bulk-dialog-title">{t(`bulk.title.${kind}` as MessageKey, { count })}</DialogTitle>
      {jobId ? (
        <>
          <DialogContent dividers>
            <BulkJobProgress jobId={jobId} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose} data-testid="bulk-close">
              {t('bulk.close')}
            </Button>
          </DialogActions>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <DialogContent dividers>
            <Stack spacing={2}>
              {kind === 'status' ? (
                <>
                  <TextField
                    select
                    label={t('bulk.newStatus')}
                    value={form.status}
                    onChange={(e) => setForm({ ...form, status: e.target.value as OrderStatus })}
                  >
                    {orderStatuses.map((s) => (
                      <MenuItem key={s} value={s}>
                        {t(`status.${s}` as MessageKey)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={form.notify}
                        onChange={(e) => setForm({ ...form, notify: e.target.checked })}
                      />
                    }
                    label={t('bulk.notifyClients')}
                  />
                  <Typography variant="body2" color="text.secondary">
                    {t('bulk.statusHelp')}
                  </Typography>
                </>
              ) : null}
              {kind === 'assign' ? (
                <TextField
                  select
                  label={t('orderList.manager')}
                  value={form.managerId}
                  onChange={(e) => setForm({ ...form, managerId: e.target.value })}
                >
                  <MenuItem value={noManager}>{t('client.noManager')}</MenuItem>
                  {managers.map((m) => (
                    <MenuItem key={m.id} value={m.id}>
                      {m.name}
                    </MenuItem>
                  ))}
                </TextField>
              ) : null}
              {needsTag ? (
                <TextField
                  label={t('bulk.tag')}
                  value={form.tag}
                  onChange={(e) => setForm({ ...form, tag: e.target.value })}
                  error={tagTooLong}
                  helperText={tagTooLong ? t('bulk.tagTooLong') : ' '}
                  autoFocus
                  slotProps={{ htmlInput: { 'data-testid': 'bulk-tag' } }}
                />
              ) : null}
              {error ? <ApiErrorAlert error={error} /> : null}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="submit"
              variant="contained"
              loading={isLoading}
              disabled={needsTag && (!form.tag.trim() || tagTooLong)}
              data-testid="bulk-apply"
            >
              {t('bulk.apply', { count })}
            </Button>
          </DialogActions>
        </form>
      )}
    </Dialog>
  );
}
