import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root: relative defaults (data/, uploads/) resolve against it, not the cwd. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());

const proxyPresets = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(entry: string): boolean {
  if (proxyPresets.includes(entry)) return true;
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
}

/**
 * TRUST_PROXY, as Express's `trust proxy`: a hop count, or the proxies' addresses and subnets.
 * Unset: X-Forwarded-For is not believed, so a client cannot pick the IP the sign-in throttle sees.
 * `true` is refused because it would believe any client's header.
 */
const trustProxy = optionalString.transform((value, ctx): false | number | string[] => {
  if (value === undefined || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((entry) => entry.trim());
  const wrong = entries.filter((entry) => !isProxyAddress(entry));
  if (wrong.length === 0) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `${wrong.join(', ')}: expected a hop count (1) or proxy addresses/subnets (10.0.0.5, 10.0.0.0/8, loopback)`,
  });
  return z.NEVER;
});

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Unset: every interface (Node's default); 127.0.0.1 keeps it to a proxy on the same machine.
  HOST: optionalString,
  MONGODB_URI: optionalString,
  SMTP_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('Callboard <no-reply@callboard.local>')),
  UPLOAD_DIR: z.preprocess(emptyAsUndefined, z.string().default('uploads')),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('data')),
  SESSION_SECRET: optionalString,
  BOOTSTRAP_ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().optional()),
  BOOTSTRAP_ADMIN_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(8).optional()),
  INTAKE_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(16).optional()),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  // Unset: Secure cookies (and HSTS) exactly when PUBLIC_URL is https://.
  COOKIE_SECURE: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).optional()),
  FERRETDB_BIN: optionalString,
  // Unset means "yes" for a newcomer's `npm start` and "no" in production (see seedDemo below).
  SEED_DEMO: z.preprocess(emptyAsUndefined, z.enum(['true', 'false']).optional()),
  SEED_DEMO_ORDERS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(20).max(100_000).default(300)),
  TRUST_PROXY: trustProxy,
});

export type Env = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string | undefined;
  mongodbUri: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  uploadDir: string;
  dataDir: string;
  sessionSecret: string;
  bootstrapAdmin: { email: string; password: string } | undefined;
  intakeApiKey: string | undefined;
  publicUrl: string;
  cookieSecure: boolean;
  ferretdbBin: string | undefined;
  seedDemo: boolean;
  seedDemoOrders: number;
  trustProxy: false | number | string[];
};

/** Keeps a generated secret in the data folder so sessions survive restarts without configuration. */
function persistedSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(repoRoot, e.DATA_DIR);
  if ((e.BOOTSTRAP_ADMIN_EMAIL === undefined) !== (e.BOOTSTRAP_ADMIN_PASSWORD === undefined)) {
    throw new Error('Invalid configuration: set both BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD, or neither');
  }
  const cookieSecure =
    e.COOKIE_SECURE === undefined ? (e.PUBLIC_URL ?? '').startsWith('https://') : e.COOKIE_SECURE === 'true';
  // The server speaks plain HTTP, so Secure cookies mean a TLS proxy in front; unless it is trusted,
  // requests do not count as secure and express-session never sends the sign-in cookie.
  if (e.NODE_ENV === 'production' && cookieSecure && !e.TRUST_PROXY) {
    throw new Error(
      'Invalid configuration: Secure cookies (PUBLIC_URL https:// or COOKIE_SECURE=true) need TRUST_PROXY set to the TLS proxy (a hop count such as 1, or its address), or no browser gets the sign-in cookie',
    );
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    mongodbUri: e.MONGODB_URI,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    uploadDir: path.resolve(repoRoot, e.UPLOAD_DIR),
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? persistedSecret(dataDir),
    bootstrapAdmin:
      e.BOOTSTRAP_ADMIN_EMAIL && e.BOOTSTRAP_ADMIN_PASSWORD
        ? { email: e.BOOTSTRAP_ADMIN_EMAIL.toLowerCase(), password: e.BOOTSTRAP_ADMIN_PASSWORD }
        : undefined,
    intakeApiKey: e.INTAKE_API_KEY,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    cookieSecure,
    ferretdbBin: e.FERRETDB_BIN,
    seedDemo: e.SEED_DEMO === undefined ? e.NODE_ENV !== 'production' : e.SEED_DEMO === 'true',
    seedDemoOrders: e.SEED_DEMO_ORDERS,
    trustProxy: e.TRUST_PROXY,
  };
}
