import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli';
import { ROOT } from '../support/helpers';

export interface RunOptions {
  cwd?: string;
  isTTY?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Standard input; reading it without this is a test error. */
  stdin?: string | Buffer;
}

export interface RunResult {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process with captured output. */
export function runCli(args: string[], options: RunOptions = {}): RunResult {
  let out = '';
  let err = '';
  const code = main(args, {
    out: (s) => { out += s + '\n'; },
    err: (s) => { err += s + '\n'; },
    cwd: options.cwd ?? ROOT,
    isTTY: options.isTTY ?? false,
    env: options.env ?? {},
    readStdin: () => {
      if (options.stdin === undefined) throw new Error('test gave no standard input');
      return Buffer.isBuffer(options.stdin) ? options.stdin : Buffer.from(options.stdin, 'utf8');
    },
  });
  return { code, out, err };
}

/** A temporary folder with the given files (path → content); removed by the caller's `after`. */
export function tempTree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'll-cli-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

export const CLEAN_YAML = fs.readFileSync(path.join(ROOT, 'examples', 'clean.landscape.yaml'), 'utf8');
export const CLEAN_JSON = fs.readFileSync(path.join(ROOT, 'examples', 'clean.landscape.json'), 'utf8');
export const ACME_YAML = fs.readFileSync(path.join(ROOT, 'examples', 'acme.landscape.yaml'), 'utf8');
export const BROKEN_YAML = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'cli', 'broken.landscape.yaml'), 'utf8');

/** File names in the JSON output. */
export function listed(r: RunResult): string[] {
  return (JSON.parse(r.out) as { files: { file: string }[] }).files.map((f) => f.file);
}
