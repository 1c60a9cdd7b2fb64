import { useEffect, useMemo, useState } from 'react';
import { Alert, Skeleton, Stack, Typography } from '@mui/material';
import type { FollowUpKind } from '@callboard/shared';
import { useFocusWhenShown } from '../../../components/use-focus-when-shown';
import { useT } from '../../../i18n/i18n';
import { useGetOrderQuery } from '../../orders';
import { checkItemsDraft, itemsDraftOf, OrderItemsEditor, type ItemsDraft, type ItemsValue } from '../../order-items';

/**
 * The follow-up order's items, edited before the call is saved ("save and create invoice", "cancel and
 * create order"): they start as a copy of this order's, and what the manager agreed on the phone (another
 * item, another quantity, a discount) goes into the new order in the same save. `onChange` gets null while
 * something is wrong.
 */
export function FollowUpItems({
  kind,
  orderId,
  showAllProblems,
  onChange,
}: {
  kind: FollowUpKind;
  orderId: string;
  showAllProblems: boolean;
  onChange: (value: ItemsValue | null) => void;
}) {
  const t = useT();
  const { data } = useGetOrderQuery(orderId);
  const heading = useFocusWhenShown<HTMLHeadingElement>(true);
  const order = data?.order;
  const [draft, setDraft] = useState<ItemsDraft | null>(() => (order ? itemsDraftOf(order) : null));
  useEffect(() => {
    if (!draft && order) setDraft(itemsDraftOf(order));
  }, [draft, order]);
  const currency = order?.currency;
  const check = useMemo(() => (draft && currency ? checkItemsDraft(draft, currency) : null), [draft, currency]);
  useEffect(() => onChange(check?.value ?? null), [check, onChange]);

  return (
    <Stack spacing={1} data-testid="follow-up-items">
      <Typography variant="subtitle1" component="h3" id="follow-up-title" tabIndex={-1} ref={heading}>
        {t('followUp.itemsTitle')}
      </Typography>
      <Alert severity="info" icon={false}>
        {t(kind === 'invoice' ? 'followUp.invoiceHint' : 'followUp.replaceHint')}
      </Alert>
      {draft && check && currency ? (
        <OrderItemsEditor
          draft={draft}
          onChange={setDraft}
          check={check}
          currency={currency}
          showAllProblems={showAllProblems}
          labelledBy="follow-up-title"
        />
      ) : (
        <Skeleton variant="rectangular" height={120} />
      )}
    </Stack>
  );
}
