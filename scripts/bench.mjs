// Measures the CLI end to end (process start included) on the realistic example and on a
// generated 1,000-system landscape, and the engine in-process. Prints medians; writes nothing
// into the repository. Usage: npm run build && node scripts/bench.mjs [--runs N] [--systems N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : def; };
const runs = opt('--runs', 7);
const systemCount = opt('--systems', 1000);

function sid(i) {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return letters[Math.floor(i / 36 / 36) % 26] + digits[Math.floor(i / 36) % 36] + digits[i % 36];
}

/** A landscape of N systems: tracks of three ABAP systems with a mix of levels, plus SolMans. */
function generate(n) {
  const lines = ['landscape: Generated benchmark landscape', 'communicationUsers:'];
  const users = Math.ceil(n / 3);
  for (let u = 0; u < users; u++) lines.push(`  S${String(1000000000 + u).padStart(10, '0')}: { description: track ${u} }`);
  lines.push('tracks:');
  for (let t = 0; t < Math.floor(n / 3); t++) lines.push(`  T${t}: [${sid(t * 3 + 100)}, ${sid(t * 3 + 101)}, ${sid(t * 3 + 102)}]`);
  lines.push('systems:');
  const levels = ['731 SP19', '740 SP16', '750 SP12', '702 SP17', '754 SP02'];
  for (let i = 0; i < n; i++) {
    const s = sid(i + 100);
    const user = `S${String(1000000000 + Math.floor(i / 3)).padStart(10, '0')}`;
    lines.push(`  ${s}:`, '    role: abap', '    connection: direct', `    description: generated system ${i}`, `    basis: ${levels[i % levels.length]}`,
      '    components:', '      ST-PI: 2008_1_710 SP18', '      ST-A/PI: 01T_731 SP01',
      '    noteAssistant:', `      download: ${i % 2 ? 'download-service' : 'rfc'}`, '      trustAnchors: true',
      `    notes: [2408073, 2546220${i % 3 ? ', 2738426' : ''}]`, '    taskLists: [SAP_BASIS_CONFIG_OSS_COMM]', `    communicationUser: ${user}`,
      '    profile:', '      ssl/client_ciphersuites: "150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH"',
      '    certificates:', '      sslClientStandard: [DigiCert Global Root CA, DigiCert Global Root G2]',
      '    destinations:', '      SAPOSS: { type: "3", user: OSS_RFC }',
      '    sdccn: { destinations: [SAP-SUPPORT_PORTAL], tasksRecreated: true }');
  }
  return lines.join('\n') + '\n';
}

function median(xs) { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; }

function timeCli(file) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    last = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (last.status !== 0 && last.status !== 1) throw new Error(`CLI failed (${last.status}): ${last.stderr}`);
  }
  const summary = JSON.parse(last.stdout).summary;
  return { ms: median(times), min: Math.min(...times), summary };
}

const dir = mkdtempSync(join(tmpdir(), 'll-bench-'));
const big = join(dir, 'generated.landscape.yaml');
writeFileSync(big, generate(systemCount));
const example = join(root, 'examples', 'acme.landscape.yaml');

const require = createRequire(import.meta.url);
const { lintText } = require(join(root, 'out', 'server', 'src', 'core', 'lint.js'));
function timeEngine(file) {
  const text = readFileSync(file, 'utf8');
  lintText(file, text); // warm-up (schema compile)
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    lintText(file, text);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

const nop = (() => { const t = []; for (let i = 0; i < runs; i++) { const s = process.hrtime.bigint(); spawnSync(process.execPath, ['-e', '0']); t.push(Number(process.hrtime.bigint() - s) / 1e6); } return median(t); })();
const ex = timeCli(example);
const gen = timeCli(big);
const fmt = (n) => `${n.toFixed(0)} ms`;
console.log(`runs per measurement: ${runs} (median), node ${process.version}, ${readFileSync(big).length >> 10} KiB generated file`);
console.log(`node start (no work):               ${fmt(nop)}`);
console.log(`CLI on examples/acme.landscape.yaml: ${fmt(ex.ms)} (min ${fmt(ex.min)}) — ${JSON.stringify(ex.summary)}`);
console.log(`CLI on ${systemCount}-system file:          ${fmt(gen.ms)} (min ${fmt(gen.min)}) — ${gen.summary.errors + gen.summary.warnings + gen.summary.infos} findings`);
console.log(`engine in-process, acme:            ${timeEngine(example).toFixed(1)} ms per lint`);
console.log(`engine in-process, ${systemCount} systems:     ${timeEngine(big).toFixed(1)} ms per lint`);

// Aliases (issue 9): N systems sharing one CA list through an anchor, and 10,000 aliases of one
// value: parsing resolves every alias once per parse, so both stay linear in the file.
function sharedAnchor(n) {
  const lines = ['landscape: Shared anchor', 'communicationUsers: { S0023456789: { description: all } }', 'systems:'];
  for (let i = 0; i < n; i++) {
    lines.push(`  ${sid(i + 100)}:`, '    role: abap', '    connection: direct', '    basis: 750 SP12', '    communicationUser: S0023456789', '    certificates:',
      `      sslClientStandard: ${i === 0 ? '&cas [VeriSign Class 3 Public Primary Certification Authority - G5, DigiCert Global Root CA, DigiCert Global Root G2, DigiCert High Assurance EV Root CA]' : '*cas'}`);
  }
  return lines.join('\n') + '\n';
}
const { codeActions } = require(join(root, 'out', 'server', 'src', 'features', 'codeActions.js'));
function timeText(name, text) {
  const lints = [];
  const fixAlls = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    let t = process.hrtime.bigint();
    const r = lintText(`file:///${name}.landscape.yaml`, text);
    lints.push(Number(process.hrtime.bigint() - t) / 1e6);
    findings = r.findings.length;
    t = process.hrtime.bigint();
    codeActions(r, { textDocument: { uri: 'file:///x' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    fixAlls.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  console.log(`${name.padEnd(35)} ${(text.length >> 10)} KiB: lint ${fmt(median(lints))}, fix-all ${fmt(median(fixAlls))}, ${findings} findings`);
}
timeText('1,000 systems sharing one anchor', sharedAnchor(1000));
timeText('10,000 aliases of one value', `landscape: x\na: &a 1\nb: [${Array(10000).fill('*a').join(', ')}]\nsystems: {}\n`);
