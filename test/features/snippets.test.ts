import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/helpers';
import type { LintResult } from '../../server/src/core/lint';
import { lintText } from '../../server/src/core/lint';
import type { SystemDef } from '../../server/src/core/model';
import { isDirectAbap } from '../../server/src/core/model';
import {
  basisHasDigitalSignature,
  CIPHERSUITE_VALUES,
  ciphersuiteValue,
  DIGITAL_SIGNATURE_NOTES,
  digitalSignatureNotesFor,
  downloadChannelFor,
  frunConnectivity,
  isSUserId,
  legacyDestination,
  newDestination,
  NOTE_CATALOGUE,
  parseBasis,
  parseFrunRelease,
  parseSolmanRelease,
  parseStApi,
  parseStPi,
  PLUGIN_COMPONENTS,
  requiredPsesFor,
  ROOT_CA_CERTIFICATES,
  SDCCN_PROCEDURE,
  solmanConnectivity,
  SPAM_MIN_VERSION_FOR_TCI,
  SSL_CLIENT_CIPHERSUITES_PARAMETER,
  stApiMeetsMinimum,
  stPiMeetsMinimum,
  TASK_LIST_OSS_COMM,
  TASK_LIST_SUPPORT_HUB,
  TASK_LISTS,
  TRUST_ANCHORS,
} from '../../server/src/knowledge';
import { tciState } from '../../server/src/rules/shared';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextMode } from 'vscode-languageserver-types';
import { completion } from '../../server/src/features/completion';
import type { TemplateFormat } from '../../server/src/features/templates';
import { ENTRY_TEMPLATES, renderEntry, renderNewFile, staticSnippets } from '../../server/src/features/templates';
import type { SnippetDef } from './editorTestSupport';
import { bodyOf, expandSnippet, indentBody, readSnippets, withCursor } from './editorTestSupport';

// every template, as written to snippets/landscape-*.json (checked against the templates below)
const YAML = readSnippets('landscape-yaml.json');
const JSON_SNIPPETS = readSnippets('landscape-json.json');

const NEW_FILE = 'Landscape: new file';
const DIRECT = 'Landscape: ABAP system with direct connectivity';
const MANAGED = 'Landscape: ABAP system through Solution Manager or Focused Run';
const SOLMAN = 'Landscape: SAP Solution Manager';
const FRUN = 'Landscape: Focused Run';
const TRACK = 'Landscape: track';
const USER = 'Landscape: communication user';
const SYSTEM_SNIPPETS = [DIRECT, MANAGED, SOLMAN, FRUN];

function expand(s: SnippetDef, values: Record<number, string> = {}): string {
  return expandSnippet(bodyOf(s), values);
}

/** The technical communication users the systems of a landscape text refer to. */
function usersOf(text: string, uri: string): string[] {
  const model = lintText(uri, text, { rules: [] }).model;
  return [...new Set(model.systems.flatMap((s) => [s.communicationUser, s.solmanSetup?.backendUser]).filter((u): u is string => !!u))];
}

/** A minimal landscape around expanded system snippets (YAML), declaring the users they use. */
function yamlHost(systems: string[], extra = ''): string {
  const build = (users: string[]): string =>
    [
      'landscape: Snippet test',
      'communicationUsers:',
      ...users.map((id) => `  ${id}: { description: snippet test }`),
      extra,
      'systems:',
      ...systems.map((s) => `  ${indentBody(s, '  ')}`),
      '',
    ].join('\n');
  return build(usersOf(build([]), 'file:///host.landscape.yaml'));
}

function jsonHost(systems: string[], extra = ''): string {
  const build = (users: string[]): string =>
    [
      '{',
      '  "landscape": "Snippet test",',
      '  "communicationUsers": {',
      users.map((id) => `    ${JSON.stringify(id)}: { "description": "snippet test" }`).join(',\n'),
      '  },',
      extra,
      '  "systems": {',
      systems.map((s) => `    ${indentBody(s, '    ')}`).join(',\n'),
      '  }',
      '}',
      '',
    ].join('\n');
  return build(usersOf(build([]), 'file:///host.landscape.json'));
}

