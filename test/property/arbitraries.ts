import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import type { Parameters as FcParameters, IProperty, RunDetails } from 'fast-check';
import { ROOT } from '../support/helpers';

/**
 * Generators of landscape files for the property tests: systems built from the vocabulary of the
 * guide (so the rules find something to say and their fixes run), written in every style a user
 * writes YAML in (block, flow on one line, flow over lines, JSON, CRLF, comments everywhere,
 * quoted and multi-line descriptions, anchors and aliases), then optionally damaged.
 * The generators use plain values typed in here, never the knowledge tables of the product.
 */

export interface GeneratedSystem {
  sid: string;
  fields: [string, FieldValue][];
}

type FieldValue = string | number | boolean | string[] | number[] | { [k: string]: FieldValue };

const BASIS = ['700 SP30', '702 SP19', '731 SP19', '731 SP27', '740 SP10', '740 SP20', '750 SP01', '750 SP07', '752 SP04', '754 SP00', '757 SP01'];
const ST_PI = ['2008_1_700 SP18', '2008_1_710 SP20', '740 SP08', '740 SP12'];
const ST_A_PI = ['01T_731 SP00', '01T_731 SP01', '01U_731 SP02'];
const NOTES = [2576306, 2738426, 2781565, 2408073, 2546220, 2508268, 2836302, 2827658, 2620478, 2693366, 1, 2174416];
const TASK_LISTS = ['SAP_BASIS_CONFIG_OSS_COMM', 'SAP_SUPPORT_HUB_CONFIG', 'SAP_BASIS_SDCC_CONFIG'];
const CAS = ['VeriSign Class 3 Public Primary Certification Authority - G5', 'DigiCert Global Root CA', 'DigiCert Global Root G2', 'DigiCert High Assurance EV Root CA'];
const DESTS = ['SAPOSS', 'SAP-OSS', 'SDCC_OSS', 'SAPNET_RTCC', 'SAP-SUPPORT_PORTAL', 'SAP-SUPPORT_PARCELBOX', 'SAP-SUPPORT_NOTE_DOWNLOAD', 'SAPCOSS'];
const USERS = ['S0023456789', 'S0023456790', 'S00111,11', 'OSS_RFC', 'S0099'];
const CIPHERS = ['150:PFS:HIGH:MEDIUM:+e3DES::EC_P256:EC_HIGH', 'HIGH', '135:PFS:HIGH::EC_P256:EC_HIGH'];
/** Texts that break naive quoting: flow indicators, comment marks, colons, quotes, unicode. */
const TEXTS = ['ERP development', 'BW: prod', 'a # not a comment', 'x, y', '[draft]', '{x}', "it's", 'say "hi"', 'ünïcödé 😀', '- dash', 'yes', '123', 'toString', '__proto__', ''];

const sidArb = fc.tuple(fc.constantFrom(...'ABCDEFGHSTX'), fc.constantFrom(...'ABDEPQRW0123456789'), fc.constantFrom(...'ABDEPQRW0123456789')).map((c) => c.join(''));

