import { useState } from 'react';
import { Button, IconButton, Popover, Stack, TextField } from '@mui/material';
import EventIcon from '@mui/icons-material/EditCalendar';
import { DateTime } from 'luxon';
import { fromInputValue, toInputValue } from '../../../components/datetime-input';
import type { Order } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT } from '../../../i18n/i18n';
import { useUpdateOrderMutation } from '../../orders';

/** Moves the order's automatic cancellation, or switches it off (PATCH autoCancelAt / null). */
export function AutoCancelEditor({ order }: { order: Order }) {
  const t = useT();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [value, setValue] = useState('');
  const [updateOrder, { error, isLoading, reset }] = useUpdateOrderMutation();

  function openEditor(el: HTMLElement) {
    reset();
    const start = order.autoCancelAt
      ? DateTime.fromISO(order.autoCancelAt)
      : DateTime.now().plus({ days: 7 }).startOf('hour');
    setValue(toInputValue(start));
    setAnchor(el);
  }

  async function save(autoCancelAt: string | null) {
    const result = await updateOrder({ id: order.id, body: { autoCancelAt } });
    if (!('error' in result)) setAnchor(null);
  }

  const picked = fromInputValue(value);
  const past = picked.isValid && picked <= DateTime.now();

  return (
    <>
      <IconButton
        size="small"
        onClick={(e) => openEditor(e.currentTarget)}
        aria-label={t('autoCancel.edit')}
        title={t('autoCancel.edit')}
        data-testid="auto-cancel-edit"
      >
        <EventIcon fontSize="small" />
      </IconButton>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      >
        <Stack spacing={1} sx={{ p: 1.5, width: 300 }}>
          <TextField
            type="datetime-local"
            size="small"
            label={t('autoCancel.label')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            error={past}
            helperText={past ? t('autoCancel.past') : t('autoCancel.help')}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          {error ? <ApiErrorAlert error={error} /> : null}
          <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
            {order.autoCancelAt ? (
              <Button color="warning" onClick={() => save(null)} disabled={isLoading}>
                {t('autoCancel.off')}
              </Button>
            ) : null}
            <Button
              variant="contained"
              onClick={() => save(picked.toUTC().toISO())}
              disabled={!picked.isValid || past}
              loading={isLoading}
            >
              {t('common.save')}
            </Button>
          </Stack>
        </Stack>
      </Popover>
    </>
  );
}
