import { adminEs } from './screens/admin.es';
import { orderEs } from './screens/order.es';
import { workEs } from './screens/work.es';
import type { screensEn } from './screens.en';

/** Typed against the English keys of the screens behind sign-in: a missing or extra key is a compile error. */
export const screensEs: Record<keyof typeof screensEn, string> = { ...workEs, ...orderEs, ...adminEs };
