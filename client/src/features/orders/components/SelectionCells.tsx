import type { KeyboardEvent, MouseEvent } from 'react';
import { Checkbox, TableCell } from '@mui/material';
import { useT } from '../../../i18n/i18n';
import type { OrderSelection } from '../hooks/use-order-selection';

// The row opens its order on click and Enter; ticking a box must do neither.
const keepToCell = {
  onClick: (e: MouseEvent) => e.stopPropagation(),
  onKeyDown: (e: KeyboardEvent) => e.stopPropagation(),
};

export function SelectPageCell({ selection }: { selection: OrderSelection }) {
  const t = useT();
  return (
    <TableCell padding="checkbox">
      <Checkbox
        checked={selection.pageSelected}
        indeterminate={selection.pagePartly}
        onChange={selection.togglePage}
        slotProps={{ input: { 'aria-label': t('bulk.selectPage') } }}
        data-testid="select-page"
      />
    </TableCell>
  );
}

export function SelectRowCell({ selection, id, number }: { selection: OrderSelection; id: string; number: number }) {
  const t = useT();
  return (
    <TableCell padding="checkbox" {...keepToCell}>
      <Checkbox
        checked={selection.isSelected(id)}
        onChange={() => selection.toggle(id)}
        slotProps={{ input: { 'aria-label': t('bulk.selectRow', { number }) } }}
        data-testid="select-row"
      />
    </TableCell>
  );
}
