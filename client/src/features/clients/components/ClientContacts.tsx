import { Link, Stack, Tooltip, Typography } from '@mui/material';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import type { Client } from '@callboard/shared';
import { useT } from '../../../i18n/i18n';

export function formatAddress(a: Client['address']): string {
  return [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country]
    .filter(Boolean)
    .join(', ');
}

export function ClientContacts({ client }: { client: Client }) {
  const t = useT();
  const address = formatAddress(client.address);
  return (
    <Stack spacing={0.25}>
      {client.phones.map((p) => (
        <Stack key={p.number} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          {p.invalid ? (
            <Tooltip title={t('client.phoneInvalid')}>
              <Typography
                variant="body2"
                sx={{ textDecoration: 'line-through', color: 'error.main' }}
                data-testid="phone-invalid"
              >
                <ErrorOutlineIcon
                  sx={{ fontSize: 14, verticalAlign: 'middle', mr: 0.5 }}
                  aria-label={t('client.phoneInvalid')}
                />
                {p.display}
              </Typography>
            </Tooltip>
          ) : (
            <Link href={`tel:${p.number}`} variant="body2">
              {p.display}
            </Link>
          )}
        </Stack>
      ))}
      {client.emails.map((e) => (
        <Link key={e} href={`mailto:${e}`} variant="body2">
          {e}
        </Link>
      ))}
      {client.phones.length + client.emails.length === 0 ? (
        <Typography variant="body2">{t('client.noContacts')}</Typography>
      ) : null}
      {address ? <Typography variant="body2">{address}</Typography> : null}
    </Stack>
  );
}
