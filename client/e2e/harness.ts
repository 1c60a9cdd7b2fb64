import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { chromium, type BrowserContext } from 'playwright-core';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export type Mail = { raw: string; text: string; to: string[] };

/** Undoes the transfer encodings nodemailer uses, so tests can search the letter's words. */
export function readableMail(raw: string): string {
  const qp = raw
    .replace(/=\r?\n/g, '')
    .replace(/(=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
  const b64 = [...raw.matchAll(/\r?\n\r?\n([A-Za-z0-9+/=\r\n]{40,})/g)].map((m) =>
    Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'),
  );
  return [qp, ...b64].join('\n');
}

export async function startSmtp() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({ raw, text: readableMail(raw), to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, mails, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/** The first letter the listener has received that passes the test, waiting up to a minute for it. */
export async function waitForMail(smtp: Smtp, test: (mail: Mail) => boolean): Promise<Mail> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const mail = smtp.mails.find(test);
    if (mail) return mail;
    if (Date.now() > deadline)
      throw new Error(`no such letter; got: ${smtp.mails.map((m) => m.to.join(',')).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export type RunningServer = { url: string; process: ChildProcess; log: string[]; stop: () => Promise<void> };

/** The real built server on the embedded database, with demo data, in a temp data folder. */
export async function startServer(smtpPort: number): Promise<RunningServer> {
  const entry = path.join(repoRoot, 'server', 'dist', 'server.js');
  if (!existsSync(entry) || !existsSync(path.join(repoRoot, 'client', 'dist', 'index.html'))) {
    throw new Error('Build first: npm run build (the e2e runs the built server and client)');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'callboard-e2e-data-'));
  const log: string[] = [];
  const child = spawn(process.execPath, [entry], {
    cwd: repoRoot,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      UPLOAD_DIR: path.join(dataDir, 'uploads'),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'callboard@callboard.test',
      SEED_DEMO: 'true',
      MONGODB_URI: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${log.join('')}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`The server did not become healthy:\n${log.join('')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    process: child,
    log,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's chromium, headless, with a fresh profile; never a downloaded browser. */
export async function launchBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(path.join(tmpdir(), 'callboard-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    timezoneId: 'Europe/Madrid',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Chromium may still be flushing its caches as the context closes: retry, and never fail a run over a temp folder.
  context.on('close', () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch {
      // left in the OS temp folder
    }
  });
  return context;
}

export type ApiSession = (method: string, url: string, body?: unknown) => Promise<Response>;

/** Signs in through the API (node side), for setup the UI does not own. */
export async function apiSession(baseUrl: string, email: string, password: string): Promise<ApiSession> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  // express-session sends the headers before the session is stored and the body's last byte after.
  await res.arrayBuffer();
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return (method: string, url: string, body?: unknown) =>
    fetch(`${baseUrl}${url}`, {
      method,
      headers: { Cookie: cookie, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
}

/** A short silent WAV: a real audio file the server's content check accepts. */
export function silentWav(seconds = 1, rate = 8000): Buffer {
  const samples = seconds * rate;
  const buf = Buffer.alloc(44 + samples * 2);
  buf.write('RIFF', 0);
  buf.writeUInt32LE(36 + samples * 2, 4);
  buf.write('WAVE', 8);
  buf.write('fmt ', 12);
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20);
  buf.writeUInt16LE(1, 22);
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate * 2, 28);
  buf.writeUInt16LE(2, 32);
  buf.writeUInt16LE(16, 34);
  buf.write('data', 36);
  buf.writeUInt32LE(samples * 2, 40);
  return buf;
}
