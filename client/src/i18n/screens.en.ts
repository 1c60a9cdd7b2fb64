import { adminEn } from './screens/admin.en';
import { auditEn } from './screens/audit.en';
import { clientsEn } from './screens/clients.en';
import { editorEn } from './screens/editor.en';
import { orderEn } from './screens/order.en';
import { orderEditEn } from './screens/order-edit.en';
import { reportsEn } from './screens/reports.en';
import { workEn } from './screens/work.en';

/**
 * The strings of every screen behind sign-in, kept by screen area under screens/; i18n.ts loads them
 * with the first of those screens.
 */
export const screensEn = {
  ...workEn,
  ...orderEn,
  ...orderEditEn,
  ...adminEn,
  ...editorEn,
  ...auditEn,
  ...reportsEn,
  ...clientsEn,
};
