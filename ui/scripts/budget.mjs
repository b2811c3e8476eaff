// The first load's budget: index.html and every script and style it loads, gzip-compressed, must stay
// under 350 KB. Run after a build, on its output directory (default: the embedded bundle's).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const budget = 350 * 1024;
const dir = process.argv[2] ?? fileURLToPath(new URL('../../server/web/app/dist', import.meta.url));
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const refs = [...html.matchAll(/(?:src|href)="\/ui\/([^"]+)"/g)].map((m) => m[1]);
let total = gzipSync(html, { level: 9 }).length;
const lines = [];
for (const ref of refs) {
  const n = gzipSync(readFileSync(join(dir, ref)), { level: 9 }).length;
  lines.push(`  ${ref}: ${(n / 1024).toFixed(1)} KB`);
  total += n;
}
console.log(`first load, gzip: ${(total / 1024).toFixed(1)} KB of ${budget / 1024} KB\n${lines.join('\n')}`);
if (total > budget) {
  console.error('the first load is over its budget');
  process.exit(1);
}