const systemArb: fc.Arbitrary<GeneratedSystem> = fc.record({
  sid: sidArb,
  role: fc.constantFrom('abap', 'abap', 'abap', 'solman', 'frun', 'bogus'),
  connection: fc.option(fc.constantFrom('direct', 'solman', 'frun', 'none'), { nil: undefined }),
  description: fc.option(fc.constantFrom(...TEXTS), { nil: undefined }),
  basis: fc.option(fc.constantFrom(...BASIS, '731SP19'), { nil: undefined }),
  release: fc.option(fc.constantFrom('7.1', '7.2', '7.2 SPS07', '7.2 SPS12', '1.0', '2.0', '3.0 FP01'), { nil: undefined }),
  components: fc.option(fc.record({ 'ST-PI': fc.constantFrom(...ST_PI), 'ST-A/PI': fc.constantFrom(...ST_A_PI) }, { requiredKeys: [] }), { nil: undefined }),
  noteAssistant: fc.option(fc.record({ tci: fc.boolean(), download: fc.constantFrom('rfc', 'http', 'download-service'), trustAnchors: fc.boolean() }, { requiredKeys: [] }), { nil: undefined }),
  notes: fc.option(fc.uniqueArray(fc.constantFrom(...NOTES), { maxLength: 5 }), { nil: undefined }),
  taskLists: fc.option(fc.uniqueArray(fc.constantFrom(...TASK_LISTS), { maxLength: 3 }), { nil: undefined }),
  communicationUser: fc.option(fc.constantFrom(...USERS), { nil: undefined }),
  profile: fc.option(fc.record({ 'ssl/client_ciphersuites': fc.constantFrom(...CIPHERS) }), { nil: undefined }),
  certificates: fc.option(fc.record({ sslClientStandard: fc.uniqueArray(fc.constantFrom(...CAS), { maxLength: 4 }), sslClientAnonymous: fc.uniqueArray(fc.constantFrom(...CAS), { maxLength: 4 }) }, { requiredKeys: [] }), { nil: undefined }),
  destinations: fc.option(fc.dictionary(fc.constantFrom(...DESTS), fc.record({ type: fc.constantFrom('3', 'H', 'G'), user: fc.constantFrom(...USERS) }, { requiredKeys: [] }), { maxKeys: 3 }), { nil: undefined }),
  sdccn: fc.option(fc.record({ destinations: fc.uniqueArray(fc.constantFrom(...DESTS), { maxLength: 2 }), tasksRecreated: fc.boolean() }, { requiredKeys: [] }), { nil: undefined }),
  saprouter: fc.option(fc.record({ checked: fc.boolean() }), { nil: undefined }),
  typo: fc.option(fc.constantFrom('conection', 'basiss', 'note', 'tasklists'), { nil: undefined }),
}).map((r) => {
  const fields: [string, FieldValue][] = [['role', r.role]];
  const add = (k: string, v: FieldValue | undefined): void => {
    if (v !== undefined) fields.push([k, v]);
  };
  add('description', r.description);
  add('connection', r.connection);
  add(r.role === 'abap' ? 'basis' : 'release', r.role === 'abap' ? r.basis : r.release);
  add('components', r.components as FieldValue | undefined);
  add('noteAssistant', r.noteAssistant as FieldValue | undefined);
  add('notes', r.notes);
  add('taskLists', r.taskLists);
  add('communicationUser', r.communicationUser);
  add('profile', r.profile as FieldValue | undefined);
  add('certificates', r.certificates as FieldValue | undefined);
  add('destinations', r.destinations as FieldValue | undefined);
  add('sdccn', r.sdccn as FieldValue | undefined);
  add('saprouter', r.saprouter as FieldValue | undefined);
  if (r.typo) fields.push([r.typo, 'x']);
  return { sid: r.sid, fields };
});

/** How one map is written. */
type MapStyle = 'block' | 'flow' | 'flow-lines';

interface Style {
  eol: '\n' | '\r\n';
  indent: number;
  comments: boolean;
  quote: 'plain' | 'double' | 'single';
  systemStyles: MapStyle[];
  multiLineDescription: 'none' | 'double' | 'literal' | 'folded';
  sharedCas: boolean;
}

const styleArb: fc.Arbitrary<Style> = fc.record({
  eol: fc.constantFrom('\n' as const, '\n' as const, '\r\n' as const),
  indent: fc.constantFrom(2, 2, 4),
  comments: fc.boolean(),
  quote: fc.constantFrom('plain' as const, 'double' as const, 'single' as const),
  systemStyles: fc.array(fc.constantFrom<MapStyle>('block', 'block', 'block', 'flow', 'flow-lines'), { minLength: 8, maxLength: 8 }),
  multiLineDescription: fc.constantFrom('none' as const, 'none' as const, 'double' as const, 'literal' as const, 'folded' as const),
  sharedCas: fc.boolean(),
});

function yamlScalar(v: string | number | boolean, quote: Style['quote']): string {
  if (typeof v !== 'string') return String(v);
  const plainOk = v !== '' && /^[A-Za-z0-9_][A-Za-z0-9_ ./:-]*$/.test(v) && !/: |:$/.test(v) && !/^(yes|no|true|false|null|on|off|y|n|~)$/i.test(v) && !/^[\d.]+$/.test(v);
  if (quote === 'single') return `'${v.replace(/'/g, "''")}'`;
  if (quote === 'double' || !plainOk) return JSON.stringify(v);
  return v;
}

