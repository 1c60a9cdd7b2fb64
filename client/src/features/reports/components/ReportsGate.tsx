import type { ReactNode } from 'react';
import { Box } from '@mui/material';
import { hasRight } from '@callboard/shared';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { useT } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';

/** The floor and the dashboard are for admins and managers granted reports.view; others get a plain refusal (the API refuses them too). */
export function ReportsGate({ children }: { children: ReactNode }) {
  const t = useT();
  const { data: me, isLoading } = useGetMeQuery();
  if (isLoading) return <PageSkeleton />;
  if (!hasRight(me, 'reports.view'))
    return (
      <Box sx={{ p: 2 }}>
        <ApiErrorAlert
          error={{ status: 403, data: { error: { code: 'forbidden', message: t('reports.forbidden') } } }}
        />
      </Box>
    );
  return children;
}
