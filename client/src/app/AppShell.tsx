import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Redirect, useLocation, useSearch } from 'wouter';
import { AppBar, Box, Button, Toolbar, Typography } from '@mui/material';
import { hasRight, type Right, type Role } from '@callboard/shared';
import { LazyApiErrorAlert } from '../components/LazyApiErrorAlert';
import { PageSkeleton } from '../components/Skeletons';
import { useT, type MessageKey } from '../i18n/i18n';
import { useGetMeQuery, useLogoutMutation } from '../features/session';
import { signInPath } from './api';
import { LiveAnnouncer } from './LiveAnnouncer';
import { PreferenceSwitches } from './PreferenceSwitches';

// Only signed-in users listen; its code is not needed to paint the first screen.
const LiveEvents = lazy(async () => ({
  default: (await import('../features/queue/hooks/use-live-events')).LiveEvents,
}));

/** Shown to these roles, or (with `right`) to whoever holds that right: admins hold every right. */
type NavItem = { to: string; label: MessageKey; roles: Role[]; right?: Right };

/** Issue 8's admin screens add their entries here. */
export const navItems: NavItem[] = [
  { to: '/', label: 'nav.workbench', roles: ['manager', 'admin'] },
  { to: '/tasks', label: 'nav.tasks', roles: ['manager', 'admin'] },
  { to: '/orders', label: 'nav.orders', roles: ['manager', 'admin'] },
  { to: '/clients', label: 'nav.clients', roles: ['manager', 'admin'] },
  { to: '/floor', label: 'nav.floor', roles: [], right: 'reports.view' },
  { to: '/dashboard', label: 'nav.dashboard', roles: [], right: 'reports.view' },
  { to: '/admin', label: 'nav.admin', roles: ['admin'] },
];

/** A section stays marked on the pages under it (an order under Orders); the workbench only on itself. */
function isCurrent(to: string, pathname: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

export function AppShell({ children }: { children: ReactNode }) {
  const t = useT();
  const [pathname] = useLocation();
  const search = useSearch();
  const { data: user, error, isLoading } = useGetMeQuery();
  const [logout] = useLogoutMutation();

  if (isLoading) return <PageSkeleton />;
  if (error && 'status' in error && error.status === 401)
    return <Redirect to={signInPath({ pathname, search: search && `?${search}` })} replace />;
  if (!user)
    return (
      <Box sx={{ p: 2 }}>
        <LazyApiErrorAlert error={error} />
      </Box>
    );

  async function signOut() {
    await logout();
    // A full load drops every cached answer of this user.
    window.location.assign('/login');
  }

  return (
    <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <AppBar position="static" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Toolbar variant="dense" sx={{ gap: 1 }}>
          <Typography variant="h6" component="span" sx={{ mr: 2, fontWeight: 700 }}>
            Callboard
          </Typography>
          <Box component="nav" aria-label={t('nav.label')} sx={{ display: 'flex', gap: 0.5, flexGrow: 1 }}>
            {navItems
              .filter((item) => item.roles.includes(user.role) || (item.right && hasRight(user, item.right)))
              .map((item) => (
                <Button
                  key={item.to}
                  component={Link}
                  to={item.to}
                  aria-current={isCurrent(item.to, pathname) ? 'page' : undefined}
                  color="inherit"
                  sx={{ '&[aria-current="page"]': { color: 'primary.main' } }}
                >
                  {t(item.label)}
                </Button>
              ))}
          </Box>
          <PreferenceSwitches />
          <Typography variant="body2" sx={{ mx: 1 }} data-testid="current-user">
            {user.name}
          </Typography>
          <Button onClick={signOut} color="inherit">
            {t('nav.signOut')}
          </Button>
        </Toolbar>
      </AppBar>
      <Suspense fallback={null}>
        <LiveEvents />
      </Suspense>
      <LiveAnnouncer />
      <Box component="main" sx={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
        <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
      </Box>
    </Box>
  );
}
