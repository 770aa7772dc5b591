/**
 * Document symbols (outline): the landscape, its communication users, its tracks with their
 * systems, and its systems in file order (the role in each system's detail).
 */
import type { DocumentSymbol, Range } from 'vscode-languageserver-types';
import { SymbolKind } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node as YamlNode, Pair, Scalar } from 'yaml';
import type { LintResult } from '../core/lint';
import type { Role } from '../core/model';
import { lookup } from '../knowledge';

/** Per role: the symbol kind of its systems (their icon) and the word in their detail. */
const ROLE_GROUPS: readonly { role: Role | undefined; label: string; kind: SymbolKind }[] = [
  { role: 'abap', label: 'ABAP', kind: SymbolKind.Class },
  { role: 'solman', label: 'SAP Solution Manager', kind: SymbolKind.Module },
  { role: 'frun', label: 'Focused Run', kind: SymbolKind.Event },
  { role: undefined, label: 'no valid role', kind: SymbolKind.Object },
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
 * The outline: landscape → Communication users, Tracks (each track → its systems), Systems (in
 * file order), each system with its SID as name, role, description and release as detail, the
 * whole entry as range and the SID key as selection range. Every symbol's range is the file's
 * entry it names, so parents contain exactly their children (sticky scroll, breadcrumbs).
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

  // The systems follow the file's structure (one "Systems" symbol over the `systems:` entry, the
  // systems in file order, the role in the detail): a group per role would have to span the
  // systems of other roles between its members, and sticky scroll and the breadcrumb would then
  // show the wrong parent (issue 14).
  const systemsPair = pairOf(root, 'systems');
  const systemsKey = rangeOf(systemsPair?.key as YamlNode | undefined);
  if (systemsPair && systemsKey && isMap(systemsPair.value)) {
    const children = entries(systemsPair.value).map(({ pair, name: sid, keyRange }) => {
      const s = result.model.systemsById.get(sid);
      const role = s?.role;
      const level = [s?.release && `release ${s.release}`, s?.basis && `SAP_BASIS ${s.basis}`].filter(Boolean).join(', ');
      const roleText = ROLE_GROUPS.find((g) => g.role === role)?.label;
      // "SAP Solution Manager · SAP Solution Manager 7.2" says it twice: the role only when new
      const roleShown = roleText && !s?.description?.toLowerCase().includes(roleText.toLowerCase()) ? roleText : undefined;
      const detail = [roleShown, s?.description, level].filter(Boolean).join(' · ') || undefined;
      return symbol(sid, kindOf(role), entryRange(pair), keyRange, { detail });
    });
    groups.push(symbol('Systems', SymbolKind.Namespace, entryRange(systemsPair), systemsKey, { detail: `${children.length}`, children }));
  }

  const namePair = pairOf(root, 'landscape');
  const whole = lines.range(0, doc.text.length);
  const selection = rangeOf(namePair?.value as YamlNode | null) ?? rangeOf(namePair?.key as YamlNode) ?? { start: whole.start, end: whole.start };
  return [symbol(result.model.name || 'landscape', SymbolKind.Package, whole, selection, {
    detail: `${result.model.systems.length} system${result.model.systems.length === 1 ? '' : 's'}`,
    children: groups,
  })];
}
