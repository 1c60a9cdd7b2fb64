import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppShell } from './AppShell';
import { LoginPage } from '../features/auth/components/LoginPage';

// Everything behind sign-in loads on demand: the first screen carries only the shell and sign-in.
// Declarative routing, not a data router: no route here needs loaders or actions, and the data router would add ~20 kB gzip to the first screen.
const WorkbenchPage = lazy(async () => ({ default: (await import('../features/queue/components/WorkbenchPage')).WorkbenchPage }));
const OrdersPage = lazy(async () => ({ default: (await import('../features/orders/components/OrdersPage')).OrdersPage }));
const OrderPage = lazy(async () => ({ default: (await import('../features/order-card/components/OrderPage')).OrderPage }));
const ClientPage = lazy(async () => ({ default: (await import('../features/clients/components/ClientPage')).ClientPage }));
const MyTasksPage = lazy(async () => ({ default: (await import('../features/tasks/components/MyTasksPage')).MyTasksPage }));
const AdminLayout = lazy(async () => ({ default: (await import('../features/admin/components/AdminLayout')).AdminLayout }));
const UsersPage = lazy(async () => ({ default: (await import('../features/admin/components/UsersPage')).UsersPage }));
const TemplatesPage = lazy(async () => ({ default: (await import('../features/admin/components/TemplatesPage')).TemplatesPage }));
const TemplateEditorPage = lazy(async () => ({ default: (await import('../features/admin/components/TemplateEditorPage')).TemplateEditorPage }));
const CallInstructionsPage = lazy(async () => ({ default: (await import('../features/admin/components/CallInstructionsPage')).CallInstructionsPage }));
const SettingsPage = lazy(async () => ({ default: (await import('../features/admin/components/SettingsPage')).SettingsPage }));

/** The app's routes; AppShell's Suspense shows a skeleton while a screen's code arrives. */
export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/" element={<AppShell />}>
          <Route index element={<WorkbenchPage />} />
          <Route path="orders" element={<OrdersPage />} />
          <Route path="orders/:id" element={<OrderPage />} />
          <Route path="clients/:id" element={<ClientPage />} />
          <Route path="tasks" element={<MyTasksPage />} />
          <Route path="admin" element={<AdminLayout />}>
            <Route path="users" element={<UsersPage />} />
            <Route path="templates" element={<TemplatesPage />} />
            <Route path="templates/:id" element={<TemplateEditorPage />} />
            <Route path="instructions" element={<CallInstructionsPage />} />
            <Route path="settings" element={<SettingsPage />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
