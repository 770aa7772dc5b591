/**
 * The texts of the checklist tree, without the VS Code API (unit-tested with mocha): progress,
 * an item's description, and Markdown escaping for tooltips.
 */
import type { ChecklistItemResult } from '../../server/src/protocol';

/**
 * Markdown-escapes text for a tooltip. Not MarkdownString.appendText: it turns every blank into
 * `&nbsp;`, so the hover cannot wrap between words and breaks them mid-word instead (issue 14).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, (c) => `\\${c}`).replace(/\r?\n/g, '  \n');
}

/** A system's progress: "5/9", "0/9, 1 waived" (a waived item still counts), "no checklist applies". */
export function progressText(x: { done: number; total: number; waived?: number }): string {
  const waived = x.waived ?? 0;
  if (x.total + waived === 0) return 'no checklist applies';
  return `${x.done}/${x.total + waived}${waived ? `, ${waived} waived` : ''}`;
}

/** What the tree shows after an item's label: why it is open, the waiver, or nothing when done. */
export function itemDescription(item: ChecklistItemResult): string {
  switch (item.state) {
    case 'open': return item.cause ?? `open · ${item.severity ?? 'warning'}`;
    case 'unknown': return item.cause ?? 'not recorded';
    case 'n/a': return item.waived !== undefined ? `waived: ${item.waived}` : 'n/a';
    default: return '';
  }
}
