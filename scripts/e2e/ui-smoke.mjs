#!/usr/bin/env node
// UI smoke test in a real VS Code (code-server) driven like a person would:
// installs a .vsix, opens the workspace, Ctrl+P opens a landscape file, waits
// for the Problems panel to list a diagnostic, hovers a note number and waits
// for the hover; saves PNG screenshots of each step.
//
//   node scripts/e2e/ui-smoke.mjs EXTENSION.vsix [options]
//
//   --workspace DIR      folder to copy and open (default: <repo>/examples)
//   --file NAME          file to open with Ctrl+P (default: acme.landscape.yaml)
//   --text TEXT          text a Problems entry must contain
//                        (default: "lacks digital-signature support")
//   --hover-token REGEX  token to hover in the editor (default: a 6-8 digit note number)
//   --hover-text TEXT    text the hover must contain (default: any non-empty hover)
//   --screenshots DIR    where PNGs go (default: <repo>/screenshots/ui-smoke)
//   --timeout SECONDS    overall limit (default 300)
//   --step-timeout SECS  limit for each wait (default 60)
//   --verbose            relay code-server's log and the page's console
//
// Closes with `ui-smoke: N passed, N failed` (one check per step).
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO, ensureCodeServer, makeRunDir, makeUserDataDir, copyWorkspace, codeServerEnv, installVsix,
  startCodeServer, launchBrowser, extensionTestUrl, log, sleep, tail,
} from './lib.mjs';

function parseArgs(argv) {
  const o = {
    vsix: null,
    workspace: path.join(REPO, 'examples'),
    file: 'acme.landscape.yaml',
    text: 'lacks digital-signature support',
    hoverToken: '\\b\\d{6,8}\\b',
    hoverText: '',
    screenshots: path.join(REPO, 'screenshots', 'ui-smoke'),
    timeout: 300,
    stepTimeout: 60,
    verbose: !!process.env.LL_E2E_VERBOSE,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { if (i + 1 >= argv.length) usage(`${a} needs a value`); return argv[++i]; };
    if (a === '--workspace') o.workspace = path.resolve(val());
    else if (a === '--file') o.file = val();
    else if (a === '--text') o.text = val();
    else if (a === '--hover-token') o.hoverToken = val();
    else if (a === '--hover-text') o.hoverText = val();
    else if (a === '--screenshots') o.screenshots = path.resolve(val());
    else if (a === '--timeout') o.timeout = Number(val());
    else if (a === '--step-timeout') o.stepTimeout = Number(val());
    else if (a === '--verbose') o.verbose = true;
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else o.vsix = path.resolve(a);
  }
  if (!o.vsix) usage('the .vsix to install is required');
  if (!fs.existsSync(o.vsix)) usage(`${o.vsix} not found (build it with \`npx vsce package\`)`);
  return o;
}

function usage(err) {
  const text = fs.readFileSync(new URL(import.meta.url), 'utf8').split('\n')
    .filter((l) => l.startsWith('//')).slice(0, 21).map((l) => l.slice(3)).join('\n');
  if (err) console.error(`ui-smoke: ${err}\n`);
  console.error(text);
  process.exit(err ? 2 : 0);
}

/** Polls fn() until truthy; returns its value or throws `timed out waiting for WHAT`. */
async function poll(what, fn, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? ` (${last.message.split('\n')[0]})` : ''}`);
    await sleep(intervalMs);
  }
}

const checks = [];
async function check(name, fn) {
  const t = Date.now();
  try {
    await fn();
    checks.push({ name, ok: true });
    log('ui-smoke', `ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    return true;
  } catch (e) {
    checks.push({ name, ok: false, error: e.message });
    log('ui-smoke', `FAIL ${name}: ${e.message}`);
    return false;
  }
}

