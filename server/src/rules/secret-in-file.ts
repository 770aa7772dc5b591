import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Pair, Scalar, YAMLMap } from 'yaml';
import type { LandscapeDocument } from '../core/document';
import { DocEditor } from '../core/edits';
import type { NodePath } from '../core/types';
import { SOLMAN_SETUP_RFC_CONNECTIVITY, TASK_LIST_OSS_COMM } from '../knowledge';
import type { Rule, RuleFinding } from './rule';

/** Where the guide has the password entered: STC01 (task list), SOLMAN_SETUP (5.1) and SM59. */
const PASSWORD_PLACES = `${TASK_LIST_OSS_COMM.transaction}, ${SOLMAN_SETUP_RFC_CONNECTIVITY.transaction}, SM59`;

/**
 * Key names that hold credentials: passwords (password, passwd, pwd, passphrase, a bare "pass"),
 * secrets (client_secret …), tokens, API keys, private keys and credentials.
 */
const SECRET_KEY = /password|passwd|passphrase|pwd|secret|token|api[-_]?key|private[-_]?key|credential|^pass$/i;

/**
 * Maps whose keys are names chosen by the user (SIDs, track names, user ids, destination names,
 * component names): a name such as SID "PWD" is not a secret. Paths use '*' for any key.
 */
const NAME_MAPS: readonly (readonly string[])[] = [
  ['systems'],
  ['tracks'],
  ['communicationUsers'],
  ['systems', '*', 'components'],
  ['systems', '*', 'destinations'],
  ['systems', '*', 'profile'],
];

function matches(pattern: readonly string[], path: NodePath): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]);
}

/** Whether the key names something (a SID, a destination, a profile parameter) rather than a field. */
function isName(mapPath: NodePath, key: string, value: unknown): boolean {
  const map = NAME_MAPS.find((p) => matches(p, mapPath));
  if (!map) return false;
  const last = map[map.length - 1];
  // component names and RZ11 profile parameters (login/min_password_lng …) are SAP names;
  // a profile key without a '/' is no SAP parameter, so it is checked
  if (last === 'components') return true;
  if (last === 'profile') return key.includes('/');
  // an entry (a map or list) under its name; a scalar directly under the name map is not an entry
  return value === null || isMap(value) || isSeq(value);
}

function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) && (pair.key as Scalar).value !== null ? String((pair.key as Scalar).value) : undefined;
}

/** The `systems` maps of the document's root (two when the key is written twice). */
function systemsMaps(doc: LandscapeDocument): YAMLMap[] {
  const root = doc.yaml?.contents as YamlNode | null | undefined;
  if (!isMap(root)) return [];
  return root.items.filter((p): p is Pair<unknown, YAMLMap> => isPair(p) && keyText(p) === 'systems' && isMap(p.value)).map((p) => p.value as YAMLMap);
}

/**
 * One walk over the keys of a subtree, reporting keys that look like credentials. Aliases are not
 * followed: the anchored node is visited where it is defined. `skipSystems` (the outside walk)
 * checks the SIDs themselves but does not enter the entries of those systems.
 */
class SecretScan {
  private readonly editor: DocEditor;
  private readonly seen = new Set<YamlNode>();
  // one path, extended and shortened in place while walking: a copy is made only for a finding
  private readonly path: (string | number)[] = [];

  constructor(private readonly doc: LandscapeDocument, private readonly out: RuleFinding[], private readonly skipSystems?: ReadonlyMap<string, unknown>) {
    this.editor = new DocEditor(doc);
  }

  /** Walks the value of a pair whose key is at `path` (the pair's key itself is not checked). */
  below(item: Pair, path: readonly (string | number)[], depth: number): void {
    if (!isMap(item.value) && !isSeq(item.value)) return;
    this.path.push(...path);
    this.walk(item.value, depth);
    this.path.length = 0;
  }

