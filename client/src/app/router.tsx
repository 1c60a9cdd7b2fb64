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
    ],
  },
];

export function makeRouter() {
  return createBrowserRouter(routes);
}
