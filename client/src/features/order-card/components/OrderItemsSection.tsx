import { useMemo, useState } from 'react';
import { Alert, Button, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/EditOutlined';
import { mayEditOrderField, orderFieldLock, type Order } from '@callboard/shared';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useGetMeQuery } from '../../session';
import { useUpdateOrderMutation } from '../../orders';
import { checkItemsDraft, itemsDraftOf, OrderItemsEditor, type ItemsDraft } from '../../order-items';
import { CardEditForm } from './CardEditForm';
import { Section } from './CardSection';

/**
 * The order's items, discount and total. Those allowed (admins, the orders.edit right) edit them in place
 * while the order is unpaid and open; the total shown after saving is the server's.
 */
export function OrderItemsSection({ order, startEditing = false }: { order: Order; startEditing?: boolean }) {
  const t = useT();
  const fmt = useFormat();
  const { data: me } = useGetMeQuery();
  const lock = orderFieldLock(order, 'items');
  const mayEdit = mayEditOrderField(me, 'items') && !lock;
  const [draft, setDraft] = useState<ItemsDraft | null>(() => (startEditing ? itemsDraftOf(order) : null));
  const [tried, setTried] = useState(false);
  const [updateOrder, { error, isLoading, reset }] = useUpdateOrderMutation();
  const check = useMemo(() => (draft ? checkItemsDraft(draft, order.currency) : null), [draft, order.currency]);

  function edit() {
    reset();
    setTried(false);
    setDraft(itemsDraftOf(order));
  }

  async function save() {
    setTried(true);
    if (!check?.value) return;
    const result = await updateOrder({ id: order.id, body: check.value });
    if (!('error' in result)) setDraft(null);
  }

  const action =
    mayEdit && !draft ? (
      <Button size="small" startIcon={<EditIcon />} onClick={edit} data-testid="items-edit">
        {t('orderEdit.editItems')}
      </Button>
    ) : null;

  return (
    <Section title={t('card.items')} action={action} id="order-items-title">
      {draft && check ? (
        <CardEditForm
          onSave={() => void save()}
          onCancel={() => setDraft(null)}
          error={error}
          saving={isLoading}
          saveLabel={t('orderEdit.saveItems')}
          saveTestId="items-save"
        >
          <OrderItemsEditor
            draft={draft}
            onChange={setDraft}
            check={check}
            currency={order.currency}
            showAllProblems={tried}
            labelledBy="order-items-title"
            compact
          />
        </CardEditForm>
      ) : (
        <>
          <Table size="small" padding="none" aria-labelledby="order-items-title">
            <TableBody>
              {order.items.map((item, i) => (
                <TableRow key={i}>
                  <TableCell>
                    {item.name}
                    {item.sku ? (
                      <Typography component="span" variant="caption" color="text.secondary">
                        {' '}
                        · {item.sku}
                      </Typography>
                    ) : null}
                  </TableCell>
                  <TableCell align="right">×{item.quantity}</TableCell>
                  <TableCell align="right">{fmt.money(item.lineTotal, order.currency)}</TableCell>
                </TableRow>
              ))}
              {order.discount ? (
                <TableRow>
                  <TableCell colSpan={2}>{t('orderEdit.discount')}</TableCell>
                  <TableCell align="right">−{fmt.money(order.discount, order.currency)}</TableCell>
                </TableRow>
              ) : null}
              <TableRow>
                <TableCell colSpan={2} sx={{ fontWeight: 700 }}>
                  {t('orderEdit.total')}
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="items-total">
                  {fmt.money(order.total, order.currency)}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          {lock && mayEditOrderField(me, 'items') ? (
            <Alert severity="info" icon={false} sx={{ mt: 1, py: 0 }}>
              {lock === 'paid'
                ? t('orderEdit.lockedPaid')
                : t('orderEdit.lockedStatus', { status: t(`status.${order.status}` as MessageKey) })}
            </Alert>
          ) : null}
        </>
      )}
    </Section>
  );
}
