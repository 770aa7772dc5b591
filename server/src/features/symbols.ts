/**
 * Document symbols (outline): the landscape, its communication users, its tracks with their
 * systems, and the systems grouped by role.
 */
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Pair, Scalar } from 'yaml';
import type { LintResult } from '../core/lint';
import type { Role } from '../core/model';
import { lookup } from '../knowledge';

/** Outline groups of systems, in display order; `kind` is the symbol kind of their systems. */
const ROLE_GROUPS: readonly { role: Role | undefined; name: string; kind: SymbolKind }[] = [
  { role: 'abap', name: 'ABAP systems', kind: SymbolKind.Class },
  { role: 'solman', name: 'SAP Solution Manager', kind: SymbolKind.Module },
  { role: 'frun', name: 'Focused Run', kind: SymbolKind.Event },
  { role: undefined, name: 'Systems without a valid role', kind: SymbolKind.Object },
];

function kindOf(role: Role | undefined): SymbolKind {
  return ROLE_GROUPS.find((g) => g.role === role)?.kind ?? SymbolKind.Object;
}

function span(ranges: Range[]): Range {
  const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
  let start = ranges[0].start;
  let end = ranges[0].end;
  for (const r of ranges) {
    if (before(r.start, start)) start = r.start;
    if (before(end, r.end)) end = r.end;
  }
  return { start, end };
}

/**
 * A symbol name as the outline shows it: editors reject an empty name (VS Code throws on it), so
 * an empty or blank key is shown quoted (`""`, `"  "`), and line breaks become blanks.
 */
export function symbolName(text: string): string {
  if (text.trim() === '') return JSON.stringify(text);
  return /[\r\n]/.test(text) ? text.replace(/\r\n?|\n/g, ' ') : text;
}

/** A symbol whose selection range lies inside its range (LSP), with a visible name. */
function symbol(name: string, kind: SymbolKind, range: Range, selectionRange: Range, extra: Pick<DocumentSymbol, 'detail' | 'children'> = {}): DocumentSymbol {
  const out: DocumentSymbol = { name: symbolName(name), kind, range: span([range, selectionRange]), selectionRange };
  if (extra.detail !== undefined) out.detail = extra.detail;
  if (extra.children !== undefined) out.children = extra.children;
  return out;
}

/**
 * The outline: landscape → Communication users, Tracks (each track → its systems), and the
 * systems grouped by role, each with its SID as name, description and release as detail, the
 * whole entry as range and the SID key as selection range.
 */
export function documentSymbols(result: LintResult): DocumentSymbol[] {
  const doc = result.doc;
  const root = doc.yaml?.contents as YamlNode | null | undefined;
  if (!root || !isMap(root)) return [];
  const lines = doc.lines;
  const rangeOf = (n: YamlNode | null | undefined): Range | undefined => (n?.range ? lines.range(n.range[0], n.range[1]) : undefined);
  const pairOf = (map: YamlNode | null | undefined, key: string): Pair | undefined =>
    isMap(map) ? (map.items as Pair[]).filter((p) => isScalar(p.key) && String((p.key as Scalar).value) === key).pop() : undefined;
  const entryRange = (p: Pair): Range => {
    const k = rangeOf(p.key as YamlNode);
    const v = rangeOf(p.value as YamlNode | null);
    return span([k, v].filter((r): r is Range => !!r));
  };
  /** The scalar keys of a map with their ranges (keys without a position are left out). */
  const entries = (map: YamlNode | null | undefined): { pair: Pair; name: string; keyRange: Range }[] => {
    const out: { pair: Pair; name: string; keyRange: Range }[] = [];
    if (!isMap(map)) return out;
    for (const pair of map.items as Pair[]) {
      const key = pair.key as YamlNode;
      const keyRange = isScalar(key) ? rangeOf(key) : undefined;
      if (keyRange) out.push({ pair, name: String((key as Scalar).value), keyRange });
    }
    return out;
  };
  const groups: DocumentSymbol[] = [];

  const usersPair = pairOf(root, 'communicationUsers');
  if (usersPair && isMap(usersPair.value)) {
    const children = entries(usersPair.value).map(({ pair, name, keyRange }) =>
      symbol(name, SymbolKind.Constant, entryRange(pair), keyRange, { detail: lookup(result.model.communicationUsers, name)?.description }));
    groups.push(symbol('Communication users', SymbolKind.Namespace, entryRange(usersPair), rangeOf(usersPair.key as YamlNode)!, { children }));
  }

  const tracksPair = pairOf(root, 'tracks');
  if (tracksPair && isMap(tracksPair.value)) {
    const children = entries(tracksPair.value).map(({ pair, name, keyRange }) => {
      const systems: DocumentSymbol[] = [];
      if (isSeq(pair.value)) {
        for (const item of pair.value.items as YamlNode[]) {
          const r = rangeOf(item);
          if (!isScalar(item) || !r) continue;
          const sid = String(item.value);
          const s = result.model.systemsById.get(sid);
          systems.push(symbol(sid, kindOf(s?.role), r, r, { detail: s?.description }));
        }
      }
      return symbol(name, SymbolKind.Array, entryRange(pair), keyRange, { detail: systems.map((s) => s.name).join(' → '), children: systems });
    });
    groups.push(symbol('Tracks', SymbolKind.Namespace, entryRange(tracksPair), rangeOf(tracksPair.key as YamlNode)!, { children }));
  }

  const systemsPair = pairOf(root, 'systems');
  if (systemsPair && isMap(systemsPair.value)) {
    const byRole = new Map<Role | undefined, DocumentSymbol[]>();
    for (const { pair, name: sid, keyRange } of entries(systemsPair.value)) {
      const s = result.model.systemsById.get(sid);
      const role = s?.role;
      const level = [s?.release && `release ${s.release}`, s?.basis && `SAP_BASIS ${s.basis}`].filter(Boolean).join(', ');
      const detail = [s?.description, level].filter(Boolean).join(' · ') || undefined;
      let list = byRole.get(role);
      if (!list) byRole.set(role, (list = []));
      list.push(symbol(sid, kindOf(role), entryRange(pair), keyRange, { detail }));
    }
    for (const g of ROLE_GROUPS) {
      const children = byRole.get(g.role);
      if (!children?.length) continue;
      groups.push(symbol(g.name, SymbolKind.Namespace, span(children.map((c) => c.range)), children[0].selectionRange, { detail: `${children.length}`, children }));
    }
  }

  const namePair = pairOf(root, 'landscape');
  const whole = lines.range(0, doc.text.length);
  const selection = rangeOf(namePair?.value as YamlNode | null) ?? rangeOf(namePair?.key as YamlNode) ?? { start: whole.start, end: whole.start };
  return [symbol(result.model.name || 'landscape', SymbolKind.Package, whole, selection, {
    detail: `${result.model.systems.length} system${result.model.systems.length === 1 ? '' : 's'}`,
    children: groups,
  })];
}
