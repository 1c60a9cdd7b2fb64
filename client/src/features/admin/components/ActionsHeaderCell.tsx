import { Box, TableCell } from '@mui/material';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useT } from '../../../i18n/i18n';

/** The header of a table's row-actions column: no visible label, but a name for screen readers. */
export function ActionsHeaderCell() {
  const t = useT();
  return (
    <TableCell>
      <Box component="span" sx={visuallyHidden}>
        {t('admin.actions')}
      </Box>
    </TableCell>
  );
}
