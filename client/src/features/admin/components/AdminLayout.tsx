import type { ReactNode } from 'react';
import { Redirect, useLocation } from 'wouter';
import { Box, Tab, Tabs, Typography } from '@mui/material';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { PageSkeleton } from '../../../components/Skeletons';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useGetMeQuery } from '../../session';

const sections: { path: string; label: MessageKey }[] = [
  { path: '/admin/users', label: 'admin.users' },
  { path: '/admin/templates', label: 'admin.templates' },
  { path: '/admin/instructions', label: 'admin.instructions' },
  { path: '/admin/settings', label: 'admin.settings' },
  { path: '/admin/audit', label: 'audit.title' },
];

/** The admin screens under one heading; others get a plain refusal (the API refuses them too). */
export function AdminLayout({ children }: { children?: ReactNode }) {
  const t = useT();
  const [pathname, navigate] = useLocation();
  const { data: me, isLoading } = useGetMeQuery();
  if (isLoading) return <PageSkeleton />;
  if (me?.role !== 'admin') {
    return (
      <Box sx={{ p: 2 }}>
        <ApiErrorAlert
          error={{ status: 403, data: { error: { code: 'forbidden', message: t('admin.adminsOnly') } } }}
        />
      </Box>
    );
  }
  const current = sections.find((s) => pathname.startsWith(s.path));
  if (!current) return <Redirect to={sections[0]!.path} replace />;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
        {t('admin.title')}
      </Typography>
      <Tabs
        value={current.path}
        onChange={(_e, path: string) => navigate(path)}
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
        aria-label={t('admin.title')}
      >
        {sections.map((s) => (
          <Tab key={s.path} value={s.path} label={t(s.label)} />
        ))}
      </Tabs>
      {children}
    </Box>
  );
}