async function main(o) {
  const stepMs = o.stepTimeout * 1000;
  const entry = ensureCodeServer();
  const runDir = makeRunDir('ui');
  const userDataDir = makeUserDataDir(runDir, {
    'workbench.colorTheme': 'Default Light Modern',
    'editor.hover.delay': 200,
    'problems.autoReveal': true,
  });
  const workspace = copyWorkspace(o.workspace, runDir);
  const env = codeServerEnv(runDir);
  fs.mkdirSync(o.screenshots, { recursive: true });
  log('ui-smoke', `run folder ${runDir}; screenshots in ${o.screenshots}`);

  let installedId = null;
  if (!(await check(`install ${path.basename(o.vsix)}`, async () => {
    const out = installVsix(entry, o.vsix, userDataDir, env);
    log('ui-smoke', out.split('\n').filter((l) => /install/i.test(l)).join(' | '));
    const dirs = fs.readdirSync(path.join(userDataDir, 'extensions')).filter((d) => !d.startsWith('.') && d !== 'extensions.json');
    if (!dirs.length) throw new Error('nothing landed in the extensions folder');
    installedId = dirs.join(', ');
  }))) return;
  log('ui-smoke', `installed: ${installedId}`);

  const cs = await startCodeServer({ entry, userDataDir, runDir, env, verbose: o.verbose });
  let browser;
  const shot = async (page, name) => {
    const file = path.join(o.screenshots, `${name}.png`);
    await page.screenshot({ path: file }).then(() => log('ui-smoke', `screenshot ${file}`))
      .catch((e) => log('ui-smoke', `screenshot ${name} failed: ${e.message}`));
  };
  try {
    browser = await launchBrowser({ runDir });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    if (o.verbose) page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
    const url = extensionTestUrl(cs.url, cs.port, workspace);

    const okWorkbench = await check('workbench loads with the workspace', async () => {
      await page.goto(url, { waitUntil: 'domcontentloaded', timeout: stepMs });
      await poll('the workbench', () => page.locator('.monaco-workbench .part.editor').first().isVisible(), stepMs);
      // the explorer lists the workspace once the remote file system is up
      await poll('the explorer to list files', async () =>
        (await page.locator('.explorer-folders-view .monaco-list-row').count()) > 0, stepMs);
      await sleep(1000); // let startup notifications and layout settle
    });
    await shot(page, '01-workbench');
    if (!okWorkbench) return;

    const okOpen = await check(`Ctrl+P opens ${o.file}`, async () => {
      const input = page.locator('.quick-input-widget input').first();
      await poll('the quick open box', async () => {
        // (a click on the title bar would open the command center instead)
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+P');
        return input.isVisible({ timeout: 2000 });
      }, stepMs, 1000);
      await input.fill(o.file); // replaces whatever prefix ('>' etc.) the box had
      await poll(`${o.file} in the quick open list`, async () =>
        (await page.locator('.quick-input-list .monaco-list-row', { hasText: o.file }).count()) > 0, stepMs);
      await page.keyboard.press('Enter');
      await poll(`an editor tab for ${o.file}`, () =>
        page.locator(`.tabs-container .tab[data-resource-name="${o.file}"], .tabs-container .tab:has-text("${o.file}")`).first().isVisible(), stepMs);
      await poll('the editor text', async () =>
        ((await page.locator('.editor-instance .view-lines').first().textContent()) ?? '').trim().length > 0, stepMs);
    });
    await shot(page, '02-editor');
    if (!okOpen) return;

    await check(`Problems panel lists "${o.text}"`, async () => {
      await poll('the Problems panel', async () => {
        if (await page.locator('.markers-panel').first().isVisible().catch(() => false)) return true;
        await page.keyboard.press('Control+Shift+M'); // View: Toggle Problems
        await sleep(1000);
        return page.locator('.markers-panel').first().isVisible();
      }, stepMs, 500);
      await poll(`a problem containing "${o.text}"`, async () =>
        ((await page.locator('.markers-panel').first().textContent()) ?? '').includes(o.text), stepMs);
    });
    await shot(page, '03-problems');

    await check(`hover over a note number shows a hover${o.hoverText ? ` containing "${o.hoverText}"` : ''}`, async () => {
      const tokenRe = new RegExp(o.hoverToken);
      // click into the editor so it has focus, then find the token's screen rectangle
      await poll('the token\'s position', async () => {
        const box = await tokenBox(page, tokenRe.source, tokenRe.flags);
        if (!box) return false;
        log('ui-smoke', `hovering "${box.text}" at ${Math.round(box.x)},${Math.round(box.y)}`);
        await page.mouse.move(box.x - 20, box.y - 20);
        await page.mouse.move(box.x, box.y, { steps: 5 });
        return true;
      }, stepMs);
      await poll('a .monaco-hover with content', async () => {
        const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: o.hoverText || /\S/ });
        if ((await hover.count()) > 0 && (await hover.first().isVisible())) return true;
        // wiggle the mouse: hovers only start on mouse *movement*
        const box = await tokenBox(page, tokenRe.source, tokenRe.flags);
        if (box) { await page.mouse.move(box.x + 2, box.y); await page.mouse.move(box.x, box.y); }
        return false;
      }, stepMs, 700);
      const text = (await page.locator('.monaco-hover:not(.hidden)').first().textContent()) ?? '';
      log('ui-smoke', `hover says: ${text.replace(/\s+/g, ' ').slice(0, 160)}`);
    });
    await shot(page, '04-hover');
  } finally {
    if (browser) await browser.close().catch(() => {});
    await cs.stop();
    if (checks.some((c) => !c.ok)) console.log(`ui-smoke: last lines of ${cs.logFile}:\n${tail(cs.logFile, 20)}`);
  }
}

/** Center of the first match of the regex in the visible editor lines, in page coordinates. */
function tokenBox(page, source, flags) {
  return page.evaluate(([src, fl]) => {
    const re = new RegExp(src, fl);
    const editor = document.querySelector('.editor-instance .monaco-editor .view-lines');
    if (!editor) return null;
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const m = re.exec(n.textContent.replace(/\u00a0/g, ' '));
      if (!m) continue;
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const rect = r.getBoundingClientRect();
      if (rect.width === 0) continue;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: m[0] };
    }
    return null;
  }, [source, flags]);
}

const opts = parseArgs(process.argv.slice(2));
const hardStop = setTimeout(() => {
  console.log(`ui-smoke: FAILED: overall timeout of ${opts.timeout} s`);
  console.log(`ui-smoke: ${checks.filter((c) => c.ok).length} passed, ${checks.filter((c) => !c.ok).length + 1} failed`);
  process.exit(1);
}, opts.timeout * 1000);
hardStop.unref();
let fatal = null;
try {
  await main(opts);
} catch (e) {
  fatal = e;
  console.error(`ui-smoke: ERROR: ${e.stack ?? e}`);
}
const passed = checks.filter((c) => c.ok).length;
const failed = checks.filter((c) => !c.ok).length + (fatal ? 1 : 0);
for (const c of checks.filter((x) => !x.ok)) console.log(`ui-smoke: FAILED ${c.name}: ${c.error}`);
console.log(`ui-smoke: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
