import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppShell } from './AppShell';
import { LoginPage } from '../features/auth/components/LoginPage';

/** Everything behind sign-in loads on demand: the first screen carries only the shell and sign-in. */
export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/queue/components/WorkbenchPage')).WorkbenchPage }) },
      { path: 'orders', lazy: async () => ({ Component: (await import('../features/orders/components/OrdersPage')).OrdersPage }) },
      { path: 'orders/:id', lazy: async () => ({ Component: (await import('../features/order-card/components/OrderPage')).OrderPage }) },
      { path: 'clients/:id', lazy: async () => ({ Component: (await import('../features/clients/components/ClientPage')).ClientPage }) },
      { path: 'tasks', lazy: async () => ({ Component: (await import('../features/tasks/components/MyTasksPage')).MyTasksPage }) },
      {
        path: 'admin',
        lazy: async () => ({ Component: (await import('../features/admin/components/AdminLayout')).AdminLayout }),
        children: [
          { path: 'users', lazy: async () => ({ Component: (await import('../features/admin/components/UsersPage')).UsersPage }) },
          { path: 'templates', lazy: async () => ({ Component: (await import('../features/admin/components/TemplatesPage')).TemplatesPage }) },
          { path: 'templates/:id', lazy: async () => ({ Component: (await import('../features/admin/components/TemplateEditorPage')).TemplateEditorPage }) },
          { path: 'instructions', lazy: async () => ({ Component: (await import('../features/admin/components/CallInstructionsPage')).CallInstructionsPage }) },
          { path: 'settings', lazy: async () => ({ Component: (await import('../features/admin/components/SettingsPage')).SettingsPage }) },
        ],
      },
    ],
  },
];

export function makeRouter() {
  return createBrowserRouter(routes);
}
