#!/usr/bin/env node
// Measures the CLI's --fix on generated landscapes (scripts/gen-landscape.mjs): the time of a plain
// check, of --fix-dry-run and of --fix (each a fresh copy), the findings before and after, the
// rounds, and whether a second --fix changes anything. Informational; medians of N runs.
//
//   npm run build && node scripts/bench-fix.mjs [--systems 200,1000] [--runs 3]
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateLandscape } from './gen-landscape.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const sizes = arg('--systems', '200,1000').split(',').map(Number);
const runs = Number(arg('--runs', '3'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, r };
};
const problems = (r) => JSON.parse(r.stdout || r.stderr).summary;

const tmp = mkdtempSync(join(tmpdir(), 'll-bench-fix-'));
try {
  console.log('| systems | size | check | --fix-dry-run | --fix | problems before → after | second --fix |');
  console.log('|---|---|---|---|---|---|---|');
  for (const n of sizes) {
    const src = join(tmp, `g${n}.landscape.yaml`);
    writeFileSync(src, generateLandscape({ systems: n, seed: 1 }).text);
    const file = join(tmp, `w${n}.landscape.yaml`);
    const check = [], dry = [], fix = [];
    let before, after, second;
    for (let i = 0; i < runs; i++) {
      const c = time(['--format', 'json', src]);
      check.push(c.ms);
      before = problems(c.r);
      dry.push(time(['--fix-dry-run', src, '--format', 'json', '-o', join(tmp, 'dry.json')]).ms);
      copyFileSync(src, file);
      const f = time(['--fix', '--format', 'json', file]);
      fix.push(f.ms);
      after = problems(f.r);
      const fixed = readFileSync(file, 'utf8');
      time(['--fix', file]);
      second = readFileSync(file, 'utf8') === fixed ? 'no change' : 'CHANGED';
    }
    const total = (s) => s.errors + s.warnings + s.infos + s.hints;
    const kb = Math.round(readFileSync(src).length / 1024);
    console.log(`| ${n} | ${kb} KiB | ${median(check).toFixed(0)} ms | ${median(dry).toFixed(0)} ms | ${median(fix).toFixed(0)} ms | ${total(before)} → ${total(after)} | ${second} |`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
