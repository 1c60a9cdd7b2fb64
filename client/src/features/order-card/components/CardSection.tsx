import type { ReactNode } from 'react';
import { Paper, Stack, Typography } from '@mui/material';

/** A titled block of the card; `action` sits at the right of the title (an edit button). */
export function Section({
  title,
  children,
  action,
  id,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
  id?: string;
}) {
  return (
    <Paper sx={{ p: 1.25 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="overline" component="h2" sx={{ lineHeight: 1.5 }} id={id}>
          {title}
        </Typography>
        {action}
      </Stack>
      {children}
    </Paper>
  );
}

export function Field({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Typography variant="body2">
      <Typography component="span" variant="body2" color="text.secondary">
        {label}:
      </Typography>{' '}
      {value ?? '—'}
    </Typography>
  );
}
