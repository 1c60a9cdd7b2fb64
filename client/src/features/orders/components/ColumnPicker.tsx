import { useState } from 'react';
import { Checkbox, IconButton, ListItemIcon, ListItemText, Menu, MenuItem } from '@mui/material';
import ViewColumnIcon from '@mui/icons-material/ViewColumn';
import { useT } from '../../../i18n/i18n';
import { orderColumns, type OrderColumn } from '../hooks/use-column-choice';
import { columnLabels } from './column-labels';

export function ColumnPicker({
  columns,
  onToggle,
}: {
  columns: OrderColumn[];
  onToggle: (column: OrderColumn) => void;
}) {
  const t = useT();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <IconButton
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-label={t('orderList.columns')}
        title={t('orderList.columns')}
        aria-haspopup="menu"
      >
        <ViewColumnIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {orderColumns.map((column) => (
          <MenuItem key={column} onClick={() => onToggle(column)} dense>
            <ListItemIcon>
              <Checkbox
                edge="start"
                size="small"
                checked={columns.includes(column)}
                tabIndex={-1}
                slotProps={{ input: { 'aria-labelledby': `column-${column}` } }}
              />
            </ListItemIcon>
            <ListItemText id={`column-${column}`} primary={t(columnLabels[column])} />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
