#!/usr/bin/env node
// Measures `landscape-lint import --dir` on many systems: generates N system folders (default
// 500) with all four exports (copies of the EPR fixtures of test/fixtures/import, SAP_BASIS and
// ST-PI levels varied per system), then times three runs of the built CLI (dist/cli.js, in this
// process, so that its CPU time can be told from the wall time on a shared machine):
//   1. into a new file (every system inserted),
//   2. the same exports again (nothing to change: the idempotence check at scale),
//   3. into the file after the support packages moved on (every system changed in place).
//   node scripts/import-bench.mjs [--systems 500] [--keep]
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const n = Number(args[args.indexOf('--systems') + 1]) || 500;
const keep = args.includes('--keep');
const cli = path.join(ROOT, 'dist', 'cli.js');
if (!fs.existsSync(cli)) { console.error('build first: npm run build'); process.exit(2); }
const { main } = createRequire(import.meta.url)(cli);
const fx = path.join(ROOT, 'test', 'fixtures', 'import', 'EPR');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'll-import-bench-'));
const exportsDir = path.join(base, 'exports');

function sid(i) {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return letters[Math.floor(i / 100) % 26] + String(i % 100).padStart(2, '0');
}

function generate(spShift) {
  fs.rmSync(exportsDir, { recursive: true, force: true });
  const components = fs.readFileSync(path.join(fx, 'components.txt'), 'utf8');
  for (let i = 0; i < n; i++) {
    const d = path.join(exportsDir, sid(i));
    fs.mkdirSync(d, { recursive: true });
    const sp = String(19 + ((i + spShift) % 5)).padStart(4, '0');
    fs.writeFileSync(path.join(d, 'components.txt'), components.replace(/\|731 {7}\|0019/g, `|731       |${sp}`));
    for (const f of ['notes.txt', 'destinations.txt', 'parameters.txt']) fs.copyFileSync(path.join(fx, f), path.join(d, f));
  }
}

/**
 * Runs the CLI in this process (the bundle exports main()): wall time and CPU time (user +
 * system) of the run — on a shared machine the CPU time is the steadier number.
 */
function time(label, target) {
  let out = '';
  let err = '';
  const io = { out: (t) => { out += t + '\n'; }, err: (t) => { err += t + '\n'; }, cwd: base, isTTY: false, env: {} };
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const code = main(['import', target, '--dir', exportsDir], io);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  if (code !== 0) { console.error(err.slice(0, 2000)); throw new Error(`${label}: exit ${code}`); }
  const size = fs.statSync(target).size;
  console.log(`${label.padEnd(44)} ${(ms / 1000).toFixed(2).padStart(6)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2).padStart(6)} s CPU  (${out.split('\n')[0].replace(/^.*: /, '')}; ${(size / 1024).toFixed(0)} KiB)`);
  return ms;
}

generate(0);
const target = path.join(base, 'big.landscape.yaml');
console.log(`import --dir with ${n} systems (4 exports each), node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}`);
time(`1. new file, ${n} systems inserted`, target);
time('2. same exports again (nothing to change)', target);
generate(1);
time(`3. support packages moved on (${n} changed)`, target);
if (keep) console.log(`kept ${base}`); else fs.rmSync(base, { recursive: true, force: true });
