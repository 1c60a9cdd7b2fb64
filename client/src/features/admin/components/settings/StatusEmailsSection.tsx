import {
  Checkbox,
  FormControlLabel,
  FormGroup,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { orderStatuses, type OrderStatus, type Template } from '@callboard/shared';
import { useT, type MessageKey } from '../../../../i18n/i18n';
import { Section } from './Section';
import type { SectionProps } from './settings-draft';

/** Which status changes e-mail the client, with which template, and where the admin copies go. */
export function StatusEmailsSection({ draft, set, field, templates }: SectionProps & { templates: Template[] }) {
  const t = useT();
  const setStatusEmail = (
    status: OrderStatus,
    patch: Partial<{ notifyClient: boolean; templateId: string | null }>,
  ) => {
    const current = draft.statusEmails[status] ?? { notifyClient: false, templateId: null };
    set({ statusEmails: { ...draft.statusEmails, [status]: { ...current, ...patch } } });
  };
  return (
    <Section title={t('settings.section.statusEmails')}>
      <Typography variant="body2" color="text.secondary">
        {t('settings.statusEmails.effect')}
      </Typography>
      <Table size="small" aria-label={t('settings.section.statusEmails')}>
        <TableHead>
          <TableRow>
            <TableCell>{t('order.status')}</TableCell>
            <TableCell>{t('settings.statusEmails.notify')}</TableCell>
            <TableCell>{t('settings.statusEmails.template')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {orderStatuses.map((status) => {
            const setting = draft.statusEmails[status];
            const label = t(`status.${status}` as MessageKey);
            return (
              <TableRow key={status}>
                <TableCell>{label}</TableCell>
                <TableCell>
                  <Checkbox
                    checked={setting?.notifyClient ?? false}
                    onChange={(e) => setStatusEmail(status, { notifyClient: e.target.checked })}
                    slotProps={{ input: { 'aria-label': t('settings.statusEmails.notifyFor', { status: label }) } }}
                  />
                </TableCell>
                <TableCell>
                  <TextField
                    select
                    size="small"
                    value={setting?.templateId ?? ''}
                    onChange={(e) => setStatusEmail(status, { templateId: e.target.value || null })}
                    sx={{ minWidth: 280 }}
                    slotProps={{
                      select: { displayEmpty: true },
                      htmlInput: { 'aria-label': t('settings.statusEmails.templateFor', { status: label }) },
                    }}
                  >
                    <MenuItem value="">{t('settings.statusEmails.defaultTemplate')}</MenuItem>
                    {templates.map((tpl) => (
                      <MenuItem key={tpl.id} value={tpl.id}>
                        {tpl.name} ({tpl.locale.toUpperCase()})
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <FormGroup aria-labelledby="order-confirmation-heading">
        <Typography variant="subtitle2" component="h3" id="order-confirmation-heading" sx={{ mt: 1 }}>
          {t('settings.orderConfirmation')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('settings.orderConfirmation.effect')}
        </Typography>
        <FormControlLabel
          control={
            <Checkbox
              checked={draft.orderConfirmation.notifyClient}
              onChange={(e) =>
                set({ orderConfirmation: { ...draft.orderConfirmation, notifyClient: e.target.checked } })
              }
            />
          }
          label={t('settings.orderConfirmation.client')}
        />
        <FormControlLabel
          control={
            <Checkbox
              checked={draft.orderConfirmation.notifyAdmin}
              onChange={(e) =>
                set({ orderConfirmation: { ...draft.orderConfirmation, notifyAdmin: e.target.checked } })
              }
            />
          }
          label={t('settings.orderConfirmation.admin')}
        />
      </FormGroup>
      <TextField
        type="email"
        label={t('settings.adminEmail')}
        value={draft.adminEmail}
        onChange={(e) => set({ adminEmail: e.target.value })}
        {...field(['adminEmail'], 'settings.adminEmail.effect', 'settings.adminEmail.invalid')}
      />
    </Section>
  );
}
