#!/usr/bin/env node
// Long runs of the property tests: `npm run fuzz -- --runs N --seed S [--time-limit SECONDS] [--grep TEXT]`.
// `npm test` runs the same properties with a few cases each; this runs N cases per property with
// seed S (fast-check reproduces a failure from the seed and the path it prints). With a time
// limit, each property stops after that many seconds (cases run so far are reported, not failed).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let values;
try {
  ({ values } = parseArgs({
    options: {
      runs: { type: 'string', default: '1000' },
      seed: { type: 'string', default: String(Date.now() % 2 ** 31) },
      'time-limit': { type: 'string' },
      grep: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  console.error(`fuzz: ${e.message}`);
  process.exit(2);
}
if (values.help) {
  console.log('Usage: npm run fuzz -- --runs N --seed S [--time-limit SECONDS] [--grep TEXT] [--no-build]');
  process.exit(0);
}
for (const [name, v] of [['runs', values.runs], ['seed', values.seed], ['time-limit', values['time-limit'] ?? '1']]) {
  if (!/^\d+$/.test(v)) {
    console.error(`fuzz: --${name} takes a whole number, not '${v}'`);
    process.exit(2);
  }
}

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
if (!values['no-build'] && (run('npm', ['run', '--silent', 'build']) || run('npx', ['tsc', '-p', '.']))) process.exit(2);

// every property test of the project: test/property, and the feature and server properties
const specs = [join('out', 'test', 'property'), join('out', 'test', 'features'), join('out', 'test', 'rules'), join('out', 'test', 'lsp')]
  .filter((d) => existsSync(join(root, d)))
  .flatMap((d) => readdirSync(join(root, d)).filter((f) => /(propert|burst).*\.test\.js$/.test(f)).map((f) => join(d, f)));
console.log(`fuzz: ${values.runs} runs per property, seed ${values.seed}${values['time-limit'] ? `, at most ${values['time-limit']} s per property` : ''}: ${specs.join(', ')}`);
const started = Date.now();
const code = run('npx', ['mocha', '--no-config', '--timeout', '0', '--reporter', 'spec', ...(values.grep ? ['--grep', values.grep] : []), ...specs], {
  FUZZ_RUNS: values.runs,
  FUZZ_SEED: values.seed,
  ...(values['time-limit'] ? { FUZZ_TIME_LIMIT: values['time-limit'] } : {}),
});
console.log(`fuzz: ${code === 0 ? 'nothing found' : 'FAILED'} (seed ${values.seed}, ${values.runs} runs per property, ${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(code);
