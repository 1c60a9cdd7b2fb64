#!/usr/bin/env node
// Builds the client and prints the gzipped size of the JavaScript the first screen loads:
// the entry script and every modulepreload link in dist/index.html (lazy routes excluded).
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
let total = 0;
for (const url of urls) {
  const bytes = readFileSync(join(dist, url.replace(/^\//, '')));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(
    `${url.padEnd(48)} ${(bytes.length / 1024).toFixed(1).padStart(8)} kB  gzip ${(gz / 1024).toFixed(1).padStart(7)} kB`,
  );
}
console.log(`first screen JS (gzip): ${(total / 1024).toFixed(1)} kB (target ≤ 150 kB)`);
