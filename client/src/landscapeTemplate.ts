/**
 * "Create Landscape File": the file name it writes and the template it inserts. Kept free of
 * `vscode` so tests can check them.
 *
 * The template is the snippet "Landscape: new file" of snippets/landscape-*.json, inserted as a
 * snippet: its tab stops walk the user through the landscape name, the communication user, the
 * track and the system's values, and its default values make a file without findings (issue 14:
 * the old fixed template started with 16 findings and was written without asking where).
 */

/** The snippet of snippets/landscape-yaml.json and landscape-json.json the command inserts. */
export const NEW_FILE_SNIPPET = 'Landscape: new file';

/** The name the save dialog proposes. */
export const DEFAULT_LANDSCAPE_FILE_NAME = 'my.landscape.yaml';

/**
 * The file name as given, made a landscape file name: `acme` and `acme.yaml` become
 * `acme.landscape.yaml`, `acme.json` becomes `acme.landscape.json`; a `*.landscape.(yaml|yml|json)`
 * name stays as it is (only those are checked without a `landscapeLint.files` setting).
 */
export function landscapeFileName(name: string): string {
  if (/\.landscape\.(ya?ml|json)$/i.test(name)) return name;
  const ext = /\.(ya?ml|json)$/i.exec(name);
  return ext ? `${name.slice(0, ext.index)}.landscape${ext[0]}` : `${name}.landscape.yaml`;
}

/** The snippet body (lines) of a snippets file's "new file" entry, as one text. */
export function snippetBody(snippets: Record<string, { body: string | string[] }>): string {
  const body = snippets[NEW_FILE_SNIPPET]?.body;
  if (body === undefined) throw new Error(`no snippet "${NEW_FILE_SNIPPET}"`);
  return Array.isArray(body) ? body.join('\n') : body;
}
