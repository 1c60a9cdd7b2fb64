import type { Env } from '../config/env.js';
import { logger } from '../lib/logger.js';
import { countUsers, ensureBootstrapAdmin } from '../modules/users/users.service.js';
import { seedDefaultTemplates } from '../modules/templates/template.service.js';
import { demoSize, seedDemoData } from './demo-data.js';

/**
 * What a start adds to the database before serving: the bootstrap admin, the default templates and,
 * when asked, the demo data. A production start that would leave nobody able to sign in stops
 * instead, so the published demo password can never become a live admin's by default.
 */
export async function prepareFirstStart(env: Env): Promise<void> {
  if (await ensureBootstrapAdmin(env.bootstrapAdmin))
    logger.info(`Created the bootstrap admin ${env.bootstrapAdmin?.email}`);
  if (env.nodeEnv === 'production' && !env.seedDemo && (await countUsers()) === 0) {
    throw new Error(
      'The database has no users. Set BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD to create the first admin ' +
        '(or SEED_DEMO=true for the demo data with its published passwords, never on a live system).',
    );
  }
  await seedDefaultTemplates();
  if (env.seedDemo) {
    const demo = await seedDemoData(demoSize(env.seedDemoOrders));
    if (demo) logger.info(demo);
  }
}
