import { lazy, Suspense, useState } from 'react';
import { Button } from '@mui/material';
import EditIcon from '@mui/icons-material/EditOutlined';
import type { Client } from '@callboard/shared';
import { useT } from '../../../i18n/i18n';

// The editor brings the phone-number library; it loads when first opened, not with the card.
const ClientEditDialog = lazy(async () => ({ default: (await import('./ClientEditDialog')).ClientEditDialog }));

/** "Edit client" on the client page and the order card's client block. */
export function ClientEditButton({ client }: { client: Client }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="small"
        startIcon={<EditIcon />}
        onClick={() => setOpen(true)}
        sx={{ alignSelf: 'flex-start' }}
        data-testid="client-edit"
      >
        {t('clientEdit.open')}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <ClientEditDialog client={client} onClose={() => setOpen(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
