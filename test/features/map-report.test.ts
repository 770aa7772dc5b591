import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap, ParserError } from 'parse5';
import { lintText } from '../../server/src/core/lint';
import { buildChecklist } from '../../server/src/features/checklist';
import { buildMap } from '../../server/src/features/map';
import { escapeXml, renderMapSvg, systemAnchor } from '../../server/src/features/mapSvg';
import { renderReportHtml } from '../../server/src/features/reportHtml';
import { reportDate, reportMain } from '../../server/src/reportCli';
import { mapForRequest, reportFileName, reportForRequest } from '../../server/src/features/checklistHandlers';
import type { LintEntry } from '../../server/src/features/checklistHandlers';
import { dedent, ROOT, GUIDE_1_1 } from '../support/helpers';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const ACME = path.join(ROOT, 'examples', 'acme.landscape.yaml');
const ACME_SIDS = ['EDV', 'EQA', 'EPR', 'BWD', 'BWP', 'S4D', 'S4Q', 'S4P', 'SOL', 'FRN', 'CRP', 'PIP', 'SBX', 'GRP'];

function htmlOf(text: string, fileName = 't.landscape.yaml'): string {
  const result = lintText(`file:///${fileName}`, text, { knowledge: GUIDE_1_1 });
  return renderReportHtml(buildMap(result, buildChecklist(result)), { fileName, date: '2026-11-29' });
}

/** Parses with parse5 and returns the document and every parse error (a valid page has none). */
function parseHtml(html: string): { doc: DefaultTreeAdapterMap['document']; errors: ParserError[] } {
  const errors: ParserError[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(e) });
  return { doc, errors };
}

function* walk(n: Node): Generator<Node> {
  yield n;
  const children = 'childNodes' in n ? n.childNodes : [];
  for (const c of children) yield* walk(c);
  if (n.nodeName === 'template') yield* walk((n as DefaultTreeAdapterMap['template']).content);
}

function elements(root: Node, name?: string): Element[] {
  return [...walk(root)].filter((n): n is Element => 'tagName' in n && (name === undefined || n.tagName === name));
}

function attr(e: Element, name: string): string | undefined {
  return e.attrs.find((a) => a.name === name)?.value;
}

function textOf(n: Node): string {
  return [...walk(n)].map((x) => (x.nodeName === '#text' ? (x as DefaultTreeAdapterMap['textNode']).value : '')).join('');
}

