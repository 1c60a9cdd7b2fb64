import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Skeleton,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { Order, OrderStatus } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useListTemplatesQuery } from '../../letters';
import { useChangeOrderStatusMutation } from '../../orders';
import { useGetSettingsQuery } from '../../settings';
import { notifiesClientByDefault, statusLetterTemplate } from '../status-letter';
import { StatusLetterPreview } from './StatusLetterPreview';

type Props = { order: Order; to: OrderStatus; hasEmail: boolean; onClose: () => void };

/** Opened once the settings are known, so the "e-mail the customer" default is the settings' own. */
function StatusForm({ order, to, hasEmail, onClose, notifyDefault }: Props & { notifyDefault: boolean }) {
  const t = useT();
  const templates = useListTemplatesQuery({});
  const { data: settings } = useGetSettingsQuery();
  const [changeStatus, { error, isLoading }] = useChangeOrderStatusMutation();
  const [notifyClient, setNotifyClient] = useState(notifyDefault && hasEmail);
  const [notifyAdmin, setNotifyAdmin] = useState(false);
  const [message, setMessage] = useState('');
  const template = templates.data && settings ? statusLetterTemplate(templates.data, settings, to) : null;
  const sends = notifyClient || notifyAdmin;

  async function confirm() {
    const result = await changeStatus({
      id: order.id,
      body: { status: to, notifyClient, notifyAdmin, ...(message.trim() ? { message: message.trim() } : {}) },
    });
    if (!('error' in result)) onClose();
  }

  return (
    <>
      <DialogContent dividers>
        <Stack spacing={1.5}>
          <Typography>
            {t('statusChange.fromTo', {
              number: order.number,
              from: t(`status.${order.status}` as MessageKey),
              to: t(`status.${to}` as MessageKey),
            })}
          </Typography>
          <Stack direction="row" spacing={2}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={notifyClient}
                  onChange={(e) => setNotifyClient(e.target.checked)}
                  disabled={!hasEmail}
                />
              }
              label={hasEmail ? t('statusChange.notifyClient') : t('call.noEmail')}
            />
            <FormControlLabel
              control={<Checkbox checked={notifyAdmin} onChange={(e) => setNotifyAdmin(e.target.checked)} />}
              label={t('statusChange.notifyAdmin')}
            />
          </Stack>
          <TextField
            label={t('statusChange.message')}
            helperText={t('statusChange.messageHelp')}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            multiline
            minRows={2}
            disabled={!sends}
          />
          {sends ? (
            templates.isLoading ? (
              <Skeleton variant="rounded" height={140} />
            ) : template ? (
              <>
                <Typography variant="overline">{t('statusChange.preview')}</Typography>
                <StatusLetterPreview orderId={order.id} status={to} template={template} message={message} />
              </>
            ) : (
              <Alert severity="warning">{t('statusChange.noTemplate')}</Alert>
            )
          ) : null}
          {error ? <ApiErrorAlert error={error} /> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" onClick={confirm} loading={isLoading} data-testid="status-confirm">
          {t('statusChange.confirm', { to: t(`status.${to}` as MessageKey) })}
        </Button>
      </DialogActions>
    </>
  );
}

export function StatusDialog(props: Props) {
  const t = useT();
  const { data: settings } = useGetSettingsQuery();
  return (
    <Dialog open onClose={props.onClose} maxWidth="md" fullWidth aria-labelledby="status-dialog-title">
      <DialogTitle id="status-dialog-title">
        {t('statusChange.title', { to: t(`status.${props.to}` as MessageKey) })}
      </DialogTitle>
      {settings ? (
        <StatusForm {...props} notifyDefault={notifiesClientByDefault(settings, props.to)} />
      ) : (
        <DialogContent>
          <Skeleton variant="rounded" height={120} />
        </DialogContent>
      )}
    </Dialog>
  );
}
