import { lazy, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AppShell } from './AppShell';
import { LoginPage } from '../features/auth/components/LoginPage';
import { loadAdminCatalogues } from '../i18n/i18n';
import { NotFoundPage } from '../components/NotFoundPage';

// Everything behind sign-in loads on demand: the first screen carries only the shell and sign-in.
// Declarative routing, not a data router: no route here needs loaders or actions, and the data router would add ~20 kB gzip to the first screen.

/** A screen's code and the strings the screens behind sign-in share, fetched together. */
function screen<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadAdminCatalogues()]);
    return { default: pick(module) };
  });
}

const WorkbenchPage = screen(
  () => import('../features/queue/components/WorkbenchPage'),
  (m) => m.WorkbenchPage,
);
const OrdersPage = screen(
  () => import('../features/orders/components/OrdersPage'),
  (m) => m.OrdersPage,
);
const OrderPage = screen(
  () => import('../features/order-card/components/OrderPage'),
  (m) => m.OrderPage,
);
const ClientPage = screen(
  () => import('../features/clients/components/ClientPage'),
  (m) => m.ClientPage,
);
const MyTasksPage = screen(
  () => import('../features/tasks/components/MyTasksPage'),
  (m) => m.MyTasksPage,
);
const AdminLayout = screen(
  () => import('../features/admin/components/AdminLayout'),
  (m) => m.AdminLayout,
);
const UsersPage = screen(
  () => import('../features/admin/components/UsersPage'),
  (m) => m.UsersPage,
);
const TemplatesPage = screen(
  () => import('../features/admin/components/TemplatesPage'),
  (m) => m.TemplatesPage,
);
const TemplateEditorPage = screen(
  () => import('../features/admin/components/TemplateEditorPage'),
  (m) => m.TemplateEditorPage,
);
const CallInstructionsPage = screen(
  () => import('../features/admin/components/CallInstructionsPage'),
  (m) => m.CallInstructionsPage,
);
const SettingsPage = screen(
  () => import('../features/admin/components/SettingsPage'),
  (m) => m.SettingsPage,
);

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
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
