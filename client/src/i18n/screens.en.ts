import { adminEn } from './screens/admin.en';
import { orderEn } from './screens/order.en';
import { workEn } from './screens/work.en';

/**
 * The strings of every screen behind sign-in, kept by screen area under screens/; i18n.ts loads them
 * with the first of those screens.
 */
export const screensEn = { ...workEn, ...orderEn, ...adminEn };
