import { useState } from 'react';
import { useLocation } from 'wouter';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { Template } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { ListSkeleton } from '../../../components/Skeletons';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useDeleteTemplateMutation, useListTemplatesQuery } from '../../letters';
import { usePurposeLabel } from '../hooks/use-purpose-label';
import { purposeOf } from '../template-purpose';
import { ActionsHeaderCell } from './ActionsHeaderCell';

function DeleteTemplateDialog({ template, onClose }: { template: Template; onClose: () => void }) {
  const t = useT();
  const [deleteTemplate, { error, isLoading }] = useDeleteTemplateMutation();
  async function confirm() {
    const result = await deleteTemplate(template.id);
    if (!('error' in result)) onClose();
  }
  return (
    <Dialog open onClose={onClose} aria-labelledby="delete-template-title">
      <DialogTitle id="delete-template-title">{t('templates.deleteTitle', { name: template.name })}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('templates.deleteText')}</DialogContentText>
        {error ? <ApiErrorAlert error={error} /> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button variant="contained" color="error" onClick={confirm} loading={isLoading}>
          {t('orderDelete.delete')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export function TemplatesPage() {
  const t = useT();
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const purposeLabel = usePurposeLabel();
  const { data, isLoading, error } = useListTemplatesQuery({});
  const [deleting, setDeleting] = useState<Template | null>(null);
  const open = (id: string) => navigate(`/admin/templates/${id}`);

  return (
    <Stack spacing={1.5}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary">
          {t('templates.intro')}
        </Typography>
        <Button variant="contained" onClick={() => navigate('/admin/templates/new')}>
          {t('templates.create')}
        </Button>
      </Stack>
      {isLoading ? (
        <ListSkeleton />
      ) : error ? (
        <ApiErrorAlert error={error} />
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{t('users.name')}</TableCell>
              <TableCell>{t('letter.subject')}</TableCell>
              <TableCell>{t('templates.purpose')}</TableCell>
              <TableCell>{t('templates.locale')}</TableCell>
              <TableCell>{t('templates.updated')}</TableCell>
              <ActionsHeaderCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {(data ?? []).map((tpl) => (
              <TableRow
                key={tpl.id}
                hover
                tabIndex={0}
                sx={{ cursor: 'pointer' }}
                onClick={() => open(tpl.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && e.target === e.currentTarget) open(tpl.id);
                }}
                aria-label={t('templates.open', { name: tpl.name })}
              >
                <TableCell>{tpl.name}</TableCell>
                <TableCell>{tpl.subject}</TableCell>
                <TableCell>{purposeLabel(purposeOf(tpl))}</TableCell>
                <TableCell>{t(`settings.locale.${tpl.locale}` as MessageKey)}</TableCell>
                <TableCell>{fmt.dateTime(tpl.updatedAt)}</TableCell>
                <TableCell align="right">
                  <IconButton
                    size="small"
                    aria-label={t('templates.delete', { name: tpl.name })}
                    onClick={(e) => {
                      e.stopPropagation();
                      setDeleting(tpl);
                    }}
                  >
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {deleting ? <DeleteTemplateDialog template={deleting} onClose={() => setDeleting(null)} /> : null}
    </Stack>
  );
}
