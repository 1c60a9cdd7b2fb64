import { useState, type FormEvent } from 'react';
import {
  Autocomplete,
  Divider,
  FormControlLabel,
  FormHelperText,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { hasRight, type Address, type Client, type UpdateClientBody } from '@callboard/shared';
import { FormDialog } from '../../../components/FormDialog';
import { useT } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';
import { useListStaffNamesQuery } from '../../users';
import { useUpdateClientMutation } from '../api/clients-api';
import {
  emailDrafts,
  emailProblem,
  judgePhones,
  phoneDrafts,
  type EmailDraft,
  type PhoneDraft,
} from '../contact-drafts';
import { EmailsEditor, PhonesEditor } from './ContactsEditor';
import { TimeZoneField } from '../../../components/TimeZoneField';

const addressFields = ['line1', 'line2', 'city', 'postalCode', 'region', 'country'] as const;
const countryPattern = /^[A-Za-z]{2}$/;

/** Everything about a client staff keep up to date, saved in one PATCH (the server checks it again). */
export function ClientEditDialog({ client, onClose }: { client: Client; onClose: () => void }) {
  const t = useT();
  const { data: me } = useGetMeQuery();
  const { data: staff } = useListStaffNamesQuery();
  const [update, { isLoading, error }] = useUpdateClientMutation();
  const [name, setName] = useState(client.name);
  const [phones, setPhones] = useState<PhoneDraft[]>(() => phoneDrafts(client));
  const [emails, setEmails] = useState<EmailDraft[]>(() => emailDrafts(client));
  const [address, setAddress] = useState<Address>(client.address);
  const [timezone, setTimezone] = useState<string | null>(client.timezone);
  const [managerId, setManagerId] = useState(client.managerId ?? '');
  const [tags, setTags] = useState(client.tags);
  const [autoPayments, setAutoPayments] = useState(client.autoPayments);
  const mayAutopay = hasRight(me, 'clients.autopay');

  const country = address.country && countryPattern.test(address.country) ? address.country.toUpperCase() : null;
  const verdicts = judgePhones(phones, country);
  const countryBad = !!address.country && !country;
  const blocked =
    !name.trim() || countryBad || verdicts.some((v) => v.error) || emails.some((e) => emailProblem(e.value) !== null);
  const managers = (staff ?? []).filter((s) => !s.disabled || s.id === client.managerId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (blocked) return;
    const body: UpdateClientBody = {
      name: name.trim(),
      phones: phones.map((p, i) => ({ number: verdicts[i]!.number ?? p.number, invalid: p.invalid })),
      emails: emails.map((x) => x.value.trim()),
      address: Object.fromEntries(
        addressFields.flatMap((f) => (address[f]?.trim() ? [[f, address[f]!.trim()]] : [])),
      ) as Address,
      ...(timezone ? { timezone } : {}),
      managerId: managerId || null,
      tags,
      // Sent only when it changed: the server refuses the field itself to those without the right.
      ...(mayAutopay && autoPayments !== client.autoPayments ? { autoPayments } : {}),
    };
    const result = await update({ id: client.id, body });
    if ('data' in result) onClose();
  }

  return (
    <FormDialog
      titleId="client-edit-title"
      title={t('clientEdit.title', { name: client.name })}
      maxWidth="md"
      onClose={onClose}
      onSubmit={submit}
      noValidate
      error={error}
      submitLabel={t('common.save')}
      submitting={isLoading}
      submitDisabled={blocked}
      submitTestId="client-save"
      spacing={2}
      fieldsTestId="client-editor"
    >
      <TextField
        label={t('clientEdit.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoFocus
        error={!name.trim()}
      />
      <PhonesEditor phones={phones} onChange={setPhones} country={country} />
      <EmailsEditor emails={emails} onChange={setEmails} />
      <Divider />
      <Typography variant="subtitle2" component="h3">
        {t('clientEdit.address')}
      </Typography>
      <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap' }}>
        {addressFields.map((f) => (
          <TextField
            key={f}
            size="small"
            label={t(`clientEdit.${f}`)}
            value={address[f] ?? ''}
            onChange={(e) => setAddress({ ...address, [f]: e.target.value })}
            sx={{ flex: f === 'line1' || f === 'line2' ? '1 1 45%' : '1 1 20%' }}
            {...(f === 'country'
              ? {
                  error: countryBad,
                  helperText: countryBad ? t('clientEdit.countryInvalid') : ' ',
                  slotProps: { htmlInput: { maxLength: 2 } },
                }
              : {})}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={1}>
        <TimeZoneField
          label={t('clientEdit.timezone')}
          value={timezone}
          onChange={setTimezone}
          size="small"
          sx={{ flex: 1 }}
        />
        <TextField
          select
          size="small"
          label={t('clientEdit.manager')}
          value={managerId}
          onChange={(e) => setManagerId(e.target.value)}
          sx={{ flex: 1 }}
        >
          <MenuItem value="">{t('clientEdit.noManager')}</MenuItem>
          {managers.map((m) => (
            <MenuItem key={m.id} value={m.id}>
              {m.name}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Autocomplete
        multiple
        freeSolo
        options={[]}
        value={tags}
        onChange={(_e, v) => setTags([...new Set(v.map((x) => x.trim()).filter(Boolean))])}
        renderInput={(params) => (
          <TextField {...params} size="small" label={t('clientEdit.tags')} helperText={t('clientEdit.tagsHelp')} />
        )}
      />
      <Stack>
        <FormControlLabel
          control={
            <Switch checked={autoPayments} onChange={(e) => setAutoPayments(e.target.checked)} disabled={!mayAutopay} />
          }
          label={t('clientEdit.autoPayments')}
        />
        {!mayAutopay ? <FormHelperText>{t('clientEdit.autoPaymentsLocked')}</FormHelperText> : null}
      </Stack>
    </FormDialog>
  );
}
