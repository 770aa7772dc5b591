#!/usr/bin/env node
// Generates a realistic landscape definition file of N systems, deterministic for a seed.
//
//   node scripts/gen-landscape.mjs --systems 5000 [--seed 1] [-o file] [--schema path] [--defects 0.3]
//
// Importable: import { generateLandscape } from './gen-landscape.mjs';
//   generateLandscape({ systems: 5000, seed: 1 }) → { text, systems: [{ sid, role, track, line, descriptionLine, defects }], ... }
//
// Shape (see docs/benchmark.md): blocks of 200 systems, each with one SAP Solution Manager
// (role solman) first, then transport tracks of three ABAP systems (DEV → QAS → PRD, one product
// and SAP_BASIS level per track; the QAS of some tracks and the PRD of a few connect through the
// block's Solution Manager via `managedBy`), and the rest as stand-alone sandboxes
// (`connection: none`). One technical communication user per track, Solution Manager and sandbox
// (about a third as many users as systems). About 30 % of the systems carry one to three defects
// (missing SAP Notes, an old SAP_BASIS, legacy destinations, missing root certificates, no task
// list, no communication user, …); the others follow the examples that pass every rule. 1,000
// systems are about 1.1 MB and 43,000 lines. Every file is valid YAML and valid against
// schemas/landscape.schema.json.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/** Deterministic PRNG (mulberry32). */
function prng(seed) {
  let a = (Number(seed) >>> 0) || 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The i-th SID: a letter and two letters/digits (33,696 distinct ones). */
export function sid(i) {
  if (i >= 26 * 36 * 36) throw new Error(`at most ${26 * 36 * 36} systems`);
  return DIGITS[10 + Math.floor(i / 1296)] + DIGITS[Math.floor(i / 36) % 36] + DIGITS[i % 36];
}

const CAS = [
  'VeriSign Class 3 Public Primary Certification Authority - G5',
  'DigiCert Global Root CA',
  'DigiCert Global Root G2',
  'DigiCert High Assurance EV Root CA',
];
const CIPHERS = '"150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH"';

/**
 * Products of a track, each at a SAP_BASIS level whose clean state is taken from the examples
 * (acme EDV/EQA, clean ECD, acme S4D): a system built from it without defects passes every rule.
 */
const PRODUCTS = [
  { name: 'ERP', label: 'SAP ERP 6.0 EHP7', weight: 35, basis: '731 SP19', stPi: '2008_1_710 SP20', stApi: '01T_731 SP01', spam: 71, download: 'rfc',
    extra: { SAP_ABA: '731 SP19', SAP_APPL: '617 SP12', SAP_HR: '608 SP45' }, notes: [2576306, 2738426, 2781565], saposs: true, saprouter: true, old: '702 SP17' },
  { name: 'S4', label: 'SAP S/4HANA 1909', weight: 30, basis: '754 SP02', stPi: '740 SP12', stApi: '01U_731 SP00', spam: 75, download: 'download-service',
    extra: { SAP_ABA: '75E SP02', S4CORE: '104 SP02', SAP_UI: '754 SP03' }, notes: [2738426, 2781565], old: '740 SP08' },
  { name: 'BW', label: 'SAP BW 7.50', weight: 20, basis: '750 SP08', stPi: '740 SP10', stApi: '01T_731 SP01', spam: 72, download: 'download-service',
    extra: { SAP_ABA: '750 SP08', SAP_BW: '750 SP08', SAP_UI: '750 SP10' }, notes: [2576306, 2738426, 2781565], old: '740 SP08' },
  { name: 'CRM', label: 'SAP CRM 7.0 EHP3', weight: 15, basis: '731 SP19', stPi: '2008_1_710 SP20', stApi: '01T_731 SP01', spam: 71, download: 'rfc',
    extra: { SAP_ABA: '731 SP19', BBPCRM: '713 SP15', WEBCUIF: '747 SP15' }, notes: [2576306, 2738426, 2781565], saposs: true, saprouter: true, old: '702 SP17' },
];
const STAGES = [['DEV', 'development'], ['QAS', 'quality assurance'], ['PRD', 'production']];

/** Defects a system of each kind may get (each one a realistic half-done preparation step). */
const DIRECT_DEFECTS = ['missing-note', 'old-basis', 'legacy-destination', 'missing-certificates', 'no-task-list', 'trust-anchors', 'no-comm-user', 'no-ciphersuite', 'download-channel', 'old-st-pi'];
const MANAGED_DEFECTS = ['missing-note', 'old-basis', 'trust-anchors', 'no-comm-user'];
const SOLMAN_DEFECTS = ['solman-sps07', 'missing-certificates', 'no-task-list'];

function pick(rnd, list) {
  return list[Math.floor(rnd() * list.length)];
}

function weighted(rnd, list) {
  const total = list.reduce((s, p) => s + p.weight, 0);
  let r = rnd() * total;
  for (const p of list) {
    r -= p.weight;
    if (r < 0) return p;
  }
  return list[list.length - 1];
}

/** 0 to 3 distinct defects: none for 1 - rate of the systems. */
function defectsFor(rnd, rate, candidates) {
  if (rnd() >= rate) return [];
  const count = 1 + (rnd() < 0.35 ? 1 : 0) + (rnd() < 0.1 ? 1 : 0);
  const out = new Set();
  while (out.size < Math.min(count, candidates.length)) out.add(pick(rnd, candidates));
  return [...out];
}

function userId(u) {
  return `S${String(23400000 + u).padStart(10, '0')}`;
}

/**
 * A landscape of `systems` systems. Options: seed (default 1), defectRate (default 0.3), schema
 * (a path or URL: adds a `# yaml-language-server: $schema=…` first line), name (landscape name).
 */
export function generateLandscape({ systems: n = 1000, seed = 1, defectRate = 0.3, schema, name } = {}) {
  if (!Number.isInteger(n) || n < 1) throw new Error(`systems must be a positive integer, not ${n}`);
  const rnd = prng(seed);
  const head = [];
  if (schema) head.push(`# yaml-language-server: $schema=${schema}`, '#');
  head.push(
    `# Generated landscape: ${n} systems, seed ${seed} (scripts/gen-landscape.mjs).`,
    '# One SAP Solution Manager per 200 systems, transport tracks of three systems',
    '# (development, quality assurance, production), stand-alone sandboxes; about',
    `# ${Math.round(defectRate * 100)} % of the systems are not ready yet.`,
    '',
    `landscape: ${name ?? `Generated landscape (${n} systems)`}`,
    '',
  );

  // ---- plan: which system is what ---------------------------------------------------------
  /** @type {{ sid: string, role: string, kind: string, block: number, track?: string, stage?: number, product?: object, user?: number, solman?: string, defects: string[] }[]} */
  const plan = [];
  const users = [];
  const tracks = [];
  let next = 0;
  for (let block = 0; next < n; block++) {
    const size = Math.min(200, n - next);
    const sol = sid(next);
    const solUser = users.push({ description: `SAP Solution Manager ${sol}` }) - 1;
    plan.push({ sid: sol, role: 'solman', kind: 'solman', block, user: solUser, defects: defectsFor(rnd, defectRate, SOLMAN_DEFECTS) });
    next++;
    let left = size - 1;
    while (left >= 3) {
      const product = weighted(rnd, PRODUCTS);
      const trackName = `${product.name}-${String(tracks.length + 1).padStart(4, '0')}`;
      const sids = [sid(next), sid(next + 1), sid(next + 2)];
      const user = users.push({ description: `track ${trackName} (${sids.join('-')})` }) - 1;
      tracks.push({ name: trackName, sids });
      // the QAS of about a third of the tracks and the PRD of a tenth report through Solution Manager
      const managed = [false, rnd() < 0.35, rnd() < 0.1];
      for (let stage = 0; stage < 3; stage++) {
        const kind = managed[stage] ? 'managed' : 'direct';
        plan.push({ sid: sids[stage], role: 'abap', kind, block, track: trackName, stage, product, user, solman: sol,
          defects: defectsFor(rnd, defectRate, kind === 'managed' ? MANAGED_DEFECTS : DIRECT_DEFECTS) });
      }
      next += 3;
      left -= 3;
    }
    for (; left > 0; left--) {
      const product = weighted(rnd, PRODUCTS);
      const s = sid(next++);
      const user = users.push({ description: `sandbox ${s}` }) - 1;
      plan.push({ sid: s, role: 'abap', kind: 'sandbox', block, product, user, defects: defectsFor(rnd, defectRate, ['missing-note', 'trust-anchors']) });
    }
  }

  // ---- text ----------------------------------------------------------------------------------
  const lines = [...head];
  lines.push('# Technical communication users (SAP Note 2174416): one per track and central system.', 'communicationUsers:');
  users.forEach((u, i) => lines.push(`  ${userId(i)}: { description: ${u.description} }`));
  lines.push('', '# Transport routes (STMS), source system first.', tracks.length ? 'tracks:' : 'tracks: {}');
  for (const t of tracks) lines.push(`  ${t.name}: [${t.sids.join(', ')}]`);
  lines.push('', 'systems:');

  const out = [];
  for (const s of plan) {
    const info = { sid: s.sid, role: s.role, kind: s.kind, track: s.track, stage: s.stage, defects: s.defects, line: 0, descriptionLine: 0 };
    const d = new Set(s.defects);
    const user = userId(s.user);
    lines.push('');
    if (s.kind === 'solman') {
      lines.push(`  # central monitoring, block ${s.block + 1}`);
      info.line = lines.length;
      lines.push(`  ${s.sid}:`, '    role: solman');
      info.descriptionLine = lines.length;
      lines.push(`    description: SAP Solution Manager 7.2 (block ${s.block + 1})`,
        `    release: 7.2 ${d.has('solman-sps07') ? 'SPS07' : 'SPS08'}`, '    basis: 740 SP20', '    components:', '      ST: 720 SP08', '      ST-PI: 740 SP10',
        '    spam: 71', '    noteAssistant:', '      download: download-service', '      trustAnchors: true', '    notes: [2781565]',
        `    taskLists: [${d.has('no-task-list') ? '' : 'SAP_SUPPORT_HUB_CONFIG'}]`, `    communicationUser: ${user}`,
        '    profile:', `      ssl/client_ciphersuites: ${CIPHERS}`, '    certificates:                   # Solution Manager: both SSL client PSEs');
      for (const pse of ['sslClientStandard', 'sslClientAnonymous']) {
        lines.push(`      ${pse}:`);
        for (const ca of d.has('missing-certificates') && pse === 'sslClientAnonymous' ? CAS.slice(1, 3) : CAS) lines.push(`        - ${ca}`);
      }
      lines.push('    solmanSetup:                    # SOLMAN_SETUP > System Preparation > 3.1 RFC Connectivity',
        `      backendUser: ${user}`, `      communicationUser: S${String(1234567 + s.block).padStart(10, '0')}`);
      out.push(info);
      continue;
    }
    const p = s.product;
    const basis = d.has('old-basis') ? p.old : p.basis;
    const oldAbap = /^70/.test(basis);
    let notes = d.has('old-basis') && oldAbap ? [2408073, 2546220, 2508268, 2738426, 2781565] : [...p.notes];
    if (d.has('missing-note')) notes = notes.filter((x) => x !== 2738426);
    if (s.kind === 'sandbox') lines.push(`  # sandbox (${p.label}), no connection to SAP`);
    else if (s.stage === 0) lines.push(`  # track ${s.track}: ${p.label}`);
    info.line = lines.length;
    lines.push(`  ${s.sid}:`, '    role: abap');
    info.descriptionLine = lines.length;
    const stage = s.kind === 'sandbox' ? 'sandbox' : STAGES[s.stage][1];
    lines.push(`    description: ${p.name} ${stage}${s.track ? ` (track ${s.track})` : ''}`);
    if (s.kind === 'managed') lines.push('    connection: solman', `    managedBy: ${s.solman}`);
    else lines.push(`    connection: ${s.kind === 'sandbox' ? 'none' : 'direct'}`);
    lines.push(`    basis: ${basis}`, '    components:',
      `      ST-PI: ${d.has('old-st-pi') || (d.has('old-basis') && oldAbap) ? '2008_1_700 SP18' : p.stPi}`, `      ST-A/PI: ${p.stApi}`);
    for (const [k, v] of Object.entries(p.extra)) lines.push(`      ${k}: ${v}`);
    const download = d.has('download-channel') ? (p.download === 'rfc' ? 'http' : 'rfc') : p.download;
    lines.push(`    spam: ${p.spam}`, '    noteAssistant:', '      tci: true', `      download: ${download}`,
      `      trustAnchors: ${d.has('trust-anchors') ? 'false' : 'true'}`);
    if (s.kind === 'direct') {
      lines.push('    notes:');
      for (const note of notes) lines.push(`      - ${note}`);
    } else {
      lines.push(`    notes: [${notes.join(', ')}]`);
    }
    if (!d.has('no-comm-user')) lines.push(`    communicationUser: ${user}`);
    if (s.kind !== 'direct') {
      out.push(info);
      continue;
    }
    lines.push(`    taskLists: [${d.has('no-task-list') ? '' : 'SAP_BASIS_CONFIG_OSS_COMM'}]`, '    profile:');
    if (!d.has('no-ciphersuite')) lines.push(`      ssl/client_ciphersuites: ${CIPHERS}`);
    lines.push('      ssl/ciphersuites: "135:PFS:HIGH::EC_P256:EC_HIGH"', '      ssl/client_sni_enabled: "TRUE"', '      icm/HTTPS/client_sni_enabled: "TRUE"',
      '    certificates:', '      sslClientStandard:');
    for (const ca of d.has('missing-certificates') ? CAS.slice(1, 3) : CAS) lines.push(`        - ${ca}`);
    const logon = d.has('legacy-destination') && p.saposs ? 'OSS_RFC' : user;
    lines.push('    destinations:');
    if (p.saposs) lines.push('      SAPOSS:', '        type: "3"', `        user: ${logon}`);
    if (d.has('legacy-destination')) lines.push('      SDCC_OSS: { type: "3" }');
    lines.push('      SAP-SUPPORT_PORTAL:', '        type: H', `        user: ${user}`, '      SAP-SUPPORT_PARCELBOX:', '        type: G', `        user: ${user}`,
      '    sdccn:', '      destinations:', `        - ${d.has('legacy-destination') ? 'SDCC_OSS' : 'SAP-SUPPORT_PORTAL'}`,
      `      tasksRecreated: ${d.has('legacy-destination') ? 'false' : 'true'}`);
    if (p.saprouter || /^7[0-3]/.test(basis)) lines.push('    saprouter:', '      checked: true                 # SAP Note 2750491');
    out.push(info);
  }
  const text = lines.join('\n') + '\n';
  return {
    text,
    systems: out,
    communicationUsers: users.length,
    tracks: tracks.length,
    defective: out.filter((s) => s.defects.length).length,
    lines: lines.length,
    bytes: Buffer.byteLength(text, 'utf8'),
  };
}

function main(argv) {
  const opts = { systems: 1000, seed: 1, defectRate: 0.3 };
  let output;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--systems' || a === '-n') opts.systems = Number(value());
    else if (a === '--seed') opts.seed = Number(value());
    else if (a === '--defects') opts.defectRate = Number(value());
    else if (a === '--schema') opts.schema = value();
    else if (a === '--name') opts.name = value();
    else if (a === '-o' || a === '--output') output = value();
    else if (a === '-h' || a === '--help') {
      process.stdout.write('Usage: node scripts/gen-landscape.mjs --systems N [--seed S] [--defects 0.3] [--schema path] [-o file]\n');
      return 0;
    } else throw new Error(`unknown option ${a}`);
  }
  if (!Number.isInteger(opts.seed)) throw new Error('--seed takes an integer');
  if (!(opts.defectRate >= 0 && opts.defectRate <= 1)) throw new Error('--defects takes a fraction between 0 and 1');
  const g = generateLandscape(opts);
  if (output) {
    writeFileSync(output, g.text);
    process.stderr.write(`${output}: ${opts.systems} systems (${g.defective} with defects), ${g.tracks} tracks, ${g.communicationUsers} communication users, ${g.lines} lines, ${(g.bytes / 1e6).toFixed(2)} MB\n`);
  } else process.stdout.write(g.text);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`gen-landscape: ${e.message}\n`);
    process.exitCode = 2;
  }
}