  walk(node: unknown, depth: number): void {
    const { path, seen } = this;
    if (depth > 200 || !node || typeof node !== 'object' || seen.has(node as YamlNode)) return;
    seen.add(node as YamlNode);
    if (isMap(node)) {
      const inSystems = this.skipSystems !== undefined && depth === 1 && path.length === 1 && path[0] === 'systems';
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = keyText(item);
        if (key === undefined) continue;
        if (SECRET_KEY.test(key) && !isName(path, key, item.value)) this.report(item, key);
        // a system's entry is the per-system walk's (check)
        if (inSystems && this.skipSystems!.has(key)) continue;
        // scalars have nothing below them
        if (isMap(item.value) || isSeq(item.value)) {
          path.push(key);
          this.walk(item.value, depth + 1);
          path.pop();
        }
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        if (!isMap(item) && !isSeq(item)) return;
        path.push(i);
        this.walk(item, depth + 1);
        path.pop();
      });
    }
  }

  private report(item: Pair, key: string): void {
    const { doc } = this;
    const here = [...this.path, key];
    const sid = here[0] === 'systems' && here.length > 2 ? String(here[1]) : null;
    const r = (item.key as Scalar).range;
    const range = r ? doc.lines.range(r[0], r[1]) : doc.rangeFor(here);
    this.out.push({
      message: `Key "${key}" looks like a credential: never store passwords, secrets or tokens in a landscape file — remove it and enter the password only in the system (${PASSWORD_PLACES}); if it was committed, reset it`,
      range,
      system: sid,
      data: { key, path: here },
      fixes: [{ title: `Remove ${key}`, edits: this.editor.removeKey(here), isPreferred: true }].filter((f) => f.edits.length > 0),
    });
  }
}

/**
 * Spec §2 "Landscape-wide": credentials never belong in a landscape file. Passwords of technical
 * communication users are entered only in the systems (STC01, SOLMAN_SETUP, SM59).
 */
export const rule: Rule = {
  // each system's keys are its own; the rest of the file is checkOutside's
  scope: 'system',
  meta: {
    id: 'secret-in-file',
    title: 'Credential stored in the landscape file',
    severity: 'error',
    section: '2.3, 5.1 (landscape-wide)',
    description: [
      'Reports any key, anywhere in the file, whose name looks like a credential: `password`, `passwd`, `pwd`, `passphrase`,',
      '`secret`, `token`, `apiKey`/`api_key`, `privateKey`, `credential`… — including keys the schema does not know.',
      '',
      'A landscape file is shared, versioned and reviewed; a password in it is a leaked password. The passwords of technical',
      `communication users are entered only where the guide says: in task list ${TASK_LIST_OSS_COMM.name} (${TASK_LIST_OSS_COMM.transaction}), in`,
      `${SOLMAN_SETUP_RFC_CONNECTIVITY.transaction} ("Password" of the user logon information, guide 5.1) and in SM59. They do not expire (guide 2.3), so a`,
      'leaked one stays valid until someone resets it — reset it in the Technical Communication User app if it was committed.',
      '',
      'Names are not credentials: SIDs, track names, user ids, destination and component names, and RZ11 profile parameters',
      '(such as `login/min_password_lng`) are not reported.',
      '',
      'The quick-fix removes the key with its value.',
    ].join('\n'),
    badExample: [
      'landscape: Example',
      'systems:',
      '  EDV:',
      '    role: abap',
      '    connection: none',
      '    noteAssistant: { enabled: false }',
      '    profile:',
      '      password: Welcome1',
      '',
    ].join('\n'),
    goodExample: [
      'landscape: Example',
      'systems:',
      '  EDV:',
      '    role: abap',
      '    connection: none',
      '    noteAssistant: { enabled: false }',
      '    profile:',
      '      login/min_password_lng: 8',
      '',
    ].join('\n'),
    fixable: true,
  },

  // the keys inside each system's entry: cached per system by the incremental engine
  check({ doc, model }) {
    const out: RuleFinding[] = [];
    const sids = new Set(model.systems.map((s) => s.sid));
    const scan = new SecretScan(doc, out);
    for (const systems of systemsMaps(doc)) {
      for (const item of systems.items) {
        if (!isPair(item)) continue;
        const key = keyText(item);
        if (key !== undefined && sids.has(key)) scan.below(item, ['systems', key], 2);
      }
    }
    return out;
  },

  // everything else: the landscape's own keys, users, tracks and the SIDs themselves
  checkOutside({ doc, model }) {
    const out: RuleFinding[] = [];
    const root = doc.yaml?.contents as YamlNode | null | undefined;
    if (root) new SecretScan(doc, out, model.systemsById).walk(root, 0);
    return out;
  },
};
