import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// Node built-ins only: a test compiles this file alone into a throw-away parent process.

export type FerretDbExit = { code: number | null; signal: NodeJS.Signals | null };

export type FerretDbHandle = {
  uri: string;
  port: number;
  process: ChildProcess;
  /** Resolves when the child has exited (after stop() or a crash). */
  exited: Promise<FerretDbExit>;
  stop: () => Promise<void>;
};

/** `DATA/ferretdb.pid`: which FerretDB runs on these files, on which port, started by which process. */
type PidRecord = { owner: number; pid?: number; port?: number };

export const pidFileName = 'ferretdb.pid';

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function ferretDbBinary(repoRoot: string, configured?: string): string | undefined {
  const candidates = [configured, path.join(repoRoot, '.tools', 'ferretdb')].filter((c): c is string => !!c);
  return candidates.find((c) => existsSync(c));
}

/** A live process's command line and parent; undefined when it is gone (a zombie counts as gone). */
function processInfo(pid: number): { commandLine: string; parent: number } | undefined {
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: the fields we need follow its last ')'.
      const [state, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z' || state === 'X') return undefined;
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
      return { commandLine, parent: Number(parent) };
    } catch {
      return undefined;
    }
  }
  const ps = spawnSync('ps', ['-o', 'ppid=,stat=,command=', '-p', String(pid)], { encoding: 'utf8' });
  const match = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(ps.stdout ?? '');
  if (!match || match[2]!.startsWith('Z')) return undefined;
  return { commandLine: match[3]!.trim(), parent: Number(match[1]) };
}

/** Whether the process is a FerretDB serving these files: a reused pid must never be signalled. */
function servesDataDir(commandLine: string, dataDir: string): boolean {
  return ` ${commandLine} `.includes(` --state-dir=${dataDir} `) && /ferretdb/.test(commandLine);
}

function readPidRecord(file: string): PidRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as PidRecord;
    return typeof record.owner === 'number' ? record : undefined;
  } catch {
    return undefined;
  }
}

function writePidRecord(file: string, record: PidRecord): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(record));
  renameSync(`${file}.tmp`, file);
}

async function terminate(pid: number, dataDir: string): Promise<void> {
  const alive = () => processInfo(pid) !== undefined;
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // It exited meanwhile.
    }
  };
  signal('SIGTERM');
  for (let waited = 0; alive() && waited < 5_000; waited += 100) await sleep(100);
  if (!alive()) return;
  signal('SIGKILL');
  for (let waited = 0; alive(); waited += 100) {
    if (waited > 5_000) throw new Error(`FerretDB (pid ${pid}) on ${dataDir} did not stop after SIGKILL`);
    await sleep(100);
  }
}

/**
 * Makes this process the one FerretDB starter of dataDir. A FerretDB left behind by a process that
 * died (its parent is no longer the recorded owner) is stopped; one whose owner still runs it, or a
 * start under way in a live process, is refused: two servers on one set of SQLite files corrupt it.
 */
async function claimDataDir(dataDir: string, pidFile: string): Promise<void> {
  const record = readPidRecord(pidFile);
  if (record) {
    const ferret = record.pid === undefined ? undefined : processInfo(record.pid);
    const running = ferret && servesDataDir(ferret.commandLine, dataDir) ? ferret : undefined;
    const ownerAlive = record.owner !== process.pid && processInfo(record.owner) !== undefined;
    if (ownerAlive && (record.pid === undefined || running?.parent === record.owner)) {
      throw new Error(
        `The data folder ${dataDir} is in use by process ${record.owner} (another Callboard?): stop it first. ` +
          `If no such process is running, delete ${pidFile}.`,
      );
    }
    if (running) await terminate(record.pid!, dataDir);
    rmSync(pidFile, { force: true });
  }
  try {
    writeFileSync(pidFile, JSON.stringify({ owner: process.pid } satisfies PidRecord), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    throw new Error(`Another process is starting FerretDB on ${dataDir} at this moment (see ${pidFile}).`);
  }
}

/**
 * util-linux's setpriv gives the child a parent-death signal, so FerretDB dies with this process
 * even on SIGKILL (the signal follows the thread that forked it: Node spawns from the main thread).
 * Elsewhere the pid file lets the next start find and stop an orphan.
 */
const setpriv = process.platform === 'linux' ? ['/usr/bin/setpriv', '/bin/setpriv'].find(existsSync) : undefined;

/**
 * Starts FerretDB with its SQLite backend in dataDir on a loopback port. Telemetry is disabled
 * (it must never reach the internet) and the debug HTTP listener is off, so a second instance
 * (the test suite's beside a running app) does not collide on port 8088.
 */
/** FerretDB's command line for one data folder: SQLite there, on a loopback port, no telemetry, no debug listener. */
export function ferretDbArgs(dataDir: string, port: number): string[] {
  return [
    '--handler=sqlite',
    `--sqlite-url=file:${dataDir}/`,
    `--listen-addr=127.0.0.1:${port}`,
    `--state-dir=${dataDir}`,
    '--telemetry=disable',
    '--debug-addr=-',
    '--log-level=warn',
  ];
}

export async function startFerretDb(opts: { binary: string; dataDir: string; port?: number }): Promise<FerretDbHandle> {
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const pidFile = path.join(dataDir, pidFileName);
  const port = opts.port ?? (await freePort());
  await claimDataDir(dataDir, pidFile);
  const args = ferretDbArgs(dataDir, port);
  const child = setpriv
    ? spawn(setpriv, ['--pdeathsig', 'SIGKILL', '--', opts.binary, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(opts.binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<FerretDbExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
  if (child.pid !== undefined) writePidRecord(pidFile, { owner: process.pid, pid: child.pid, port });
  const removePidFile = () => {
    if (readPidRecord(pidFile)?.pid === child.pid) rmSync(pidFile, { force: true });
  };

  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const ready = await Promise.race([
        canConnect(port),
        spawnError,
        exited.then(({ code, signal }) => {
          throw new Error(`FerretDB exited during start-up (${signal ?? `code ${code}`}): ${stderr.trim()}`);
        }),
      ]);
      if (ready) break;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`FerretDB did not listen on 127.0.0.1:${port} within 20 s: ${stderr.trim()}`);
      }
      await sleep(100);
    }
  } catch (err) {
    await Promise.race([exited, sleep(5_000)]);
    removePidFile();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    process: child,
    exited,
    stop: () => {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await exited;
          clearTimeout(timer);
        }
        removePidFile();
      })();
      return stopping;
    },
  };
}
