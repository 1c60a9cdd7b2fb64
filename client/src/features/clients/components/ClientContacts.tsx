import { Box, Link, Stack, Typography } from '@mui/material';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import type { Client } from '@callboard/shared';
import { useT } from '../../../i18n/i18n';

export function formatAddress(a: Client['address']): string {
  return [a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country]
    .filter(Boolean)
    .join(', ');
}

/** WCAG 2.2 asks 24 px for a pointer target; a body2 line is about 19. */
const contactLink = { display: 'inline-flex', alignItems: 'center', minHeight: 24, alignSelf: 'flex-start' } as const;

export function ClientContacts({ client }: { client: Client }) {
  const t = useT();
  const address = formatAddress(client.address);
  return (
    <Stack spacing={0.25}>
      {client.phones.map((p) => (
        <Stack key={p.number} direction="row" spacing={0.5} sx={{ alignItems: 'center' }}>
          {p.invalid ? (
            // The mark is words on screen, not only an icon or a strike-through, so everyone gets it.
            <Typography variant="body2" sx={{ color: 'error.main' }} data-testid="phone-invalid">
              <ErrorOutlineIcon sx={{ fontSize: 14, verticalAlign: 'middle', mr: 0.5 }} aria-hidden />
              <Box component="span" sx={{ textDecoration: 'line-through' }}>
                {p.display}
              </Box>{' '}
              ({t('client.phoneInvalid')})
            </Typography>
          ) : (
            <Link href={`tel:${p.number}`} variant="body2" sx={contactLink}>
              {p.display}
            </Link>
          )}
        </Stack>
      ))}
      {client.emails.map((e) => (
        <Link key={e} href={`mailto:${e}`} variant="body2" sx={contactLink}>
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
