import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap, ParserError } from 'parse5';
import { mapPageHtml, nonce } from '../../client/src/mapPage';
import { MAP_CSS } from '../../server/src/features/mapSvg';
import { CHECKLIST_VIEW_ID, MapCommands } from '../../server/src/protocol';
import { ROOT } from '../support/helpers';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

function elements(n: Node): Element[] {
  const out: Element[] = [];
  const visit = (x: Node): void => {
    if ('tagName' in x) out.push(x);
    if ('childNodes' in x) x.childNodes.forEach(visit);
  };
  visit(n);
  return out;
}

describe('Landscape Map webview page (client/src/mapPage.ts)', () => {
  const n = nonce();
  const html = mapPageHtml('https://webview.example', n, MAP_CSS);
  const errors: ParserError[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(e) });
  const all = elements(doc);

  it('is valid HTML', () => {
    assert.deepEqual(errors.map((e) => e.code), []);
  });

  it('strict CSP: nothing by default, style and script only with the nonce (no unsafe-inline, no eval)', () => {
    const csp = all.find((e) => e.tagName === 'meta' && e.attrs.some((a) => a.name === 'http-equiv' && a.value === 'Content-Security-Policy'));
    assert.ok(csp);
    const content = csp.attrs.find((a) => a.name === 'content')?.value ?? '';
    assert.equal(content, `default-src 'none'; style-src https://webview.example 'nonce-${n}'; script-src 'nonce-${n}';`);
    assert.ok(!/unsafe-(inline|eval)/.test(content));
  });

  it('every script and style element carries the nonce; no inline style or event-handler attribute; no external resource', () => {
    for (const e of all.filter((x) => x.tagName === 'script' || x.tagName === 'style')) {
      assert.equal(e.attrs.find((a) => a.name === 'nonce')?.value, n, e.tagName);
      assert.ok(!e.attrs.some((a) => a.name === 'src'), 'no external script');
    }
    for (const e of all) {
      for (const a of e.attrs) {
        assert.ok(a.name !== 'style', `${e.tagName} has a style attribute (blocked by the CSP)`);
        assert.ok(!a.name.startsWith('on'), `${e.tagName} has ${a.name} (blocked by the CSP)`);
      }
    }
    assert.ok(!/innerHTML\s*=\s*[^;]*\+/.test(html), 'the script inserts only the SVG it is sent');
  });

  it('theme: the map\'s colour variables come from VS Code\'s theme', () => {
    for (const v of ['--ll-red: var(--vscode-charts-red)', '--ll-amber: var(--vscode-charts-yellow)', '--ll-green: var(--vscode-charts-green)', '--ll-fg: var(--vscode-editor-foreground)']) assert.ok(html.includes(v), v);
  });

  it('nonces differ between pages', () => {
    assert.notEqual(nonce(), nonce());
    assert.match(n, /^[0-9a-f]{32}$/);
  });
});

describe('Landscape Map: package.json contributions', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string; title: string; icon?: string }[]; menus: Record<string, { command: string; when?: string; group?: string }[]> } };
  const source = fs.readFileSync(path.join(ROOT, 'client', 'src', 'mapView.ts'), 'utf8');

  it('the command is contributed with an icon, registered by the client, and a button in the checklist view\'s title', () => {
    const cmd = pkg.contributes.commands.find((c) => c.command === MapCommands.show);
    assert.ok(cmd);
    assert.equal(cmd.title, 'Show Landscape Map');
    assert.ok(cmd.icon);
    assert.ok(source.includes('registerCommand(MapCommands.show,'));
    const button = pkg.contributes.menus['view/title'].find((m) => m.command === MapCommands.show);
    assert.ok(button?.group?.startsWith('navigation'));
    assert.ok(button?.when?.includes(`view == ${CHECKLIST_VIEW_ID}`));
  });
});
