/**
 * The page of the Landscape Map webview (mapView.ts): markup, theme CSS and script, without the
 * `vscode` module so that the unit tests can check its CSP. The SVG comes later by message.
 */
import { randomBytes } from 'crypto';

/** VS Code's theme colours for the `--ll-*` variables of MAP_CSS. */
const THEME_CSS = `
:root {
  --ll-fg: var(--vscode-editor-foreground); --ll-muted: var(--vscode-descriptionForeground);
  --ll-bg: var(--vscode-editor-background); --ll-node-bg: var(--vscode-editor-background);
  --ll-lane-bg: var(--vscode-sideBar-background, var(--vscode-editorWidget-background));
  --ll-border: var(--vscode-editorWidget-border, var(--vscode-panel-border, #8888));
  --ll-focus: var(--vscode-focusBorder); --ll-link: var(--vscode-textLink-foreground);
  --ll-on-status: var(--vscode-editor-background);
  --ll-red: var(--vscode-charts-red); --ll-amber: var(--vscode-charts-yellow); --ll-green: var(--vscode-charts-green);
  --ll-red-bg: color-mix(in srgb, var(--vscode-charts-red) 22%, var(--vscode-editor-background));
  --ll-amber-bg: color-mix(in srgb, var(--vscode-charts-yellow) 22%, var(--vscode-editor-background));
  --ll-green-bg: color-mix(in srgb, var(--vscode-charts-green) 22%, var(--vscode-editor-background));
  --ll-font: var(--vscode-font-family);
}
html, body { height: 100%; }
/* header above a scrolling map: the header may wrap to more lines in a narrow panel */
body { margin: 0; padding: 0; display: flex; flex-direction: column; color: var(--ll-fg); background: var(--ll-bg); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
header { flex: none; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 6px 10px; background: var(--ll-bg); border-bottom: 1px solid var(--ll-border); }
header .title { font-weight: 600; }
header .summary { color: var(--ll-muted); flex: 1 1 300px; }
button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: none; padding: 2px 8px; min-width: 28px; cursor: pointer; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button:focus-visible { outline: 1px solid var(--ll-focus); }
#viewport { flex: 1 1 auto; min-height: 0; overflow: auto; padding: 8px; }
#message { padding: 12px; color: var(--ll-muted); }
.legend { color: var(--ll-muted); padding: 0 10px 4px; font-size: 12px; }
`;

/** The webview's script: draws what it is sent, keeps zoom and scroll, reports clicks. */
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const state = Object.assign({ zoom: 1, left: 0, top: 0 }, vscode.getState() || {});
  const viewport = document.getElementById('viewport');
  const holder = document.getElementById('map');
  const message = document.getElementById('message');
  const zoomText = document.getElementById('zoom-level');
  let size = null;
  let restored = false;
  function save() { vscode.setState({ zoom: state.zoom, left: viewport.scrollLeft, top: viewport.scrollTop }); }
  function applyZoom() {
    const svg = holder.querySelector('svg');
    if (svg && size) { svg.setAttribute('width', String(Math.round(size.w * state.zoom))); svg.setAttribute('height', String(Math.round(size.h * state.zoom))); }
    zoomText.textContent = Math.round(state.zoom * 100) + '%';
  }
  function setZoom(z, keepCenter) {
    const cx = (viewport.scrollLeft + viewport.clientWidth / 2) / state.zoom;
    const cy = (viewport.scrollTop + viewport.clientHeight / 2) / state.zoom;
    state.zoom = Math.min(4, Math.max(0.1, z));
    applyZoom();
    if (keepCenter) { viewport.scrollLeft = cx * state.zoom - viewport.clientWidth / 2; viewport.scrollTop = cy * state.zoom - viewport.clientHeight / 2; }
    save();
  }
  function fit() {
    if (!size) return;
    setZoom(Math.min(1, (viewport.clientWidth - 20) / size.w), false);
  }
  document.getElementById('zoom-in').addEventListener('click', () => setZoom(state.zoom * 1.25, true));
  document.getElementById('zoom-out').addEventListener('click', () => setZoom(state.zoom / 1.25, true));
  document.getElementById('zoom-reset').addEventListener('click', () => setZoom(1, true));
  document.getElementById('zoom-fit').addEventListener('click', fit);
  viewport.addEventListener('wheel', (e) => { if (e.ctrlKey || e.metaKey) { e.preventDefault(); setZoom(state.zoom * (e.deltaY < 0 ? 1.1 : 1 / 1.1), true); } }, { passive: false });
  let timer;
  viewport.addEventListener('scroll', () => { clearTimeout(timer); timer = setTimeout(save, 100); });
  function select(sid) {
    for (const a of holder.querySelectorAll('a.sys')) a.classList.toggle('selected', a.getAttribute('data-sid') === sid);
  }
  holder.addEventListener('click', (e) => {
    const a = e.target.closest && e.target.closest('a[data-sid]');
    if (!a) return;
    e.preventDefault();
    select(a.getAttribute('data-sid'));
    vscode.postMessage({ type: 'reveal', sid: a.getAttribute('data-sid') });
  });
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (m.type !== 'update') return;
    document.getElementById('title').textContent = m.title;
    document.getElementById('summary').textContent = m.summary;
    message.textContent = m.message || '';
    message.hidden = !m.message;
    const selected = holder.querySelector('a.sys.selected');
    // the SVG is the extension's own rendering of the server's model (all text escaped)
    holder.innerHTML = m.svg || '';
    // how many redraws so far (the UI smoke test waits for one after an edit)
    holder.setAttribute('data-renders', String(Number(holder.getAttribute('data-renders') || 0) + 1));
    const svg = holder.querySelector('svg');
    size = svg ? { w: Number(svg.getAttribute('width')), h: Number(svg.getAttribute('height')) } : null;
    applyZoom();
    if (selected) select(selected.getAttribute('data-sid'));
    if (!restored && svg) { restored = true; viewport.scrollLeft = state.left; viewport.scrollTop = state.top; }
    vscode.postMessage({ type: 'rendered', sids: [...holder.querySelectorAll('a.sys[data-sid]')].map((a) => a.getAttribute('data-sid')), zoom: state.zoom });
  });
  vscode.postMessage({ type: 'ready' });
})();
`;

/** A fresh nonce for the page's CSP (128 random bits). */
export function nonce(): string {
  return randomBytes(16).toString('hex');
}

/** The page: a header with zoom buttons and the scrolling element the SVG is put into. */
export function mapPageHtml(cspSource: string, n: string, css: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${n}'; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Landscape Map</title>
<style nonce="${n}">${THEME_CSS}${css}</style>
</head>
<body>
<header>
<span class="title" id="title">Landscape Map</span>
<span class="summary" id="summary" role="status"></span>
<button id="zoom-out" title="Zoom out" aria-label="Zoom out">−</button>
<button id="zoom-reset" title="Actual size" aria-label="Actual size"><span id="zoom-level">100%</span></button>
<button id="zoom-in" title="Zoom in" aria-label="Zoom in">+</button>
<button id="zoom-fit" title="Fit to width" aria-label="Fit to width">Fit</button>
</header>
<div id="viewport">
<div class="legend">✓ ready · ! needs attention · ✗ not ready (bar: solid, dotted, hatched) · red dashed arrow: transport gap · select a system to show it in the file and the checklist</div>
<div id="message" hidden></div>
<div id="map"></div>
</div>
<script nonce="${n}">${SCRIPT}</script>
</body>
</html>`;
}
