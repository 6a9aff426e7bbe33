// Bundles the action (src/index.ts -> dist/index.js) and the CLI (src/cli.ts -> dist/cli.js) so both run with
// no node_modules: tsc compiles src/ to ESM JavaScript, then ncc bundles it (ncc's own TypeScript loader would
// resolve the ESM-only @actions packages with require conditions). `node scripts/build.mjs OUT_DIR` builds
// elsewhere (the dist check uses it).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ncc = require('@vercel/ncc');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(process.argv[2] ?? path.join(root, 'dist'));

const entries = [
  { input: 'index.js', output: 'index.js', license: 'licenses.txt' },
  { input: 'cli.js', output: 'cli.js', license: 'cli-licenses.txt' },
];

// Inside the package, so that its "type": "module" and node_modules apply to the compiled files; always the
// same folder, because the bundle's module ids derive from the files' paths and dist/ must be reproducible.
const compiled = path.join(root, 'build', 'tsc');
await rm(compiled, { recursive: true, force: true });
await mkdir(compiled, { recursive: true });
execFileSync(
  process.execPath,
  [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', compiled],
  {
    stdio: 'inherit',
  },
);

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
for (const entry of entries) {
  const { code, map, assets } = await ncc(path.join(compiled, entry.input), {
    sourceMap: true,
    sourceMapRegister: false,
    license: entry.license,
    target: 'es2022',
    quiet: true,
    // Names the chunks of dynamic imports after the entry (`225.cli.js`), so that no two entries' chunks meet.
    filename: entry.output,
  });
  const mapName = `${entry.output}.map`;
  const body = code.replace(/\/\/# sourceMappingURL=.*\s*$/, '');
  const shebang = entry.output === 'cli.js' && !body.startsWith('#!') ? '#!/usr/bin/env node\n' : '';
  await writeFile(path.join(outDir, entry.output), `${shebang}${body}\n//# sourceMappingURL=${mapName}\n`, {
    mode: 0o755,
  });
  await writeFile(path.join(outDir, mapName), map);
  for (const [name, asset] of Object.entries(assets)) {
    if (name.endsWith('.map') || name === 'package.json') continue;
    await mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
    await writeFile(path.join(outDir, name), asset.source);
  }
}
await rm(compiled, { recursive: true, force: true });
