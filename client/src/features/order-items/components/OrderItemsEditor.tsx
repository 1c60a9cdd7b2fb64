import { useState } from 'react';
import {
  Box,
  Button,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { visuallyHidden } from '../../../components/visually-hidden';
import { useT } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import {
  majorOf,
  newItemDraft,
  type ItemDraft,
  type ItemField,
  type ItemsCheck,
  type ItemsDraft,
  type Problem,
} from '../item-drafts';

export type OrderItemsEditorProps = {
  draft: ItemsDraft;
  onChange: (draft: ItemsDraft) => void;
  check: ItemsCheck;
  currency: string;
  /** After a save was tried: every problem shows, not only those of fields already left. */
  showAllProblems?: boolean;
  /** The heading the table is named by. */
  labelledBy?: string;
  /** A narrow column (the card's side): each item on two lines instead of a table row. */
  compact?: boolean;
};

/**
 * The items of an order as a table to edit in place — name, SKU, quantity, unit price and line
 * total, rows added and removed — with the discount and the total the server will compute shown as
 * a preview while typing. Controlled: the caller keeps the draft and decides what saving means.
 */
export function OrderItemsEditor({
  draft,
  onChange,
  check,
  currency,
  showAllProblems = false,
  labelledBy,
  compact = false,
}: OrderItemsEditorProps) {
  const t = useT();
  const fmt = useFormat();
  const [left, setLeft] = useState<Set<string>>(() => new Set());
  const money = (minor: number | null | undefined) =>
    minor === null || minor === undefined ? '—' : fmt.money(majorOf(minor, currency), currency);
  const problemOf = (id: string): Problem | undefined =>
    showAllProblems || left.has(id) ? check.problems[id] : undefined;
  const text = (p: Problem | undefined) => (p ? t(p.key, p.vars) : undefined);
  const leave = (id: string) => setLeft((s) => (s.has(id) ? s : new Set(s).add(id)));

  const setRow = (key: number, patch: Partial<ItemDraft>) =>
    onChange({ ...draft, items: draft.items.map((row) => (row.key === key ? { ...row, ...patch } : row)) });

  function addRow() {
    onChange({ ...draft, items: [...draft.items, newItemDraft()] });
  }

  function removeRow(key: number) {
    onChange({ ...draft, items: draft.items.filter((row) => row.key !== key) });
  }

  const cell = (row: ItemDraft, index: number, field: ItemField, width?: number | string) => {
    const id = `${row.key}.${field}`;
    const problem = problemOf(id);
    const labels: Record<ItemField, string> = {
      name: t('items.name'),
      sku: t('items.sku'),
      quantity: t('items.quantity'),
      unitPrice: t('items.unitPrice', { currency }),
    };
    return (
      <TextField
        size="small"
        label={compact ? labels[field] : undefined}
        value={row[field]}
        onChange={(e) => setRow(row.key, { [field]: e.target.value })}
        onBlur={() => leave(id)}
        error={!!problem}
        helperText={text(problem)}
        required={field !== 'sku'}
        autoFocus={field === 'name' && row.name === '' && index === draft.items.length - 1 && index > 0}
        slotProps={{
          htmlInput: {
            'aria-label': `${labels[field]}, ${t('items.row', { n: index + 1 })}`,
            inputMode: field === 'quantity' ? 'numeric' : field === 'unitPrice' ? 'decimal' : undefined,
            'data-testid': `item-${field}-${index}`,
          },
        }}
        sx={{ width: width ?? '100%' }}
      />
    );
  };

  const removeButton = (row: ItemDraft, i: number) => (
    <IconButton
      aria-label={t('items.remove', { n: i + 1 })}
      onClick={() => removeRow(row.key)}
      disabled={draft.items.length === 1}
    >
      <DeleteIcon />
    </IconButton>
  );

  const discountProblem = problemOf('discount');
  return (
    <Stack spacing={1} data-testid="items-editor">
      {compact ? (
        <Stack component="ul" aria-labelledby={labelledBy} spacing={1.5} sx={{ p: 0, m: 0, listStyle: 'none', pt: 1 }}>
          {draft.items.map((row, i) => (
            <Box
              component="li"
              key={row.key}
              sx={{ display: 'grid', gridTemplateColumns: '1fr 64px 88px', gap: 1, alignItems: 'start' }}
            >
              <Box sx={{ gridColumn: '1 / 3' }}>{cell(row, i, 'name')}</Box>
              {cell(row, i, 'sku')}
              {cell(row, i, 'quantity')}
              {cell(row, i, 'unitPrice')}
              {/* Last in the tab order, first line on screen. */}
              <Box sx={{ gridRow: 1, gridColumn: 3, justifySelf: 'end' }}>{removeButton(row, i)}</Box>
              <Typography
                variant="body2"
                sx={{ gridColumn: '1 / -1', textAlign: 'right', color: 'text.secondary' }}
                data-testid={`item-line-${i}`}
              >
                {t('items.lineTotal')}: {money(check.lineMinor.get(row.key))}
              </Typography>
            </Box>
          ))}
        </Stack>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-labelledby={labelledBy}>
            <TableHead>
              <TableRow>
                <TableCell>{t('items.name')}</TableCell>
                <TableCell>{t('items.sku')}</TableCell>
                <TableCell>{t('items.quantity')}</TableCell>
                <TableCell>{t('items.unitPrice', { currency })}</TableCell>
                <TableCell align="right">{t('items.lineTotal')}</TableCell>
                <TableCell>
                  <Box component="span" sx={visuallyHidden}>
                    {t('items.actions')}
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {draft.items.map((row, i) => (
                <TableRow key={row.key} sx={{ verticalAlign: 'top' }}>
                  <TableCell sx={{ minWidth: 160 }}>{cell(row, i, 'name')}</TableCell>
                  <TableCell>{cell(row, i, 'sku', 96)}</TableCell>
                  <TableCell>{cell(row, i, 'quantity', 80)}</TableCell>
                  <TableCell>{cell(row, i, 'unitPrice', 110)}</TableCell>
                  <TableCell align="right" sx={{ pt: 2, whiteSpace: 'nowrap' }} data-testid={`item-line-${i}`}>
                    {money(check.lineMinor.get(row.key))}
                  </TableCell>
                  <TableCell>{removeButton(row, i)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {check.problems.items ? (
        <Typography color="error" variant="body2" role="alert">
          {text(check.problems.items)}
        </Typography>
      ) : null}
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Button startIcon={<AddIcon />} onClick={addRow} data-testid="item-add">
          {t('items.add')}
        </Button>
        <Box sx={{ flex: 1 }} />
        <TextField
          size="small"
          label={t('items.discount', { currency })}
          value={draft.discount}
          onChange={(e) => onChange({ ...draft, discount: e.target.value })}
          onBlur={() => leave('discount')}
          error={!!discountProblem}
          helperText={text(discountProblem)}
          slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'item-discount' } }}
          sx={{ width: 160 }}
        />
        <Box sx={{ textAlign: 'right', minWidth: 140 }}>
          <Typography variant="caption" color="text.secondary" component="div">
            {t('items.totalPreview')}
          </Typography>
          <Typography variant="subtitle1" sx={{ fontWeight: 700 }} data-testid="items-total-preview" aria-live="polite">
            {money(check.totalMinor)}
          </Typography>
        </Box>
      </Stack>
    </Stack>
  );
}
