// Runs the same extension integration suite (test/e2e/*.e2e.ts) in a desktop VS Code downloaded
// by @vscode/test-electron — for machines that can reach update.code.visualstudio.com (not CI
// here: its network allows only the npm registry and Debian; CI uses code-server instead).
// Usage: npm run test:electron   (env VSCODE_VERSION=stable|insiders|1.100.3, LL_E2E_GREP)
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = mkdtempSync(join(tmpdir(), 'll-electron-ws-'));
cpSync(join(root, 'examples'), workspace, { recursive: true });
const resultFile = join(mkdtempSync(join(tmpdir(), 'll-electron-')), 'result.json');
const runId = `electron-${Date.now()}`;

let code = 1;
try {
  await runTests({
    version: process.env.VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'test', 'e2e', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    extensionTestsEnv: { LL_E2E_RESULT: resultFile, LL_E2E_RUN_ID: runId, LL_E2E_GREP: process.env.LL_E2E_GREP ?? '' },
  });
  // as with code-server, trust the result file rather than the exit code alone
  if (existsSync(resultFile)) {
    const r = JSON.parse(readFileSync(resultFile, 'utf8'));
    if (r.runId === runId) {
      console.log(`e2e (electron): ${r.passes} passed, ${r.failures} failed`);
      code = r.failures === 0 && !r.fatal ? 0 : 1;
    } else console.error('stale result file');
  } else console.error('no result file: the extension host did not finish the suite');
} catch (e) {
  console.error(`test-electron failed: ${e instanceof Error ? e.message : String(e)}`);
} finally {
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(code);
