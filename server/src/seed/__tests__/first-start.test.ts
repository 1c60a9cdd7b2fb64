import { beforeEach, describe, expect, it } from '@jest/globals';
import { loadEnv } from '../../config/env.js';
import { useTestApp } from '../../test/test-app.js';
import { UserModel } from '../../modules/users/users.model.js';
import { TemplateModel } from '../../modules/templates/template.model.js';
import { OrderModel } from '../../modules/orders/order.model.js';
import { defaultTemplates } from '../../modules/templates/default-templates.js';
import { prepareFirstStart } from '../first-start.js';

useTestApp();
const base = { SESSION_SECRET: 'test-secret', DATA_DIR: '/tmp', UPLOAD_DIR: '/tmp' };

describe('SEED_DEMO defaults', () => {
  it('is on for a newcomer (no NODE_ENV) and off in production unless set to true', () => {
    expect(loadEnv(base).seedDemo).toBe(true);
    expect(loadEnv({ ...base, NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadEnv({ ...base, NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadEnv({ ...base, SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });
});

describe('prepareFirstStart', () => {
  beforeEach(async () => {
    await UserModel.deleteMany({});
    await OrderModel.deleteMany({});
  });

  it('refuses a production start on an empty database with neither BOOTSTRAP_ADMIN_* nor SEED_DEMO=true', async () => {
    await expect(prepareFirstStart(loadEnv({ ...base, NODE_ENV: 'production' }))).rejects.toThrow(
      /BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD.*SEED_DEMO=true/,
    );
    expect(await UserModel.countDocuments()).toBe(0);
    expect(await OrderModel.countDocuments()).toBe(0);
  });

  it('in production creates only the bootstrap admin and the default templates, no demo user', async () => {
    const env = loadEnv({
      ...base,
      NODE_ENV: 'production',
      BOOTSTRAP_ADMIN_EMAIL: 'Boss@Shop.example',
      BOOTSTRAP_ADMIN_PASSWORD: 'a long admin password',
    });
    await prepareFirstStart(env);
    const users = await UserModel.find().lean();
    expect(users.map((u) => [u.email, u.role])).toEqual([['boss@shop.example', 'admin']]);
    expect(await OrderModel.countDocuments()).toBe(0);
    expect(await TemplateModel.countDocuments()).toBe(defaultTemplates.length);
    // A later start with the admin in place goes ahead without the variables.
    await expect(prepareFirstStart(loadEnv({ ...base, NODE_ENV: 'production' }))).resolves.toBeUndefined();
    expect(await UserModel.countDocuments()).toBe(1);
  });
});
