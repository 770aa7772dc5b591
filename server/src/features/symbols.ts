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
  const groups: DocumentSymbol[] = [];

  const usersPair = pairOf(root, 'communicationUsers');
  if (usersPair && isMap(usersPair.value)) {
    const children: DocumentSymbol[] = [];
    for (const p of usersPair.value.items as Pair[]) {
      const key = p.key as YamlNode;
      if (!isScalar(key) || !key.range) continue;
      const id = String(key.value);
      children.push({
        name: id,
        detail: result.model.communicationUsers[id]?.description,
        kind: SymbolKind.Constant,
        range: entryRange(p),
        selectionRange: rangeOf(key)!,
      });
    }
    groups.push({ name: 'Communication users', kind: SymbolKind.Namespace, range: entryRange(usersPair), selectionRange: rangeOf(usersPair.key as YamlNode)!, children });
  }

  const tracksPair = pairOf(root, 'tracks');
  if (tracksPair && isMap(tracksPair.value)) {
    const children: DocumentSymbol[] = [];
    for (const p of tracksPair.value.items as Pair[]) {
      const key = p.key as YamlNode;
      if (!isScalar(key) || !key.range) continue;
      const systems: DocumentSymbol[] = [];
      if (isSeq(p.value)) {
        for (const item of p.value.items as YamlNode[]) {
          const r = rangeOf(item);
          if (!isScalar(item) || !r) continue;
          const sid = String(item.value);
          const s = result.model.systemsById.get(sid);
          systems.push({ name: sid, detail: s?.description, kind: kindOf(s?.role), range: r, selectionRange: r });
        }
      }
      children.push({
        name: String(key.value),
        detail: systems.map((s) => s.name).join(' → '),
        kind: SymbolKind.Array,
        range: entryRange(p),
        selectionRange: rangeOf(key)!,
        children: systems,
      });
    }
    groups.push({ name: 'Tracks', kind: SymbolKind.Namespace, range: entryRange(tracksPair), selectionRange: rangeOf(tracksPair.key as YamlNode)!, children });
  }

  const systemsPair = pairOf(root, 'systems');
  if (systemsPair && isMap(systemsPair.value)) {
    const byRole = new Map<Role | undefined, DocumentSymbol[]>();
    for (const p of systemsPair.value.items as Pair[]) {
      const key = p.key as YamlNode;
      if (!isScalar(key) || !key.range) continue;
      const sid = String(key.value);
      const s = result.model.systemsById.get(sid);
      const role = s?.role;
      const level = [s?.release && `release ${s.release}`, s?.basis && `SAP_BASIS ${s.basis}`].filter(Boolean).join(', ');
      const symbol: DocumentSymbol = {
        name: sid,
        detail: [s?.description, level].filter(Boolean).join(' · ') || undefined,
        kind: kindOf(role),
        range: entryRange(p),
        selectionRange: rangeOf(key)!,
      };
      byRole.set(role, [...(byRole.get(role) ?? []), symbol]);
    }
    const systemGroups: DocumentSymbol[] = [];
    for (const g of ROLE_GROUPS) {
      const children = byRole.get(g.role);
      if (!children?.length) continue;
      const range = span(children.map((c) => c.range));
      systemGroups.push({ name: g.name, detail: `${children.length}`, kind: SymbolKind.Namespace, range, selectionRange: children[0].selectionRange, children });
    }
    groups.push(...systemGroups);
  }

  const namePair = pairOf(root, 'landscape');
  const whole = lines.range(0, doc.text.length);
  const selection = rangeOf(namePair?.value as YamlNode | null) ?? rangeOf(namePair?.key as YamlNode) ?? { start: whole.start, end: whole.start };
  return [{
    name: result.model.name || 'landscape',
    detail: `${result.model.systems.length} system${result.model.systems.length === 1 ? '' : 's'}`,
    kind: SymbolKind.Package,
    range: whole,
    selectionRange: selection,
    children: groups,
  }];
}
