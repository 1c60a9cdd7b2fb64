import { lazy, type ComponentType } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useSearch as useBrowserSearch } from 'wouter/use-browser-location';
import { AppShell } from './AppShell';
import { LoginPage } from '../features/auth';
import { loadScreenCatalogues } from '../i18n/i18n';
import { rawSearch } from './raw-search';

// Everything behind sign-in loads on demand: the first screen carries only the shell and sign-in.
// wouter, not a fuller router: nothing here needs loaders, actions or relative links, which cost ~11 kB gzip up front.

/** A screen's code and the strings the screens behind sign-in share, fetched together. */
function screen<M, P extends object = object>(load: () => Promise<M>, pick: (module: M) => ComponentType<P>) {
  return lazy(async () => {
    const [module] = await Promise.all([load(), loadScreenCatalogues()]);
    return { default: pick(module) };
  });
}

const NotFoundPage = screen(
  () => import('../components/NotFoundPage'),
  (m) => m.NotFoundPage,
);
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
const ClientsPage = screen(
  () => import('../features/clients/components/ClientsPage'),
  (m) => m.ClientsPage,
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
const AuditPage = screen(
  () => import('../features/admin/components/audit/AuditPage'),
  (m) => m.AuditPage,
);

const FloorPage = screen(
  () => import('../features/reports/components/FloorPage'),
  (m) => m.FloorPage,
);
const DashboardPage = screen(
  () => import('../features/reports/components/DashboardPage'),
  (m) => m.DashboardPage,
);

const browserSearch = rawSearch(useBrowserSearch);

/** The app's routes; AppShell's Suspense shows a skeleton while a screen's code arrives. */
export function AppRouter() {
  return (
    <Router searchHook={browserSearch}>
      <Switch>
        <Route path="/login" component={LoginPage} />
        <Route>
          <AppShell>
            <Switch>
              <Route path="/" component={WorkbenchPage} />
              <Route path="/orders" component={OrdersPage} />
              <Route path="/orders/:id" component={OrderPage} />
              <Route path="/clients" component={ClientsPage} />
              <Route path="/clients/:id" component={ClientPage} />
              <Route path="/tasks" component={MyTasksPage} />
              <Route path="/floor" component={FloorPage} />
              <Route path="/dashboard" component={DashboardPage} />
              {/* Each admin screen is its own route, not a nested Switch, so an unknown /admin/… path gets the plain
                404 page; Switch renders one Route at a time, so AdminLayout stays mounted while moving between them. */}
              <Route path="/admin">
                <AdminLayout />
              </Route>
              <Route path="/admin/users">
                <AdminLayout>
                  <UsersPage />
                </AdminLayout>
              </Route>
              <Route path="/admin/templates">
                <AdminLayout>
                  <TemplatesPage />
                </AdminLayout>
              </Route>
              <Route path="/admin/templates/:id">
                <AdminLayout>
                  <TemplateEditorPage />
                </AdminLayout>
              </Route>
              <Route path="/admin/instructions">
                <AdminLayout>
                  <CallInstructionsPage />
                </AdminLayout>
              </Route>
              <Route path="/admin/settings">
                <AdminLayout>
                  <SettingsPage />
                </AdminLayout>
              </Route>
              <Route path="/admin/audit">
                <AdminLayout>
                  <AuditPage />
                </AdminLayout>
              </Route>
              <Route component={NotFoundPage} />
            </Switch>
          </AppShell>
        </Route>
      </Switch>
    </Router>
  );
}
