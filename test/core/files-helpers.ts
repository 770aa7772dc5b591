import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** True when `mkfifo` made the pipe (false where there is no mkfifo, e.g. Windows). */
export function makeFifo(file: string): boolean {
  const r = spawnSync('mkfifo', [file]);
  return r.status === 0 && fs.statSync(file).isFIFO();
}

/** `dir/<before>\xff<after>`: a path whose name has a byte that is not valid UTF-8. */
export function invalidUtf8Path(dir: string, before: string, after: string): Buffer {
  return Buffer.concat([Buffer.from(path.join(dir, before)), Buffer.from([0xff]), Buffer.from(after)]);
}
