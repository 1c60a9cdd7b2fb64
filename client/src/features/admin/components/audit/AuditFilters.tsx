import { useEffect, useState } from 'react';
import { Button, Divider, MenuItem, Stack, TextField } from '@mui/material';
import { auditObjectTypes, type User } from '@callboard/shared';
import { useT, type MessageKey } from '../../../../i18n/i18n';
import { auditRangeInvalid, type AuditFilter } from '../../audit-filters';

type Props = {
  filter: AuditFilter;
  onChange: (patch: Partial<AuditFilter>) => void;
  onReset: () => void;
  users: Pick<User, 'id' | 'name' | 'disabled'>[];
};

const ANY = 'any';
const systemActors = ['scheduler', 'intake', 'customer'] as const;

/** The object id is typed or pasted: it applies on Enter or on leaving the field, not on every key. */
function ObjectIdField({ value, onCommit }: { value: string; onCommit: (value: string) => void }) {
  const t = useT();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft.trim() !== value) onCommit(draft.trim());
  };
  return (
    <TextField
      size="small"
      label={t('audit.objectId')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
      sx={{ width: 240 }}
      slotProps={{ htmlInput: { maxLength: 64, spellCheck: false, 'data-testid': 'audit-object-id' } }}
    />
  );
}

export function AuditFilters({ filter, onChange, onReset, users }: Props) {
  const t = useT();
  const rangeInvalid = auditRangeInvalid(filter);
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}
      role="search"
      aria-label={t('audit.title')}
    >
      <TextField
        select
        size="small"
        label={t('audit.objectType')}
        value={filter.objectType ?? ANY}
        onChange={(e) =>
          onChange({ objectType: e.target.value === ANY ? null : (e.target.value as AuditFilter['objectType']) })
        }
        sx={{ width: 190 }}
        slotProps={{ htmlInput: { 'data-testid': 'audit-object-type' } }}
      >
        <MenuItem value={ANY}>{t('audit.objectType.any')}</MenuItem>
        {auditObjectTypes.map((type) => (
          <MenuItem key={type} value={type}>
            {t(`audit.objectType.${type}` as MessageKey)}
          </MenuItem>
        ))}
      </TextField>
      <ObjectIdField value={filter.objectId} onCommit={(objectId) => onChange({ objectId })} />
      <TextField
        select
        size="small"
        label={t('audit.person')}
        value={filter.actor || ANY}
        onChange={(e) => onChange({ actor: e.target.value === ANY ? '' : e.target.value })}
        sx={{ width: 220 }}
        slotProps={{ htmlInput: { 'data-testid': 'audit-person' } }}
      >
        <MenuItem value={ANY}>{t('audit.person.any')}</MenuItem>
        {users.map((u) => (
          <MenuItem key={u.id} value={`user:${u.id}`}>
            {u.name}
          </MenuItem>
        ))}
        <Divider />
        {systemActors.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {t(`actor.name.${kind}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="date"
        size="small"
        label={t('audit.from')}
        value={filter.from}
        onChange={(e) => onChange({ from: e.target.value })}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'audit-from' } }}
      />
      <TextField
        type="date"
        size="small"
        label={t('audit.to')}
        value={filter.to}
        onChange={(e) => onChange({ to: e.target.value })}
        error={rangeInvalid}
        helperText={rangeInvalid ? t('audit.range.invalid') : undefined}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'audit-to' } }}
      />
      <Button onClick={onReset} sx={{ mt: 0.25 }}>
        {t('audit.reset')}
      </Button>
    </Stack>
  );
}
