import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { lintText } from '../../server/src/core/lint';
import { buildChecklist } from '../../server/src/features/checklist';
import { checklistForRequest, reportFileName, reportForRequest, uriBaseName } from '../../server/src/features/checklistHandlers';
import type { LintEntry } from '../../server/src/features/checklistHandlers';
import { renderReportJson, renderReportMarkdown, STATE_MARK } from '../../server/src/features/report';
import { main } from '../../server/src/cli';
import { reportMain } from '../../server/src/reportCli';
import { ROOT, GUIDE_1_1 } from '../support/helpers';

const ACME = path.join(ROOT, 'examples', 'acme.landscape.yaml');
const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'report', 'acme.report.md');

function acmeChecklist() {
  return buildChecklist(lintText(ACME, fs.readFileSync(ACME, 'utf8'), { knowledge: GUIDE_1_1 }));
}

function run(args: string[], cwd = ROOT): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  // typed from the guide: baseline guide-1.1
  const code = reportMain(['--baseline', 'guide-1.1', ...args], { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; }, cwd, isTTY: false, env: {} });
  return { code, out, err };
}

describe('readiness report (Markdown)', () => {
  const md = renderReportMarkdown(acmeChecklist(), 'examples/acme.landscape.yaml');

  it('examples/acme.landscape.yaml matches the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.writeFileSync(GOLDEN, md);
    }
    assert.ok(fs.existsSync(GOLDEN), `${GOLDEN} is missing: run the tests once with UPDATE_GOLDEN=1 and check it by hand`);
    assert.equal(md, fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('starts with the landscape summary, then one section per system in file order', () => {
    const lines = md.split('\n');
    assert.equal(lines[0], '# Support backbone readiness: ACME Production Landscape');
    assert.ok(md.includes('**7 of 14 systems ready** (5 red, 2 amber, 7 green)'));
    const headings = lines.filter((l) => l.startsWith('## ')).map((l) => l.slice(3, 6));
    assert.deepEqual(headings, ['EDV', 'EQA', 'EPR', 'BWD', 'BWP', 'S4D', 'S4Q', 'S4P', 'SOL', 'FRN', 'CRP', 'PIP', 'SBX', 'GRP']);
    assert.ok(md.indexOf('| System | Kind |') < md.indexOf('## EDV'));
    assert.ok(md.includes('| GRP | ABAP, direct connectivity | GRC Access Control production | 0/9 | 🔴 red |'));
  });

  it('every table row has the same number of cells as its header (pipes in messages are escaped)', () => {
    let columns = 0;
    for (const l of md.split('\n')) {
      if (!l.startsWith('|')) { columns = 0; continue; }
      const cells = l.replace(/\\\|/g, '').split('|').length;
      if (!columns) columns = cells;
      else assert.equal(cells, columns, l);
    }
  });

  it('uses the four state marks, and no date or absolute path', () => {
    for (const mark of Object.values(STATE_MARK)) assert.ok(md.includes(`| ${mark} |`), mark);
    assert.ok(!md.includes(ROOT));
    assert.ok(!md.includes(new Date().toISOString().slice(0, 10)));
  });

  it('a file that cannot be read gives a short report', () => {
    const c = buildChecklist(lintText('file:///x.landscape.yaml', 'landscape: x\n', { maxFileSize: 2 }));
    assert.match(renderReportMarkdown(c, 'x.landscape.yaml'), /could not be read/);
  });
});

describe('readiness report (JSON)', () => {
  const doc = JSON.parse(renderReportJson(acmeChecklist(), 'examples/acme.landscape.yaml')) as Record<string, unknown> & {
    systems: { sid: string; status: string; done: number; total: number; open: number; unknown: number; notApplicable: number;
      chapters: { id: string; title: string; done: number; total: number; items: Record<string, unknown>[] }[] }[];
  };

  it('has the file, the guide, the summary and the systems; no URI, no version, no edits', () => {
    assert.deepEqual(Object.keys(doc).sort(), ['baseline', 'file', 'guide', 'landscapeFindings', 'name', 'parsed', 'summary', 'syntaxErrors', 'systems']);
    assert.equal(doc.file, 'examples/acme.landscape.yaml');
    assert.deepEqual(doc.guide, { title: 'Support Backbone Update', version: '1.1', date: '2019-08-19' });
    assert.deepEqual(doc.summary, { systems: 14, ready: 7, red: 5, amber: 2, green: 7, itemsDone: 63, itemsTotal: 83, itemsWaived: 0 });
    assert.equal(doc.systems.length, 14);
    for (const s of doc.systems) {
      assert.match(s.status, /^(red|amber|green)$/);
      assert.equal(s.done + s.open + s.unknown, s.total);
      for (const ch of s.chapters) {
        for (const i of ch.items) {
          // cause (open/unknown) and waived (n/a by a suppression) are there only when they apply
          assert.deepEqual(Object.keys(i).filter((k) => !['fix', 'severity', 'cause', 'waived'].includes(k)).sort(),
            ['action', 'chapter', 'findings', 'id', 'label', 'origin', 'range', 'ruleIds', 'sections', 'state', 'text']);
          assert.equal(i.cause !== undefined, i.state === 'open' || i.state === 'unknown');
          assert.match(String(i.state), /^(done|open|n\/a|unknown)$/);
          if (i.fix) assert.deepEqual(Object.keys(i.fix as object), ['title']);
        }
      }
    }
  });
});

describe('checklist request handlers', () => {
  const uri = pathToFileURL(ACME).toString();
  const entry: LintEntry = { version: 12, result: lintText(uri, fs.readFileSync(ACME, 'utf8'), { knowledge: GUIDE_1_1 }) };
  const lookup = (u: string): LintEntry | undefined => (u === uri ? entry : undefined);

  it('landscapeLint/checklist: the checklist of the last lint result, with its version; null for an unknown file', () => {
    const c = checklistForRequest({ uri }, lookup);
    assert.ok(c);
    assert.equal(c.version, 12);
    assert.equal(c.uri, uri);
    assert.equal(c.summary.ready, 7);
    assert.equal(checklistForRequest({ uri: 'file:///other.landscape.yaml' }, lookup), null);
  });

  it('landscapeLint/report: Markdown (default) or JSON, with a file name next to the landscape file', () => {
    const md = reportForRequest({ uri }, lookup);
    assert.ok(md);
    assert.equal(md.format, 'markdown');
    assert.equal(md.fileName, 'acme.readiness.md');
    assert.ok(md.content.includes('Landscape file `acme.landscape.yaml`'));
    const json = reportForRequest({ uri, format: 'json' }, lookup);
    assert.equal(json?.fileName, 'acme.readiness.json');
    assert.equal(JSON.parse(json!.content).file, 'acme.landscape.yaml');
    assert.equal(reportForRequest({ uri: 'file:///nope.landscape.yaml' }, lookup), null);
  });

  it('file names', () => {
    assert.equal(uriBaseName('file:///a/b/my%20land.landscape.yml'), 'my land.landscape.yml');
    assert.equal(reportFileName('prod.landscape.json', 'markdown'), 'prod.readiness.md');
    assert.equal(reportFileName('landscapes.yaml', 'json'), 'landscapes.readiness.json');
  });
});

describe('CLI: landscape-lint report', () => {
  it('prints the Markdown report, the same as the golden file', () => {
    const r = run(['examples/acme.landscape.yaml']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, fs.readFileSync(GOLDEN, 'utf8').trimEnd() + '\n');
  });

  it('--format json and -o FILE (json inferred from the name)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-'));
    try {
      const j = run(['--format', 'json', 'examples/acme.landscape.yaml']);
      assert.equal(j.code, 0);
      assert.equal(JSON.parse(j.out).summary.ready, 7);
      const out = path.join(dir, 'r.json');
      assert.equal(run(['examples/acme.landscape.yaml', '-o', out]).code, 0);
      assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).file, 'examples/acme.landscape.yaml');
      const md = path.join(dir, 'r.md');
      const w = run(['examples/acme.landscape.yaml', '--output=' + md]);
      assert.equal(w.out, '');
      assert.ok(fs.readFileSync(md, 'utf8').startsWith('# Support backbone readiness'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is routed from the main CLI: landscape-lint report …', () => {
    let out = '';
    const code = main(['report', '--baseline', 'guide-1.1', '--format', 'json', 'examples/acme.landscape.yaml'], { out: (s) => { out += s; }, err: () => undefined, cwd: ROOT, isTTY: false, env: {} });
    assert.equal(code, 0);
    assert.equal(JSON.parse(out).file, 'examples/acme.landscape.yaml');
  });

  it('exit 2 on bad usage and unreadable input; --help exits 0', () => {
    assert.equal(run([]).code, 2);
    assert.equal(run(['a.landscape.yaml', 'b.landscape.yaml']).code, 2);
    assert.equal(run(['--format', 'xml', 'examples/acme.landscape.yaml']).code, 2);
    assert.equal(run(['--bogus', 'examples/acme.landscape.yaml']).code, 2);
    assert.equal(run(['-o']).code, 2);
    const missing = run(['does/not/exist.landscape.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read 'does\/not\/exist.landscape.yaml'/);
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: landscape-lint report <file>/);
  });
});