function flowValue(v: FieldValue, quote: Style['quote']): string {
  if (Array.isArray(v)) return `[${(v as (string | number)[]).map((x) => yamlScalar(x, quote)).join(', ')}]`;
  if (typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${yamlScalar(k, 'plain')}: ${flowValue(x, quote)}`).join(', ')} }`;
  return yamlScalar(v, quote);
}

function blockLines(v: FieldValue, key: string, col: number, s: Style, out: string[], comment: () => string): void {
  const pad = ' '.repeat(col);
  const k = yamlScalar(key, 'plain');
  if (Array.isArray(v) && v.length && typeof v[0] === 'string' && s.comments) {
    out.push(`${pad}${k}:${comment()}`);
    for (const x of v as string[]) out.push(`${pad}${' '.repeat(s.indent)}- ${yamlScalar(x, s.quote)}`);
  } else if (!Array.isArray(v) && typeof v === 'object') {
    if (!Object.keys(v).length) {
      out.push(`${pad}${k}: {}`);
      return;
    }
    out.push(`${pad}${k}:${comment()}`);
    for (const [ck, cv] of Object.entries(v)) blockLines(cv, ck, col + s.indent, s, out, comment);
  } else {
    out.push(`${pad}${k}: ${flowValue(v, s.quote)}${comment()}`);
  }
}

/** Renders generated systems as a YAML landscape file in the given style. */
function renderYaml(systems: GeneratedSystem[], s: Style, commentSeed: number): string {
  let n = commentSeed;
  const comment = (): string => (s.comments && (n++ % 3 === 0) ? ` # note ${n}` : '');
  const out: string[] = [];
  if (s.comments) out.push('# generated landscape', '');
  out.push('landscape: Generated');
  out.push('communicationUsers:', `${' '.repeat(s.indent)}S0023456789: { description: ERP track }`);
  if (s.sharedCas) out.push(`cas: &cas [${CAS.map((c) => JSON.stringify(c)).join(', ')}]`);
  out.push('systems:');
  const pad = ' '.repeat(s.indent);
  systems.forEach((sys, i) => {
    const style = s.systemStyles[i % s.systemStyles.length];
    if (s.comments) out.push(`${pad}# ---- ${sys.sid}`);
    const fields = sys.fields.map(([k, v]) => [k, k === 'certificates' && s.sharedCas ? '*cas-marker' : v] as [string, FieldValue]);
    if (style === 'block') {
      out.push(`${pad}${sys.sid}:${comment()}`);
      for (const [k, v] of fields) {
        if (v === '*cas-marker') out.push(`${pad}${pad}certificates: { sslClientStandard: *cas }`);
        else if (k === 'description' && typeof v === 'string' && s.multiLineDescription !== 'none') {
          if (s.multiLineDescription === 'double') out.push(`${pad}${pad}description: "${v.replace(/["\\]/g, '')} first line`, `${pad}${pad}${pad}and second line"`);
          else out.push(`${pad}${pad}description: ${s.multiLineDescription === 'literal' ? '|' : '>'}`, `${pad}${pad}${pad}${v.replace(/^\s*/, '') || 'text'}`, `${pad}${pad}${pad}# not a comment`, `${pad}${pad}${pad}more`);
        } else blockLines(v, k, s.indent * 2, s, out, comment);
      }
    } else {
      const entries = fields.map(([k, v]) => (v === '*cas-marker' ? 'certificates: { sslClientStandard: *cas }' : `${yamlScalar(k, 'plain')}: ${flowValue(v, s.quote)}`));
      if (style === 'flow') out.push(`${pad}${sys.sid}: { ${entries.join(', ')} }${comment()}`);
      else out.push(`${pad}${sys.sid}: {`, ...entries.map((e, j) => `${pad}${pad}${e}${j < entries.length - 1 ? ',' : ''}`), `${pad}}`);
    }
  });
  if (!systems.length) out[out.length - 1] = 'systems: {}';
  return out.join(s.eol) + s.eol;
}

function renderJson(systems: GeneratedSystem[], indent: number, eol: string): string {
  const obj: Record<string, unknown> = { landscape: 'Generated', communicationUsers: { S0023456789: { description: 'ERP track' } }, systems: {} };
  for (const sys of systems) (obj.systems as Record<string, unknown>)[sys.sid] = Object.fromEntries(sys.fields);
  return JSON.stringify(obj, null, indent).replace(/\n/g, eol) + eol;
}

/** A generated landscape file: its name (the format) and text. */
export interface LandscapeFile {
  uri: string;
  text: string;
}

const systemsArb = fc.uniqueArray(systemArb, { selector: (s) => s.sid, minLength: 1, maxLength: 5 });

/** Well-formed landscape files (the rules' findings and fixes are what is exercised). */
export const landscapeArb: fc.Arbitrary<LandscapeFile> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(systemsArb, styleArb, fc.nat(5)).map(([systems, style, seed]) => ({ uri: 'file:///gen.landscape.yaml', text: renderYaml(systems, style, seed) })) },
  { weight: 1, arbitrary: fc.tuple(systemsArb, fc.constantFrom(2, 4), fc.constantFrom('\n', '\r\n')).map(([systems, indent, eol]) => ({ uri: 'file:///gen.landscape.json', text: renderJson(systems, indent, eol) })) },
);

