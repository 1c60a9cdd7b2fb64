import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type FerretDbHandle = {
  uri: string;
  port: number;
  process: ChildProcess;
  /** Resolves when the child has exited (after stop() or a crash). */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export function ferretDbBinary(repoRoot: string, configured?: string): string | undefined {
  const candidates = [configured, path.join(repoRoot, '.tools', 'ferretdb')].filter((c): c is string => !!c);
  return candidates.find((c) => existsSync(c));
}

/**
 * Starts FerretDB with its SQLite backend in dataDir on a loopback port. Telemetry is disabled
 * (it must never reach the internet) and the debug HTTP listener is off, so a second instance
 * (the test suite's beside a running app) does not collide on port 8088.
 */
export async function startFerretDb(opts: { binary: string; dataDir: string; port?: number }): Promise<FerretDbHandle> {
  const port = opts.port ?? (await freePort());
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const args = [
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${dataDir}`,
    '--telemetry=disable',
    '--debug-addr=-',
    '--log-level=warn',
  ];
  const child = spawn(opts.binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));

  const deadline = Date.now() + 20_000;
  for (;;) {
    const ready = await Promise.race([
      canConnect(port),
      spawnError,
      exited.then((code) => {
        throw new Error(`FerretDB exited during start-up (code ${code}): ${stderr.trim()}`);
      }),
    ]);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`FerretDB did not listen on 127.0.0.1:${port} within 20 s: ${stderr.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    process: child,
    exited,
    stop: async () => {
      if (stopping || child.exitCode !== null) return;
      stopping = true;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