describe('HTML report: acme example', () => {
  const html = htmlOf(fs.readFileSync(ACME, 'utf8'), 'examples/acme.landscape.yaml');
  const { doc, errors } = parseHtml(html);

  it('is valid HTML (parse5 reports no parse error) with lang, charset and a title', () => {
    assert.deepEqual(errors.map((e) => `${e.code} at ${e.startLine}:${e.startCol}`), []);
    assert.ok(html.startsWith('<!DOCTYPE html>\n'));
    assert.equal(attr(elements(doc, 'html')[0], 'lang'), 'en');
    assert.equal(textOf(elements(doc, 'title')[0]), 'Support backbone readiness: ACME Production Landscape');
  });

  it('makes no external request: no script, link, img, iframe or src; every href a fragment of the page; CSS url() only to #ids', () => {
    for (const tag of ['script', 'link', 'img', 'iframe', 'object', 'embed', 'image', 'use', 'audio', 'video', 'source']) assert.deepEqual(elements(doc, tag), [], tag);
    const ids = new Set(elements(doc).map((e) => attr(e, 'id')).filter((x): x is string => x !== undefined));
    for (const e of elements(doc)) {
      for (const a of e.attrs) {
        assert.ok(!['src', 'srcset', 'action', 'formaction', 'background', 'poster'].includes(a.name), `${e.tagName} has ${a.name}`);
        if (a.name === 'href' || a.name === 'xlink:href') {
          assert.ok(a.value.startsWith('#'), `${e.tagName} href ${a.value}`);
          assert.ok(ids.has(a.value.slice(1)), `href ${a.value} has no target in the page`);
        }
      }
    }
    const css = elements(doc, 'style').map(textOf).join('\n');
    for (const m of css.matchAll(/url\(([^)]*)\)/g)) assert.match(m[1], /^#[\w-]+$/, m[0]);
    assert.ok(!/@import/.test(css));
    // the only "http" in the page is the SVG namespace, which is a name, not a request
    assert.deepEqual([...html.matchAll(/https?:\/\/[^\s"'<)]+/g)].map((m) => m[0]).filter((u) => u !== 'http://www.w3.org/2000/svg'), []);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/);
  });

  it('the map is an inline SVG with a title and description, and every system is drawn with its SID as text', () => {
    const svgs = elements(doc, 'svg');
    assert.equal(svgs.length, 1);
    assert.equal(textOf(elements(svgs[0], 'title')[0]), 'Landscape map of ACME Production Landscape');
    assert.equal(textOf(elements(svgs[0], 'desc')[0]), '7 of 14 systems ready (5 not ready, 2 needing attention); 3 transport tracks; 1 transport gap.');
    // in lane order: tracks ERP, BW, S4, then SOL with PIP, FRN with CRP, stand-alone ABAP
    const drawn = elements(svgs[0], 'a').map((a) => attr(a, 'data-sid'));
    assert.deepEqual(drawn, ['EDV', 'EQA', 'EPR', 'BWD', 'BWP', 'S4D', 'S4Q', 'S4P', 'SOL', 'PIP', 'FRN', 'CRP', 'SBX', 'GRP']);
    const texts = elements(svgs[0], 'text').map(textOf);
    for (const sid of ACME_SIDS) assert.ok(texts.includes(sid), `SID ${sid} as a text element of the map`);
  });

  it('colour is not the only signal: each system link names its status in words, nodes show an icon and a patterned bar', () => {
    const links = elements(elements(doc, 'svg')[0], 'a');
    const label = (sid: string): string => attr(links.find((a) => attr(a, 'data-sid') === sid) as Element, 'aria-label') ?? '';
    assert.equal(label('EDV'), 'EDV — ERP development (ABAP, direct connectivity): ready, 9 of 9 items done');
    assert.equal(label('EPR'), 'EPR — ERP production (ABAP, direct connectivity): not ready, 5 of 9 items done, 4 open');
    assert.match(label('SOL'), /^SOL — .*: needs attention, 6 of 7 items done, 1 open$/);
    assert.ok(html.includes('class="bar-red"') && html.includes('class="bar-amber"') && html.includes('class="bar-green"'));
    assert.ok(html.includes('<pattern id="ll-hatch"') && html.includes('<pattern id="ll-dots"'));
  });

  it('the transport gap EQA → EPR is drawn as a marked edge and named in EPR\'s section', () => {
    const edges = elements(doc, 'g').filter((g) => attr(g, 'class') === 'edge');
    assert.deepEqual(edges.map((g) => `${attr(g, 'data-from')}->${attr(g, 'data-to')}`), ['EQA->EPR']);
    assert.ok(textOf(edges[0]).includes('SAP Note 2738426 not transported EQA → EPR'));
    const epr = elements(doc, 'section').find((s) => attr(s, 'id') === 'sys-EPR') as Element;
    assert.ok(textOf(epr).includes('Transport gap in track ERP: SAP Note 2738426 in EQA but not in EPR.'));
  });

  it('matrix: one row per system, one column per chapter (3.2, 4.3, 5.3, 6.2, other), cells with icon and done/total', () => {
    const table = elements(doc, 'table')[0];
    const head = elements(elements(table, 'thead')[0], 'th').map(textOf);
    assert.deepEqual(head, ['System', 'Kind', 'Status', 'Done', '3.2 Note Assistant', '4.3 ABAP Systems with Direct Connectivity', '5.3 SAP Solution Manager', '6.2 Focused Run for SAP Solution Manager', 'Other findings']);
    const rows = elements(elements(table, 'tbody')[0], 'tr');
    assert.deepEqual(rows.map((r) => textOf(elements(r, 'a')[0])), ACME_SIDS);
    const epr = elements(rows[2], 'td').map((c) => textOf(c).trim());
    assert.deepEqual(epr, ['ABAP, direct connectivity', '✗ not ready', '5/9', '✓ 2/2', '✗ 3/74 open', '–does not apply', '–does not apply', '–does not apply']);
    assert.equal(attr(rows[0], 'class'), 'ready', 'ready rows can be hidden by the filter');
    assert.equal(attr(rows[2], 'class'), undefined);
  });

  it('open items per system with the guide\'s action, section and line; ready systems say so', () => {
    const sections = elements(doc, 'section');
    assert.deepEqual(sections.map((s) => attr(s, 'id')), ACME_SIDS.map((sid) => `sys-${sid}`));
    const grp = textOf(sections[13]);
    assert.ok(grp.includes('0 of 9 items done'));
    const epr = elements(sections[2], 'li').map(textOf);
    assert.equal(epr.length, 4);
    assert.ok(epr.some((t) => t.includes('Implement SAP Note 2738426') && t.includes('open, breaks connectivity') && /Checklist 4\.3 · guide [\d., ]+· line \d+/.test(t)), epr.join('\n'));
    assert.ok(textOf(sections[0]).includes('Every item that applies is done.'));
    assert.ok(textOf(sections[11]).includes('No checklist item of the guide applies to this system.'), 'PIP');
  });

  it('baseline and date: the guide\'s title, version and date, and the report date', () => {
    assert.ok(html.includes('checked against SAP\'s configuration guide “Support Backbone Update” 1.1 (2019-08-19) · knowledge baseline <code>guide-1.1</code> (2019-08-19) · report of 2026-11-29'));
  });

  it('print-friendly (A4 landscape, colours kept, filter hidden), light and dark colours, filter without script', () => {
    assert.match(html, /@page \{ size: A4 landscape;/);
    assert.match(html, /@media print \{[^]*print-color-adjust: exact;[^]*\.filter, #only-open \{ display: none; \}/);
    assert.match(html, /@media \(prefers-color-scheme: dark\) \{ :root \{/);
    assert.ok(elements(doc, 'input').some((i) => attr(i, 'type') === 'checkbox' && attr(i, 'id') === 'only-open'));
    assert.match(html, /#only-open:checked ~ main \.ready \{ display: none; \}/);
  });

  it('the same report twice is the same text (only the date comes from outside)', () => {
    assert.equal(htmlOf(fs.readFileSync(ACME, 'utf8'), 'examples/acme.landscape.yaml'), html);
  });
});

describe('HTML report: waived items (suppression comment with a reason, docs/configuration.md)', () => {
  it('a waived item is counted in the system\'s label, its matrix cell and its section', () => {
    const text = dedent(`
      systems:
        EPR:
          role: abap
          connection: direct
          basis: 731 SP19
          saprouter:
            # landscape-lint-disable-next-line saprouter-check -- SAProuter replaced by an HTTPS proxy (change CHG-1234)
            checked: false
    `);
    const result = lintText('file:///w.landscape.yaml', text);
    const map = buildMap(result, buildChecklist(result));
    const epr = map.systems[0];
    assert.equal(epr.waived, 1);
    assert.deepEqual(epr.chapters.filter((c) => c.waived).map((c) => `${c.id} ${c.waived}`), ['4.3 1']);
    const html = renderReportHtml(map, { fileName: 'w.landscape.yaml', date: '2026-11-29' });
    const { doc } = parseHtml(html);
    assert.match(attr(elements(doc, 'a').find((a) => attr(a, 'data-sid') === 'EPR') as Element, 'aria-label') ?? '', /, 1 waived$/);
    const row = elements(elements(doc, 'tbody')[0], 'tr')[0];
    assert.ok(elements(row, 'td').some((td) => textOf(td).includes('1 waived')));
    assert.ok(textOf(elements(doc, 'section')[0]).includes('(1 waived in the file)'));
  });
});

describe('HTML report: hostile and odd input', () => {
  it('text from the file is escaped: a description with markup stays text; odd SIDs get numbered anchors', () => {
    const html = htmlOf(dedent(`
      landscape: "<b>Bold</b> & co"
      systems:
        "X<1>": { role: abap, connection: none, description: "<script>alert('x')</script>", noteAssistant: { enabled: false } }
        "A\\"B": { role: abap, connection: none, description: "line1\\u0007bell", noteAssistant: { enabled: false } }
    `));
    const { doc, errors } = parseHtml(html);
    assert.deepEqual(errors.map((e) => e.code), []);
    assert.deepEqual(elements(doc, 'script'), []);
    assert.deepEqual(elements(doc, 'b'), []);
    assert.equal(textOf(elements(doc, 'h1')[0]), 'Support backbone readiness: <b>Bold</b> & co');
    const sections = elements(doc, 'section').map((s) => attr(s, 'id'));
    assert.deepEqual(sections, ['sys-1', 'sys-2']);
    assert.ok(textOf(doc).includes("<script>alert('x')</script>"));
    assert.ok(!html.includes('\u0007'), 'control characters are replaced');
  });

  it('ids stay unique whatever the SIDs (A and A-h, a SID like an index)', () => {
    const html = htmlOf(dedent(`
      systems:
        A: { role: abap, connection: none, noteAssistant: { enabled: false } }
        A-h: { role: abap, connection: none, noteAssistant: { enabled: false } }
        "3X": { role: abap, connection: none, noteAssistant: { enabled: false } }
        h-sys-A: { role: abap, connection: none, noteAssistant: { enabled: false } }
    `));
    const { doc, errors } = parseHtml(html);
    assert.deepEqual(errors.map((e) => e.code), []);
    const ids = elements(doc).map((e) => attr(e, 'id')).filter((x): x is string => x !== undefined);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
    assert.ok(ids.includes('sys-A') && ids.includes('sys-A-h') && ids.includes('sys-3') && ids.includes('sys-h-sys-A'));
  });

  it('escapeXml and systemAnchor', () => {
    assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(systemAnchor('EPR', 2), 'sys-EPR');
    assert.equal(systemAnchor('1AB', 0), 'sys-1');
    assert.equal(systemAnchor('A B', 4), 'sys-5');
  });

  it('an empty landscape: a valid page whose map says there are no systems', () => {
    const html = htmlOf('landscape: Empty\n');
    const { doc, errors } = parseHtml(html);
    assert.deepEqual(errors.map((e) => e.code), []);
    assert.ok(textOf(elements(doc, 'svg')[0]).includes('No systems yet'));
  });

  it('a file that is not YAML/JSON: a valid page that says so', () => {
    const result = lintText('file:///x.landscape.yaml', 'x');
    const map = { ...buildMap(result, buildChecklist(result)), parsed: false };
    const html = renderReportHtml(map, { fileName: 'x.landscape.yaml', date: '2026-01-01' });
    assert.deepEqual(parseHtml(html).errors, []);
    assert.ok(html.includes('The file could not be read'));
    assert.ok(renderMapSvg(map).includes('could not be read'));
  });
});

describe('language server handlers: landscapeLint/map and landscapeLint/report with format html', () => {
  const uri = 'file:///work/acme.landscape.yaml';
  const entry: LintEntry = { version: 7, result: lintText(uri, fs.readFileSync(ACME, 'utf8')) };
  const lookup = (u: string): LintEntry | undefined => (u === uri ? entry : undefined);

  it('the map of the last lint result with its version; null for an unknown file', () => {
    const map = mapForRequest({ uri }, lookup);
    assert.ok(map);
    assert.equal(map.version, 7);
    assert.equal(map.uri, uri);
    assert.deepEqual(map.lanes.map((l) => l.id), ['track:ERP', 'track:BW', 'track:S4', 'managed:SOL', 'managed:FRN', 'role:abap']);
    assert.equal(mapForRequest({ uri: 'file:///nope.landscape.yaml' }, lookup), null);
  });

  it('format html: the page, named acme.readiness.html, valid and with the map', () => {
    const r = reportForRequest({ uri, format: 'html' }, lookup);
    assert.ok(r);
    assert.equal(r.format, 'html');
    assert.equal(r.fileName, 'acme.readiness.html');
    assert.deepEqual(parseHtml(r.content).errors, []);
    assert.ok(r.content.includes('Landscape file <code>acme.landscape.yaml</code>'));
    assert.ok(r.content.includes('data-sid="EPR"'));
    assert.equal(reportFileName('prod.landscape.json', 'html'), 'prod.readiness.html');
  });
});

describe('landscape-lint report --format html', () => {
  function run(args: string[], env: Record<string, string> = {}): { code: number; out: string; err: string } {
    let out = '';
    let err = '';
    // typed from the guide: baseline guide-1.1
    const code = reportMain(['--baseline', 'guide-1.1', ...args], { out: (s) => { out += s + '\n'; }, err: (s) => { err += s + '\n'; }, cwd: ROOT, isTTY: false, env });
    return { code, out, err };
  }

  it('writes the page to -o, and -o x.html picks HTML without --format', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-html-'));
    try {
      for (const args of [['--format', 'html', '-o', path.join(dir, 'a.out')], ['-o', path.join(dir, 'acme.html')]]) {
        const r = run(['examples/acme.landscape.yaml', ...args], { SOURCE_DATE_EPOCH: '1767225600' });
        assert.equal(r.code, 0, r.err);
        const html = fs.readFileSync(args[args.length - 1], 'utf8');
        assert.ok(html.startsWith('<!DOCTYPE html>'));
        assert.ok(html.includes('report of 2026-01-01'), 'SOURCE_DATE_EPOCH sets the date');
        assert.ok(html.includes('Landscape file <code>examples/acme.landscape.yaml</code>'));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('to standard output with --format html; a bad format names html among the choices', () => {
    const r = run(['examples/acme.landscape.yaml', '--format=html']);
    assert.equal(r.code, 0);
    assert.ok(r.out.startsWith('<!DOCTYPE html>') && r.out.trimEnd().endsWith('</html>'));
    const bad = run(['examples/acme.landscape.yaml', '--format', 'pdf']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be md, json or html, not 'pdf'/);
  });

  it('reportDate: SOURCE_DATE_EPOCH in seconds when valid, else the given day (UTC)', () => {
    const now = new Date('2026-11-29T23:59:59Z');
    const cases: [Record<string, string>, string][] = [
      [{}, '2026-11-29'],
      [{ SOURCE_DATE_EPOCH: '0' }, '1970-01-01'],
      [{ SOURCE_DATE_EPOCH: '1767225600' }, '2026-01-01'],
      [{ SOURCE_DATE_EPOCH: 'yesterday' }, '2026-11-29'],
      [{ SOURCE_DATE_EPOCH: '-5' }, '2026-11-29'],
    ];
    for (const [env, expected] of cases) assert.equal(reportDate(env, now), expected, JSON.stringify(env));
  });
});
