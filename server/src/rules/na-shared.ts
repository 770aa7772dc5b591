/**
 * Helpers of the Note Assistant rules (group-note-assistant) for building fixes safely on
 * documents whose shape the schema rejects.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { LandscapeDocument } from '../core/document';
import type { DocEditor, EditValue } from '../core/edits';
import type { NodePath } from '../core/types';

/** A scalar written as `key:` with nothing after it: the parser gives it an empty range. */
function isEmptyValue(node: unknown): node is { range: [number, number, number] } {
  if (!isScalar(node)) return false;
  const r = node.range;
  return !!r && r[0] === r[1];
}

/**
 * Whether a fix can write at `path` without producing a duplicate key or invalid text: every
 * node that exists above the leaf must be a map or an empty `key:`; when a list is written, an
 * existing leaf must not be a map. (An explicit `null`, a scalar or a list above the leaf is a
 * schema finding; writing below it would break the file.)
 */
export function canWriteAt(doc: LandscapeDocument, path: NodePath, leaf: 'scalar' | 'list'): boolean {
  for (let n = 1; n <= path.length; n++) {
    const { pair, value } = doc.nodeAt(path.slice(0, n));
    if (!pair && value === undefined) return true; // missing from here on: inserted as new keys
    if (n === path.length) return leaf === 'scalar' || value === undefined || isSeq(value) || isScalar(value);
    if (value === undefined || isEmptyValue(value)) return true;
    if (!isMap(value)) return false;
  }
  return true;
}

/**
 * Edits that set the value at `path`, like DocEditor.setValue / addToList, except for an empty
 * `key:` leaf, where the value is inserted after the colon with a space (the editor would glue
 * it to the colon, `notes:[…]`, which YAML reads as a different key).
 * @returns [] when the file's shape does not allow a safe edit
 */
export function writeEdits(doc: LandscapeDocument, editor: DocEditor, path: NodePath, value: EditValue | readonly (string | number)[], mode: 'set' | 'append'): TextEdit[] {
  if (!canWriteAt(doc, path, Array.isArray(value) ? 'list' : 'scalar')) return [];
  const { value: node } = doc.nodeAt(path);
  if (isEmptyValue(node)) {
    const text = Array.isArray(value) ? `[${value.join(', ')}]` : typeof value === 'object' ? undefined : String(value);
    if (text === undefined) return [];
    const at = doc.lines.positionAt(node.range[0]);
    return [{ range: { start: at, end: at }, newText: ` ${text}` }];
  }
  if (mode === 'append' && Array.isArray(value)) return editor.addToList(path, value as readonly (string | number)[]);
  return editor.setValue(path, value as EditValue);
}
