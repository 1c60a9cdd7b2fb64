import { rmSync } from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const ferret = globalThis.__callboardFerret;
  if (!ferret) return;
  await ferret.handle.stop();
  rmSync(ferret.dir, { recursive: true, force: true });
}
