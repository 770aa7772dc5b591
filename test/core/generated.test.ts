import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ROOT } from '../support/helpers';

describe('generated validator', () => {
  it('server/src/generated/landscapeValidator.ts matches the schema (run `npm run generate`)', () => {
    const url = pathToFileURL(path.join(ROOT, 'scripts', 'gen-validator.mjs')).toString();
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { generateValidator } from '${url}'; process.stdout.write(generateValidator());`], { encoding: 'utf8', cwd: ROOT, maxBuffer: 1 << 26 });
    assert.equal(r.status, 0, r.stderr);
    const committed = fs.readFileSync(path.join(ROOT, 'server', 'src', 'generated', 'landscapeValidator.ts'), 'utf8');
    assert.ok(committed === r.stdout, 'the precompiled validator is stale: run `npm run generate` and commit the result');
  });
});
