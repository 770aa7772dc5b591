/**
 * "Create Landscape File": the file name it writes and the template it inserts. Kept free of
 * `vscode` so tests can check them.
 *
 * The template is the server's new-file template (server/src/features/templates.ts, the same the
 * completion offers in an empty file), inserted as a snippet: its tab stops walk the user through the landscape name, the communication user, the
 * track and the system's values, and its default values make a file without findings (issue 14:
 * the old fixed template started with 16 findings and was written without asking where).
 */

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