/** Pieces a user types or a tool pastes: structure, quotes, prototype names, unicode, line breaks. */
const SNIPPETS = ['\n', '\r\n', '\r', ':', ': ', ' ', '  ', '- ', '[', ']', '{', '}', '"', "'", '#', '# c\n', '&a ', '*a', ',', '\t', '? ', '|', '>', 'toString', '__proto__', 'constructor', 'hasOwnProperty', '😀', '\u2028', 'notes: [', '2738426', 'basis: 731 SP', '\ufeff', '%', '@', '!!str ', '<<: '];

/** One random edit: insert a snippet, delete a span, or duplicate a line. */
export const mutationArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  kind: fc.constantFrom('insert', 'insert', 'delete', 'duplicate-line'),
  snippet: fc.constantFrom(...SNIPPETS),
  length: fc.nat(12),
});

export type Mutation = typeof mutationArb extends fc.Arbitrary<infer T> ? T : never;

export function mutate(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  if (m.kind === 'insert') return text.slice(0, at) + m.snippet + text.slice(at);
  if (m.kind === 'delete') return text.slice(0, at) + text.slice(at + m.length);
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const lineEnd = text.indexOf('\n', at);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd + 1);
  return text.slice(0, lineStart) + line + text.slice(lineStart);
}

const EXAMPLES = ['acme.landscape.yaml', 'clean.landscape.yaml', 'clean.landscape.json'].map((name) => ({
  uri: `file:///${name}`,
  text: fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8'),
}));

/** The bundled examples and generated files, each with 0–3 random edits (possibly broken). */
export const mutatedLandscapeArb: fc.Arbitrary<LandscapeFile> = fc.tuple(
  fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...EXAMPLES) }, { weight: 3, arbitrary: landscapeArb }),
  fc.array(mutationArb, { maxLength: 3 }),
).map(([file, ms]) => ({ uri: file.uri, text: ms.reduce(mutate, file.text) }));

/**
 * numRuns and seed for fc.assert: short by default; FUZZ_RUNS / FUZZ_SEED for long runs
 * (npm run fuzz), FUZZ_TIME_LIMIT (seconds) to stop a property early without failing it.
 */
export function fuzzParameters(defaultRuns: number): { numRuns: number; seed?: number; endOnFailure: boolean; interruptAfterTimeLimit?: number; markInterruptAsFailure: boolean } {
  const runs = Number(process.env.FUZZ_RUNS);
  const seed = Number(process.env.FUZZ_SEED);
  const limit = Number(process.env.FUZZ_TIME_LIMIT);
  return {
    numRuns: Number.isInteger(runs) && runs > 0 ? runs : defaultRuns,
    seed: process.env.FUZZ_SEED && Number.isInteger(seed) ? seed : 20261129,
    endOnFailure: true,
    ...(limit > 0 ? { interruptAfterTimeLimit: limit * 1000 } : {}),
    markInterruptAsFailure: false,
  };
}

/**
 * fc.assert with the project's fuzz parameters, telling on long runs (FUZZ_RUNS set) how many
 * cases ran and whether the time limit stopped it — so a campaign reports what it really checked.
 */
export function checkProperty<Ts>(name: string, property: IProperty<Ts>, defaultRuns: number): void {
  const params = fuzzParameters(defaultRuns) as FcParameters<Ts>;
  const details = fc.check(property, params) as RunDetails<Ts>;
  if (process.env.FUZZ_RUNS) {
    console.log(`      [fuzz] ${name}: ${details.numRuns} runs, seed ${details.seed}${details.interrupted ? ' (time limit reached)' : ''}${details.failed ? ' FAILED' : ''}`);
  }
  if (details.failed) throw new Error(fc.defaultReportMessage(details) ?? 'property failed');
}
