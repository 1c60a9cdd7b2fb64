import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FormControlLabel,
  IconButton,
  Radio,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useT } from '../../../i18n/i18n';
import { draftKey, emailProblem, judgePhones, type EmailDraft, type PhoneDraft } from '../contact-drafts';

type PhonesProps = { phones: PhoneDraft[]; onChange: (phones: PhoneDraft[]) => void; country: string | null };

/**
 * The client's phones: the first is the primary one (the one called first), each can be marked
 * invalid, and every number is checked and shown as it will be saved while it is typed.
 */
export function PhonesEditor({ phones, onChange, country }: PhonesProps) {
  const t = useT();
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const verdicts = judgePhones(phones, country);
  const set = (key: string, patch: Partial<PhoneDraft>) =>
    onChange(phones.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const makePrimary = (key: string) =>
    onChange([...phones.filter((p) => p.key === key), ...phones.filter((p) => p.key !== key)]);
  const callable = phones.some((p, i) => !p.invalid && !verdicts[i]?.error);

  return (
    <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle2">
        {t('clientEdit.phones')}
      </Typography>
      {phones.map((p, i) => {
        const verdict = verdicts[i]!;
        // An empty new line is not an error until the user leaves it; a typed number is judged at once.
        const show = p.number.trim() !== '' || touched.has(p.key);
        const label = p.number.trim() || t('clientEdit.phone', { n: i + 1 });
        return (
          <Stack key={p.key} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }} data-testid="phone-row">
            <TextField
              size="small"
              label={t('clientEdit.phone', { n: i + 1 })}
              value={p.number}
              onChange={(e) => set(p.key, { number: e.target.value })}
              onBlur={() => setTouched((s) => new Set(s).add(p.key))}
              error={show && verdict.error}
              helperText={show ? t(verdict.key, verdict.vars) : ' '}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { inputMode: 'tel', autoComplete: 'off', 'data-testid': 'phone-input' } }}
            />
            <FormControlLabel
              control={
                <Radio
                  checked={i === 0}
                  onChange={() => makePrimary(p.key)}
                  name="primary-phone"
                  slotProps={{ input: { 'aria-label': t('clientEdit.primaryFor', { phone: label }) } }}
                />
              }
              label={t('clientEdit.primary')}
            />
            <FormControlLabel
              control={
                <Checkbox
                  checked={p.invalid}
                  onChange={(e) => set(p.key, { invalid: e.target.checked })}
                  slotProps={{ input: { 'aria-label': t('clientEdit.invalidFor', { phone: label }) } }}
                />
              }
              label={t('clientEdit.invalid')}
            />
            <IconButton
              aria-label={t('clientEdit.removePhone', { n: i + 1 })}
              onClick={() => onChange(phones.filter((x) => x.key !== p.key))}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        );
      })}
      <Button
        startIcon={<AddIcon />}
        onClick={() => onChange([...phones, { key: draftKey(), number: '', invalid: false, stored: null }])}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('clientEdit.addPhone')}
      </Button>
      {!callable ? (
        <Alert severity="warning" data-testid="no-callable-phone">
          {t('clientEdit.noCallable')}
        </Alert>
      ) : null}
    </Stack>
  );
}

type EmailsProps = { emails: EmailDraft[]; onChange: (emails: EmailDraft[]) => void };

export function EmailsEditor({ emails, onChange }: EmailsProps) {
  const t = useT();
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  return (
    <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle2">
        {t('clientEdit.emails')}
      </Typography>
      {emails.map((e, i) => {
        const problem = touched.has(e.key) ? emailProblem(e.value) : null;
        return (
          <Stack key={e.key} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              type="email"
              label={t('clientEdit.email', { n: i + 1 })}
              value={e.value}
              onChange={(ev) => onChange(emails.map((x) => (x.key === e.key ? { ...x, value: ev.target.value } : x)))}
              onBlur={() => setTouched((s) => new Set(s).add(e.key))}
              error={problem !== null}
              helperText={problem ? t(problem) : ' '}
              sx={{ flex: 1 }}
            />
            <IconButton
              aria-label={t('clientEdit.removeEmail', { n: i + 1 })}
              onClick={() => onChange(emails.filter((x) => x.key !== e.key))}
            >
              <DeleteIcon />
            </IconButton>
          </Stack>
        );
      })}
      <Button
        startIcon={<AddIcon />}
        onClick={() => onChange([...emails, { key: draftKey(), value: '' }])}
        sx={{ alignSelf: 'flex-start' }}
      >
        {t('clientEdit.addEmail')}
      </Button>
    </Stack>
  );
}
