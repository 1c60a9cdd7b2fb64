import { useState, type KeyboardEvent } from 'react';
import { Box, Button, Chip, Stack, TextField } from '@mui/material';
import EditIcon from '@mui/icons-material/EditOutlined';
import { mayEditOrderField, orderFieldLock, type Order } from '@callboard/shared';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useFormat } from '../../../i18n/format';
import { useGetMeQuery } from '../../session';
import { useUpdateOrderMutation } from '../../orders';
import { CardEditForm } from './CardEditForm';
import { Field, Section } from './CardSection';
import { checkDetails, detailsDraftOf, type DetailsDraft, type DetailsField } from './order-details-draft';

const textFields: [DetailsField, MessageKey][] = [
  ['source', 'orderEdit.source'],
  ['channel', 'orderEdit.channel'],
  ['funnel', 'orderEdit.funnel'],
  ['stage', 'orderEdit.stage'],
];

const deliveryFields: [DetailsField, MessageKey][] = [
  ['method', 'orderEdit.deliveryMethod'],
  ['trackingNumber', 'orderEdit.tracking'],
  ['address', 'orderEdit.deliveryAddress'],
];

/**
 * Source and channel, funnel and stage, tags, delivery, income and expenses: read on the card, edited in
 * place by admins and the orders.edit right. An emptied field is removed; a closed order's delivery is kept.
 */
export function OrderDetailsSection({ order }: { order: Order }) {
  const t = useT();
  const fmt = useFormat();
  const { data: me } = useGetMeQuery();
  const mayEdit = mayEditOrderField(me, 'tags');
  const deliveryLock = orderFieldLock(order, 'delivery');
  const [draft, setDraft] = useState<DetailsDraft | null>(null);
  const [tag, setTag] = useState('');
  const [updateOrder, { error, isLoading, reset }] = useUpdateOrderMutation();
  const check = draft ? checkDetails(order, draft) : null;

  function edit() {
    reset();
    setTag('');
    setDraft(detailsDraftOf(order));
  }

  async function save() {
    if (!check?.body) return;
    if (Object.keys(check.body).length === 0) {
      setDraft(null);
      return;
    }
    const result = await updateOrder({ id: order.id, body: check.body });
    if (!('error' in result)) setDraft(null);
  }

  function onTagKey(e: KeyboardEvent) {
    if (e.key !== 'Enter' || !draft) return;
    e.preventDefault();
    const value = tag.trim();
    if (!value || value.length > 40 || draft.tags.includes(value) || draft.tags.length >= 30) return;
    setDraft({ ...draft, tags: [...draft.tags, value] });
    setTag('');
  }

  const input = (
    field: DetailsField,
    label: string,
    extra: { disabled?: boolean; type?: string; wide?: boolean } = {},
  ) => {
    const problem = check?.problems[field];
    return (
      <TextField
        key={field}
        size="small"
        label={label}
        type={extra.type}
        value={draft?.[field] ?? ''}
        onChange={(e) => draft && setDraft({ ...draft, [field]: e.target.value })}
        disabled={extra.disabled}
        error={!!problem}
        helperText={problem ? t(problem.key, problem.vars) : undefined}
        slotProps={{
          inputLabel: { shrink: extra.type === 'date' ? true : undefined },
          htmlInput: { 'data-testid': `detail-${field}` },
        }}
        sx={{ gridColumn: extra.wide ? '1 / -1' : undefined }}
      />
    );
  };

  const deliveryText =
    [
      order.delivery.method,
      order.delivery.address,
      order.delivery.trackingNumber,
      order.delivery.expectedDate ? `${t('orderEdit.expectedDate')} ${fmt.date(order.delivery.expectedDate)}` : null,
    ]
      .filter(Boolean)
      .join(' · ') || null;

  return (
    <Section
      title={t('orderEdit.details')}
      id="order-details-title"
      action={
        mayEdit && !draft ? (
          <Button size="small" startIcon={<EditIcon />} onClick={edit} data-testid="details-edit">
            {t('orderEdit.editDetails')}
          </Button>
        ) : null
      }
    >
      {draft ? (
        <CardEditForm
          labelledBy="order-details-title"
          onSave={() => void save()}
          onCancel={() => setDraft(null)}
          error={error}
          saving={isLoading}
          saveLabel={t('orderEdit.saveDetails')}
          saveDisabled={!check?.body}
          saveTestId="details-save"
        >
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 1, pt: 0.5 }}>
            {textFields.map(([field, label]) => input(field, t(label)))}
            <Box sx={{ gridColumn: '1 / -1' }}>
              <Stack
                direction="row"
                spacing={0.5}
                useFlexGap
                sx={{ flexWrap: 'wrap', mb: 0.5 }}
                aria-label={t('orderEdit.tags')}
                role="list"
              >
                {draft.tags.map((value) => (
                  <Chip
                    key={value}
                    role="listitem"
                    label={value}
                    onDelete={() => setDraft({ ...draft, tags: draft.tags.filter((x) => x !== value) })}
                  />
                ))}
              </Stack>
              <TextField
                size="small"
                fullWidth
                label={t('orderEdit.addTag')}
                helperText={t('orderEdit.addTagHint')}
                value={tag}
                onChange={(e) => setTag(e.target.value)}
                onKeyDown={onTagKey}
                slotProps={{ htmlInput: { maxLength: 40, 'data-testid': 'detail-tag' } }}
              />
            </Box>
            {deliveryFields.map(([field, label]) =>
              input(field, t(label), { disabled: !!deliveryLock, wide: field === 'address' }),
            )}
            {input('expectedDate', t('orderEdit.expectedDate'), { disabled: !!deliveryLock, type: 'date' })}
            {input('income', t('orderEdit.income', { currency: order.currency }))}
            {input('expenses', t('orderEdit.expenses', { currency: order.currency }))}
          </Box>
          {deliveryLock ? (
            <Box sx={{ typography: 'caption', color: 'text.secondary' }}>
              {t('orderEdit.deliveryLocked', { status: t(`status.${order.status}` as MessageKey) })}
            </Box>
          ) : null}
        </CardEditForm>
      ) : (
        <Stack spacing={0.25}>
          <Field label={t('order.source')} value={[order.source, order.channel].filter(Boolean).join(' / ') || null} />
          <Field label={t('order.stage')} value={[order.funnel, order.stage].filter(Boolean).join(' → ') || null} />
          <Field
            label={t('order.tags')}
            value={
              order.tags.length
                ? order.tags.map((value) => <Chip key={value} label={value} size="small" sx={{ mr: 0.5 }} />)
                : null
            }
          />
          <Field label={t('order.delivery')} value={deliveryText} />
        </Stack>
      )}
    </Section>
  );
}
