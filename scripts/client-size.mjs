#!/usr/bin/env node
// Builds the client and prints the gzipped size of the JavaScript the first screen loads:
// the entry script and every modulepreload link in dist/index.html (lazy routes excluded).
// Then, for scale, what a signed-in manager's workbench adds to it: its chunk, the chunks it
// imports statically and the strings of the screens behind sign-in (from Vite's manifest).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = join(import.meta.dirname, '..', 'client', 'dist');
if (!process.argv.includes('--no-build')) execFileSync('npm', ['run', 'build', '-w', 'client'], { stdio: 'inherit' });

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const urls = [
  ...[...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]),
  ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]),
];
/** Prints each file's size and returns the gzipped total. */
function measure(files) {
  let total = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    const gz = gzipSync(bytes, { level: 9 }).length;
    total += gz;
    console.log(
      `${file.padEnd(48)} ${(bytes.length / 1024).toFixed(1).padStart(8)} kB  gzip ${(gz / 1024).toFixed(1).padStart(7)} kB`,
    );
  }
  return total;
}

const firstScreen = urls.map((url) => url.replace(/^\//, ''));
const total = measure(firstScreen);
console.log(`first screen JS (gzip): ${(total / 1024).toFixed(1)} kB (target ≤ 150 kB)\n`);

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
const chunk = (src) => manifest[src] ?? manifest[`_${src}`];
const workbench = new Set();
const visit = (key) => {
  const entry = chunk(key);
  if (!entry || firstScreen.includes(entry.file) || workbench.has(entry.file)) return;
  workbench.add(entry.file);
  for (const imported of entry.imports ?? []) visit(imported);
};
for (const src of [
  'src/features/queue/components/WorkbenchPage.tsx',
  'src/i18n/screens.en.ts',
  'src/i18n/screens.es.ts',
])
  visit(src);
const added = measure([...workbench]);
console.log(
  `a signed-in manager's workbench adds (gzip): ${(added / 1024).toFixed(1)} kB (loaded after the first screen)`,
);
