// Precompiles schemas/landscape.schema.json into standalone ajv code (server/src/generated/), so
// neither the CLI nor the server compiles the schema at start. Run with `npm run generate`; a
// test fails when the generated file is stale.
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The options the engine validates with; schema.ts's runtime fallback uses the same ones. */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true, allowUnionTypes: true };

export function generateValidator() {
  const Ajv = require('ajv').default;
  const standalone = require('ajv/dist/standalone').default;
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'landscape.schema.json'), 'utf8'));
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  const code = standalone(ajv, ajv.compile(schema));
  return `// @ts-nocheck\n/* eslint-disable */\n// Generated from schemas/landscape.schema.json by scripts/gen-validator.mjs (npm run generate). Do not edit.\n${code}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = join(root, 'server', 'src', 'generated', 'landscapeValidator.ts');
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, generateValidator());
  console.log(`wrote ${target.slice(root.length + 1)}`);
}