function problems(r: LintResult): string[] {
  return r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.ruleId} ${f.system ?? ''}: ${f.message}`);
}

/** The snippets a system snippet needs beside it (the SolMan that `managedBy` names). */
function companions(name: string): string[] {
  return name === MANAGED ? [SOLMAN] : [];
}

describe('snippets', () => {
  it('the YAML and JSON files offer the same snippets with the same prefixes', () => {
    assert.deepEqual(Object.keys(JSON_SNIPPETS).sort(), Object.keys(YAML).sort());
    for (const name of Object.keys(YAML)) assert.deepEqual(JSON_SNIPPETS[name].prefix, YAML[name].prefix, name);
    for (const name of [NEW_FILE, DIRECT, SOLMAN, FRUN, TRACK, USER]) assert.ok(YAML[name], `missing snippet ${name}`);
  });

  it('issue 14: one prefix per snippet (each prefix is its own completion entry), unique across snippets', () => {
    const prefixes = Object.values(YAML).map((x) => x.prefix);
    for (const p of prefixes) assert.equal(typeof p, 'string', JSON.stringify(p));
    assert.equal(new Set(prefixes).size, prefixes.length);
  });

  it('issue 14: the empty-file message names a snippet that exists, by its prefix and name', () => {
    const msg = lintText('file:///e.landscape.yaml', '').findings.map((f) => f.message).join(' ');
    const m = /type `([^`]+)` and pick the snippet "([^"]+)"/.exec(msg);
    assert.ok(m, msg);
    assert.equal(YAML[m[2]]?.prefix, m[1]);
    assert.equal(m[2], NEW_FILE);
  });

  it('issue 14: new landscape files indent by 2 spaces (configurationDefaults), not the editor\'s 4', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { configurationDefaults: Record<string, Record<string, unknown>> } };
    for (const lang of ['[sap-landscape-yaml]', '[sap-landscape-json]']) {
      assert.equal(pkg.contributes.configurationDefaults[lang]['editor.tabSize'], 2, lang);
      assert.equal(pkg.contributes.configurationDefaults[lang]['editor.insertSpaces'], true, lang);
    }
  });

  it('comment lines of the YAML snippets are indented like the line they describe', () => {
    for (const [name, s] of Object.entries(YAML)) {
      const lines = expand(s).split('\n');
      lines.forEach((line, i) => {
        if (!/^\s*#/.test(line)) return;
        const next = lines.slice(i + 1).find((l) => l.trim() !== '') ?? '';
        assert.equal(line.length - line.trimStart().length, next.length - next.trimStart().length, `${name}: ${line}`);
      });
    }
  });

  it('every placeholder parses and every snippet expands (no `$` left)', () => {
    for (const set of [YAML, JSON_SNIPPETS]) {
      for (const [name, s] of Object.entries(set)) {
        const text = expand(s);
        assert.ok(!/\$\{|\$\d/.test(text), `${name}: ${text}`);
      }
    }
  });

  it('snippets/landscape-*.json are written from the templates (`npm run docs`); VS Code is not given them as snippets (issue 14)', () => {
    for (const format of ['yaml', 'json'] as const) {
      const file = path.join(ROOT, 'snippets', `landscape-${format}.json`);
      assert.equal(fs.readFileSync(file, 'utf8'), JSON.stringify(staticSnippets(format), null, 2) + '\n', `${file} is stale: run npm run docs`);
      for (const t of ENTRY_TEMPLATES) assert.equal(bodyOf(readSnippets(`landscape-${format}.json`)[t.name]), renderEntry(t, format), t.name);
    }
    // VS Code's snippet provider offers contributed snippets at every position (a whole system
    // inside a system): the server's completion offers them where they belong instead
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: Record<string, unknown> };
    assert.equal(pkg.contributes.snippets, undefined);
  });

  it('the plain text of a template (the completion preview) is the snippet expanded with its defaults', () => {
    for (const format of ['yaml', 'json'] as const) {
      for (const t of ENTRY_TEMPLATES) assert.equal(renderEntry(t, format, false), expandSnippet(renderEntry(t, format)), `${format}: ${t.prefix}`);
      assert.equal(renderNewFile(format, false), expandSnippet(renderNewFile(format)), `${format}: new file`);
    }
  });

  describe('entry templates: offered by completion only where the entry belongs (issue 14)', () => {
    const SYSTEMS = [DIRECT, MANAGED, SOLMAN, FRUN].map((n) => YAML[n].prefix as string);
    const at = (marked: string, format: TemplateFormat = 'yaml'): CompletionItem[] => {
      const { text, position } = withCursor(marked);
      return completion(lintText(`file:///t.landscape.${format}`, text), position);
    };
    const snippetLabels = (items: CompletionItem[]): string[] => items.filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => i.label);
    // [case, document with the cursor, format, the templates offered, other items expected there]
    const cases: [string, string, TemplateFormat, string[], boolean][] = [
      ['a new key under systems', 'landscape: T\nsystems:\n  EDV:\n    role: abap\n  |\n', 'yaml', SYSTEMS, false],
      ['a key being typed under systems', 'landscape: T\nsystems:\n  EDV:\n    role: abap\n  sys|\n', 'yaml', SYSTEMS, false],
      ['the first key of an empty systems', 'landscape: T\nsystems:\n  |\n', 'yaml', SYSTEMS, false],
      ['a key under tracks', 'landscape: T\ntracks:\n  |\nsystems:\n  EDV: { role: abap }\n', 'yaml', [YAML[TRACK].prefix as string], false],
      ['a key under communicationUsers', 'landscape: T\ncommunicationUsers:\n  |\n', 'yaml', [YAML[USER].prefix as string], false],
      ['a key inside a system', 'landscape: T\nsystems:\n  EDV:\n    role: abap\n    |\n', 'yaml', [], true],
      ['a key inside a system (typed)', 'landscape: T\nsystems:\n  EDV:\n    role: abap\n    sys|\n', 'yaml', [], true],
      ['a key of a system\'s components', 'landscape: T\nsystems:\n  EDV:\n    role: abap\n    components:\n      |\n', 'yaml', [], true],
      ['a top-level key', 'landscape: T\n|\nsystems:\n  EDV: { role: abap }\n', 'yaml', [], true],
      ['a flow map of systems', 'landscape: T\nsystems: { EDV: { role: abap }, | }\n', 'yaml', [], false],
      ['JSON: a new member of systems', '{\n  "landscape": "T",\n  "systems": {\n    "EDV": { "role": "abap" },\n    |\n  }\n}\n', 'json', SYSTEMS, false],
      ['JSON: a member inside a system', '{\n  "landscape": "T",\n  "systems": {\n    "EDV": {\n      "role": "abap",\n      |\n    }\n  }\n}\n', 'json', [], true],
    ];
    for (const [name, doc, format, expected, others] of cases) {
      it(`${format}: ${name}: ${expected.length ? expected.join(', ') : 'no entry template'}`, () => {
        const items = at(doc, format);
        assert.deepEqual(snippetLabels(items), expected);
        // where no template belongs the other completions stay (the case is not empty by accident)
        if (others) assert.ok(items.length > 0, 'the keys of the context are offered');
      });
    }

    const NEW_FILE_CASES: [string, string, TemplateFormat, boolean][] = [
      ['an empty file', '|', 'yaml', true],
      ['the word typed in an empty file', 'land|', 'yaml', true],
      ['a file of comments and blank lines', '# our landscape\n\n|\n# end\n', 'yaml', true],
      ['an empty JSON file', 'land|', 'json', true],
      ['a file with content', 'landscape: T\n|\n', 'yaml', false],
      ['content after the cursor', '|\nlandscape: T\n', 'yaml', false],
      ['an indented word', '  land|', 'yaml', false],
      ['JSON with content', '{\n  |\n}\n', 'json', false],
      ['JSON after a // line (JSON has no comments)', '// ours\n|', 'json', false],
    ];
    for (const [name, doc, format, offered] of NEW_FILE_CASES) {
      it(`${format}: the new-file template in ${name}: ${offered ? 'offered' : 'not offered'}`, () => {
        assert.equal(snippetLabels(at(doc, format)).includes('landscape'), offered);
      });
    }

    it('the new-file item replaces the typed word; the result is the new file, which passes every rule', () => {
      for (const format of ['yaml', 'json'] as const) {
        const comment = format === 'yaml' ? '# ours' : '';
        const { text, position } = withCursor(`${comment}\nland|`);
        const doc = TextDocument.create(`file:///n.landscape.${format}`, format, 1, text);
        const item = completion(lintText(doc.uri, text), position).find((i) => i.kind === CompletionItemKind.Snippet && i.label === 'landscape')!;
        const edit = item.textEdit as TextEdit;
        const result = TextDocument.applyEdits(doc, [{ range: edit.range, newText: expandSnippet(edit.newText) }]);
        assert.equal(result, `${comment}\n${renderNewFile(format, false)}`);
        assert.deepEqual(problems(lintText(doc.uri, result)), [], format);
      }
    });

    it('the item: the template\'s lines follow the line\'s indentation, inserted as they are, the name and a preview in the docs', () => {
      const [item] = at('landscape: T\nsystems:\n  EDV:\n    role: abap\n  |\n').filter((i) => i.label === 'system-solman');
      const edit = item.textEdit as TextEdit;
      assert.equal(item.insertTextMode, InsertTextMode.asIs);
      assert.equal(item.detail, SOLMAN);
      const lines = edit.newText.split('\n');
      assert.ok(lines.slice(1).every((l) => l.startsWith('    ')), edit.newText);
      const doc = (item.documentation as { value: string }).value;
      assert.ok(doc.includes(renderEntry(ENTRY_TEMPLATES.find((t) => t.name === SOLMAN)!, 'yaml', false)), doc);
    });

    it('defaults fit the file: a key not yet taken; a managed system names the file\'s Focused Run or SolMan', () => {
      const first = (doc: string, label: string): string => {
        const item = at(doc).find((i) => i.label === label);
        assert.ok(item, label);
        return (item!.textEdit as TextEdit).newText;
      };
      assert.match(first('landscape: T\nsystems:\n  EDV: { role: abap }\n  ED1: { role: abap }\n  |\n', 'system-abap-direct'), /^\$\{1:ED2\}:/);
      assert.match(first('landscape: T\nsystems:\n  |\n', 'system-abap-direct'), /^\$\{1:EDV\}:/);
      const managed = first('landscape: T\nsystems:\n  FR1: { role: frun }\n  |\n', 'system-abap-managed');
      assert.match(managed, /connection: \$\{3\|frun,solman\|\}/);
      assert.match(managed, /managedBy: \$\{4:FR1\}/);
      assert.match(first('landscape: T\nsystems:\n  S01: { role: solman }\n  |\n', 'system-abap-managed'), /connection: \$\{3\|solman,frun\|\}[\s\S]*managedBy: \$\{4:S01\}/);
      assert.match(first('landscape: T\ntracks:\n  ERP: [EDV]\n  |\nsystems:\n  EDV: { role: abap }\n', 'track'), /^\$\{1:ER1\}:/);
      assert.match(first('landscape: T\ncommunicationUsers:\n  S0012345678: { description: x }\n  |\n', 'communication-user'), /^\$\{1:S0012345679\}:/);
      // nothing taken: the template's own default
      assert.match(first('landscape: T\ntracks:\n  |\n', 'track'), /^\$\{1:ERP\}:/);
    });

    /**
     * Builds a landscape the way a user would: the new-file snippet, then users, a SolMan, a
     * direct, a managed ABAP system and a Focused Run each picked from completion on a new line
     * under its map (with the tab stops typed as given) — the file passes every rule.
     */
    function build(format: TemplateFormat): string {
      let text = expand((format === 'yaml' ? YAML : JSON_SNIPPETS)[NEW_FILE]);
      const pick = (under: RegExp, label: string, values: Record<number, string>): void => {
        const lines = text.split('\n');
        const i = lines.findIndex((l) => under.test(l));
        assert.ok(i >= 0, `${under} in\n${text}`);
        const indent = ' '.repeat(lines[i].length - lines[i].trimStart().length + 2);
        lines.splice(i + 1, 0, indent);
        const doc = TextDocument.create(`file:///b.landscape.${format}`, format, 1, lines.join('\n'));
        const item = completion(lintText(doc.uri, doc.getText()), { line: i + 1, character: indent.length }).find((x) => x.label === label);
        assert.ok(item, `${label} offered at line ${i + 2}`);
        const edit = item!.textEdit as TextEdit;
        text = TextDocument.applyEdits(doc, [{ range: edit.range, newText: expandSnippet(edit.newText, values) }]);
      };
      const users = format === 'yaml' ? /^communicationUsers:/ : /"communicationUsers": \{/;
      const systems = format === 'yaml' ? /^systems:/ : /"systems": \{/;
      pick(users, 'communication-user', { 1: 'S0012345679', 2: 'SAP Solution Manager' });
      pick(users, 'communication-user', { 1: 'S0012345680', 2: 'Focused Run' });
      pick(systems, 'system-frun', {});
      pick(systems, 'system-abap-managed', { 1: 'EQA' });
      pick(systems, 'system-abap-direct', { 1: 'EPR' });
      pick(systems, 'system-solman', {});
      return text;
    }
    for (const format of ['yaml', 'json'] as const) {
      it(`${format}: a landscape built from the new file and the templates picked from completion passes every rule`, () => {
        const r = lintText(`file:///built.landscape.${format}`, build(format));
        assert.deepEqual(problems(r), [], r.doc.text);
        assert.deepEqual(r.model.systems.map((s) => s.sid), ['SOL', 'EPR', 'EQA', 'FRN', 'EDV']);
        assert.deepEqual(Object.keys(r.model.communicationUsers).sort(), ['S0012345678', 'S0012345679', 'S0012345680']);
      });
    }
    it('YAML and JSON built the same way hold the same values', () => {
      assert.deepEqual(lintText('file:///j.landscape.json', build('json')).doc.value, lintText('file:///y.landscape.yaml', build('yaml')).doc.value);
    });
  });

  describe('facts agree with the knowledge tables', () => {
    const host = lintText('file:///facts.landscape.yaml', yamlHost(SYSTEM_SNIPPETS.map((n) => expand(YAML[n]))));
    const systems = host.model.systems;

    it('the host parses into the four systems', () => {
      assert.deepEqual(systems.map((s) => s.sid), ['EDV', 'EQA', 'SOL', 'FRN']);
      assert.equal(host.findings.filter((f) => f.ruleId === 'schema').length, 0, JSON.stringify(host.findings.filter((f) => f.ruleId === 'schema')));
    });

    it('SAP Note numbers, task lists and destination names are the guide\'s', () => {
      const catalogue = new Set(NOTE_CATALOGUE.map((n) => n.number));
      for (const set of [YAML, JSON_SNIPPETS]) {
        for (const [name, s] of Object.entries(set)) {
          const text = bodyOf(s) + ' ' + (s.description ?? '');
          for (const m of text.match(/\b\d{6,7}\b/g) ?? []) assert.ok(catalogue.has(Number(m)), `${name}: ${m} is not a note of the guide`);
          for (const m of text.match(/\bSAP_[A-Z_]+_CONFIG[A-Z_]*\b/g) ?? []) assert.ok(m in TASK_LISTS, `${name}: task list ${m}`);
        }
      }
      for (const s of systems) {
        for (const [name, d] of Object.entries(s.destinations)) {
          assert.ok(newDestination(name), `${s.sid}: ${name} is not a new destination`);
          assert.equal(legacyDestination(name, d), undefined, `${s.sid}: ${name} is legacy`);
          assert.equal(d.type, newDestination(name)!.type, `${s.sid}: type of ${name}`);
          assert.equal(d.user, s.communicationUser, `${s.sid}: ${name} logs on with the communication user`);
        }
      }
    });

    it('the note comments name the digital-signature notes per TCI state', () => {
      for (const name of [NEW_FILE, DIRECT, MANAGED]) {
        const comment = bodyOf(YAML[name]).split('\n').find((l) => /#.*TCI/.test(l));
        assert.ok(comment, name);
        const numbers = (comment!.match(/\d{7}/g) ?? []).map(Number);
        assert.deepEqual(numbers, [...DIGITAL_SIGNATURE_NOTES.tciEnabled, ...DIGITAL_SIGNATURE_NOTES.notTciEnabled], name);
        assert.match(JSON_SNIPPETS[name].description ?? '', new RegExp(numbers.join('.*')), `${name}: JSON description`);
      }
    });

    const checkNoteAssistant = (s: SystemDef): void => {
      const basis = parseBasis(s.basis);
      assert.ok(basis, `${s.sid}: basis`);
      if (!basisHasDigitalSignature(basis!)) {
        for (const n of digitalSignatureNotesFor(tciState(s).enabled)) assert.ok(s.notesIndex.has(n), `${s.sid}: note ${n}`);
      }
      assert.equal(s.noteAssistant?.trustAnchors, true, `${s.sid}: trust anchors of ${TRUST_ANCHORS.note}`);
      const channel = downloadChannelFor(basis!.release);
      assert.ok(channel && (channel.rfcDownloadPossible || s.noteAssistant?.download !== 'rfc'), `${s.sid}: download channel`);
      assert.ok(s.communicationUser && isSUserId(s.communicationUser), `${s.sid}: communication user`);
      if (s.spam !== undefined) assert.ok(s.spam >= SPAM_MIN_VERSION_FOR_TCI, `${s.sid}: spam`);
    };
    const checkConnectivity = (s: SystemDef): void => {
      const value = s.profile[SSL_CLIENT_CIPHERSUITES_PARAMETER];
      const c = typeof value === 'string' ? ciphersuiteValue(value) : undefined;
      assert.equal(c, CIPHERSUITE_VALUES[0], `${s.sid}: recommended ciphersuite`);
      for (const n of c!.requiresNotes) assert.ok(s.notesIndex.has(n), `${s.sid}: note ${n} for the ciphersuite`);
      for (const pse of requiredPsesFor(s.role!)) assert.deepEqual(s.certificates?.[pse.key], [...ROOT_CA_CERTIFICATES], `${s.sid}: ${pse.key}`);
    };

    it('direct ABAP: plug-in minimums, notes, task list, TLS, root CAs, SDCCN', () => {
      const s = systems.find(isDirectAbap)!;
      assert.ok(stPiMeetsMinimum(parseStPi(s.components[PLUGIN_COMPONENTS.stPi])!), 'ST-PI');
      assert.ok(stApiMeetsMinimum(parseStApi(s.components[PLUGIN_COMPONENTS.stApi])!), 'ST-A/PI');
      assert.ok(s.taskLists.includes(TASK_LIST_OSS_COMM.name));
      assert.ok(s.notesIndex.has(TASK_LIST_OSS_COMM.note!));
      assert.ok(s.sdccn?.destinations?.includes(SDCCN_PROCEDURE.requiredDestination));
      assert.ok(!s.sdccn?.destinations?.includes(SDCCN_PROCEDURE.obsoleteDestination));
      assert.equal(s.sdccn?.tasksRecreated, true);
      checkNoteAssistant(s);
      checkConnectivity(s);
    });

    it('ABAP through SolMan: Note Assistant only, managed by a SolMan', () => {
      const s = systems.find((x) => x.role === 'abap' && !isDirectAbap(x))!;
      assert.equal(host.model.systemsById.get(s.managedBy!)?.role, s.connection);
      checkNoteAssistant(s);
    });

    it('SAP Solution Manager: full connectivity, SAP_SUPPORT_HUB_CONFIG, both PSEs, SOLMAN_SETUP users', () => {
      const s = systems.find((x) => x.role === 'solman')!;
      assert.equal(solmanConnectivity(parseSolmanRelease(s.release)!), 'full');
      assert.ok(s.taskLists.includes(TASK_LIST_SUPPORT_HUB.name));
      assert.equal(s.solmanSetup?.backendUser, s.communicationUser);
      assert.ok(s.solmanSetup?.communicationUser && !(s.solmanSetup.communicationUser in host.model.communicationUsers));
      checkNoteAssistant(s);
      checkConnectivity(s);
    });

    it('Focused Run: release 2.0, SAP_SUPPORT_HUB_CONFIG', () => {
      const s = systems.find((x) => x.role === 'frun')!;
      assert.equal(frunConnectivity(parseFrunRelease(s.release)!), 'full');
      assert.ok(s.taskLists.includes(TASK_LIST_SUPPORT_HUB.name));
      checkNoteAssistant(s);
      checkConnectivity(s);
    });

    it('YAML and JSON snippets produce the same values', () => {
      for (const name of SYSTEM_SNIPPETS) {
        const y = lintText('file:///y.landscape.yaml', yamlHost([expand(YAML[name])]));
        const j = lintText('file:///j.landscape.json', jsonHost([expand(JSON_SNIPPETS[name])]));
        assert.deepEqual(j.doc.value, y.doc.value, name);
      }
      const yFile = lintText('file:///y.landscape.yaml', expand(YAML[NEW_FILE]));
      const jFile = lintText('file:///j.landscape.json', expand(JSON_SNIPPETS[NEW_FILE]));
      assert.deepEqual(jFile.doc.value, yFile.doc.value);
    });
  });

  // Lints every expanded snippet inside a minimal landscape: nothing may be reported above info.
  // The domain rules are being written in parallel; this test bites as each one lands.
  describe('expanded snippets pass every rule', () => {
    for (const [format, set, host] of [
      ['yaml', YAML, yamlHost],
      ['json', JSON_SNIPPETS, jsonHost],
    ] as const) {
      const uri = `file:///snippet.landscape.${format}`;
      it(`${format}: new landscape file`, () => {
        const r = lintText(uri, expand(set[NEW_FILE]));
        assert.deepEqual(problems(r), []);
        assert.equal(r.model.systems.length, 1);
      });
      for (const name of SYSTEM_SNIPPETS) {
        it(`${format}: ${name}`, () => {
          const r = lintText(uri, host([name, ...companions(name)].map((n) => expand(set[n]))));
          assert.deepEqual(problems(r), []);
        });
      }
      it(`${format}: all system snippets together`, () => {
        const r = lintText(uri, host(SYSTEM_SNIPPETS.map((n) => expand(set[n]))));
        assert.deepEqual(problems(r), []);
        assert.equal(r.model.systems.length, SYSTEM_SNIPPETS.length);
      });
      it(`${format}: track of three direct ABAP systems`, () => {
        const track = expand(set[TRACK]);
        const sids = [...track.matchAll(/\b[A-Z][A-Z0-9]{2}\b/g)].map((m) => m[0]).slice(1);
        assert.equal(sids.length, 3, track);
        const systems = sids.map((sid) => expand(set[DIRECT], { 1: sid }));
        const extra = format === 'yaml' ? `tracks:\n  ${track}` : `  "tracks": {\n    ${track}\n  },`;
        const r = lintText(uri, host(systems, extra));
        assert.deepEqual(problems(r), []);
        assert.deepEqual(Object.values(r.model.tracks)[0], sids);
      });
      it(`${format}: communication user used by a direct ABAP system`, () => {
        const user = expand(set[USER]);
        const id = /S\d{10}/.exec(user)![0];
        const system = expand(set[DIRECT], { 7: id });
        const text = format === 'yaml'
          ? `landscape: T\ncommunicationUsers:\n  ${user}\nsystems:\n  ${indentBody(system, '  ')}\n`
          : `{\n  "landscape": "T",\n  "communicationUsers": {\n    ${user}\n  },\n  "systems": {\n    ${indentBody(system, '    ')}\n  }\n}\n`;
        const r = lintText(uri, text);
        assert.deepEqual(problems(r), []);
        assert.ok(id in r.model.communicationUsers);
      });
    }
  });
});
