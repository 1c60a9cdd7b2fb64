import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../../config/env.js';
import {
  ferretDbArgs,
  ferretDbBinary,
  freePort,
  pidFileName,
  startFerretDb,
  type FerretDbHandle,
} from '../ferretdb.js';

const binary = ferretDbBinary(repoRoot, process.env.FERRETDB_BIN);
// Orphans and parent-death signals are read from /proc.
const describeOnLinux = binary && process.platform === 'linux' ? describe : describe.skip;

/** Alive and not a zombie. */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return false;
  }
}

/** Every live FerretDB serving this folder. */
function ferretDbsOn(dataDir: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
        return args.includes(`--state-dir=${dataDir}`) && isRunning(Number(entry));
      } catch {
        return false;
      }
    })
    .map(Number);
}

async function eventually(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const readPidFile = (dataDir: string) => JSON.parse(readFileSync(path.join(dataDir, pidFileName), 'utf8')) as unknown;

let dirs: string[] = [];
let handles: FerretDbHandle[] = [];
let children: ChildProcess[] = [];

function tempDataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'callboard-ferret-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(handles.map((h) => h.stop()));
  for (const dir of dirs) {
    for (const pid of ferretDbsOn(dir)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  dirs = [];
  handles = [];
  children = [];
});

/**
 * A FerretDB whose starter has died, as `kill -9` of an older Callboard left it: started from a
 * shell that exits at once, so it is nobody's child any more.
 */
async function orphanFerretDb(dataDir: string): Promise<{ pid: number; starter: number; port: number }> {
  const port = await freePort();
  const args = ferretDbArgs(dataDir, port);
  const shell = spawn('sh', ['-c', '"$0" "$@" >/dev/null 2>&1 & echo $!', binary!, ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  shell.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((r) => shell.once('exit', r));
  const pid = Number(out.trim());
  await eventually(() => isRunning(pid), 'the orphan runs');
  return { pid, starter: shell.pid!, port };
}

/**
 * A Node process that starts FerretDB through startFerretDb and then only waits: this module
 * compiled alone (it uses Node built-ins only), so the test can kill the parent with SIGKILL.
 */
async function parentProcess(dataDir: string): Promise<{ parent: ChildProcess; ferretPid: number }> {
  const dir = tempDataDir();
  const source = readFileSync(path.join(repoRoot, 'server/src/db/ferretdb.ts'), 'utf8');
  const compiled = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(path.join(dir, 'ferretdb.mjs'), compiled.outputText);
  writeFileSync(
    path.join(dir, 'parent.mjs'),
    `import { startFerretDb } from './ferretdb.mjs';
const handle = await startFerretDb({ binary: process.argv[2], dataDir: process.argv[3] });
console.log(JSON.stringify({ pid: handle.process.pid }));
setInterval(() => {}, 60_000);
`,
  );
  const parent = spawn(process.execPath, [path.join(dir, 'parent.mjs'), binary!, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(parent);
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    parent.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    parent.once('exit', (code) => reject(new Error(`the parent exited (code ${code}) before starting FerretDB`)));
  });
  return { parent, ferretPid: (JSON.parse(line) as { pid: number }).pid };
}

describeOnLinux('startFerretDb: one FerretDB per data folder', () => {
  it('records its pid, port and owner in the data folder and removes the record when stopped', async () => {
    const dataDir = tempDataDir();
    const handle = await startFerretDb({ binary: binary!, dataDir });
    handles.push(handle);
    expect(readPidFile(dataDir)).toEqual({ owner: process.pid, pid: handle.process.pid, port: handle.port });
    expect(ferretDbsOn(dataDir)).toEqual([handle.process.pid]);
    await handle.stop();
    expect(existsSync(path.join(dataDir, pidFileName))).toBe(false);
    expect(ferretDbsOn(dataDir)).toEqual([]);
  });

  it('stops a FerretDB left running on the folder by a process that died, and runs one', async () => {
    const dataDir = tempDataDir();
    const orphan = await orphanFerretDb(dataDir);
    writeFileSync(
      path.join(dataDir, pidFileName),
      JSON.stringify({ owner: orphan.starter, pid: orphan.pid, port: orphan.port }),
    );

    const handle = await startFerretDb({ binary: binary!, dataDir });
    handles.push(handle);

    expect(isRunning(orphan.pid)).toBe(false);
    expect(ferretDbsOn(dataDir)).toEqual([handle.process.pid]);
    expect(readPidFile(dataDir)).toEqual({ owner: process.pid, pid: handle.process.pid, port: handle.port });
  });

  it('leaves a process alone whose pid a stale record names but that is not FerretDB on this folder', async () => {
    const dataDir = tempDataDir();
    const bystander = spawn('sleep', ['60']);
    children.push(bystander);
    writeFileSync(path.join(dataDir, pidFileName), JSON.stringify({ owner: 999_999_999, pid: bystander.pid, port: 1 }));

    const handle = await startFerretDb({ binary: binary!, dataDir });
    handles.push(handle);

    expect(isRunning(bystander.pid!)).toBe(true);
    expect(ferretDbsOn(dataDir)).toEqual([handle.process.pid]);
  });

  it('refuses a folder whose FerretDB a live process still runs; after kill -9 of that process its FerretDB is gone and the folder starts again', async () => {
    const dataDir = tempDataDir();
    const { parent, ferretPid } = await parentProcess(dataDir);
    expect(ferretDbsOn(dataDir)).toEqual([ferretPid]);

    await expect(startFerretDb({ binary: binary!, dataDir })).rejects.toThrow(
      `The data folder ${dataDir} is in use by process ${parent.pid} (another Callboard?): stop it first.`,
    );
    expect(ferretDbsOn(dataDir)).toEqual([ferretPid]);

    parent.kill('SIGKILL');
    // The parent-death signal: nothing of the parent's runs after it.
    await eventually(() => !isRunning(ferretPid), 'the FerretDB of the killed parent has exited');

    const handle = await startFerretDb({ binary: binary!, dataDir });
    handles.push(handle);
    expect(ferretDbsOn(dataDir)).toEqual([handle.process.pid]);
  });
});