describe('checklist request: summary and expanded systems', () => {
  const text = fs.readFileSync(ACME, 'utf8');
  const result = lintText(ACME, text);
  const lookup = (): LintEntry => ({ version: 3, result });

  it('detail "summary" leaves out the chapters of every system but the expanded ones; counts and status stay', () => {
    const full = checklistForRequest({ uri: ACME }, lookup)!;
    const summary = checklistForRequest({ uri: ACME, detail: 'summary', expand: ['GRP', 'NOPE'] }, lookup)!;
    assert.equal(summary.systems.length, 14);
    assert.deepEqual(summary.summary, full.summary);
    summary.systems.forEach((s, i) => {
      const f = full.systems[i];
      if (s.sid === 'GRP') {
        assert.deepEqual(s, f);
        assert.equal(s.partial, undefined);
      } else {
        assert.deepEqual(s.chapters, []);
        assert.equal(s.partial, true);
        assert.deepEqual({ ...s, chapters: f.chapters, partial: undefined }, { ...f, partial: undefined });
      }
    });
    // GRP alone with its items is a fraction of the whole
    assert.ok(JSON.stringify(summary).length * 3 < JSON.stringify(full).length);
  });

  it('without detail (or with a wrong expand) the whole checklist, as before', () => {
    assert.deepEqual(checklistForRequest({ uri: ACME, detail: 'full' }, lookup), checklistForRequest({ uri: ACME }, lookup));
    const odd = checklistForRequest({ uri: ACME, detail: 'summary', expand: 'GRP' as unknown as string[] }, lookup)!;
    assert.ok(odd.systems.every((s) => s.partial === true));
  });
});
