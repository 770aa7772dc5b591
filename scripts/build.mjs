// Bundles the extension, the language server and the CLI with esbuild (dist/), and copies the
// rule documentation next to them so that diagnostic links work from the bundles.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow (the bundle
  // then fails with "Cannot find module './impl/format'"): bundle its ES module build instead
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

mkdirSync('dist', { recursive: true });
await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
console.log(`built dist/ (${production ? 'production' : 'development'})`);
