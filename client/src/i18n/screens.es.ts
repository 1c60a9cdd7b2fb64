import { adminEs } from './screens/admin.es';
import { auditEs } from './screens/audit.es';
import { clientsEs } from './screens/clients.es';
import { editorEs } from './screens/editor.es';
import { orderEs } from './screens/order.es';
import { orderEditEs } from './screens/order-edit.es';
import { reportsEs } from './screens/reports.es';
import { workEs } from './screens/work.es';
import type { screensEn } from './screens.en';

/** Typed against the English keys of the screens behind sign-in: a missing or extra key is a compile error. */
export const screensEs: Record<keyof typeof screensEn, string> = {
  ...workEs,
  ...orderEs,
  ...orderEditEs,
  ...adminEs,
  ...editorEs,
  ...auditEs,
  ...reportsEs,
  ...clientsEs,
};
