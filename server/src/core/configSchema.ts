import { BASELINES, CONFIG_KEYS } from './config';
import { ALL_RULES } from './lint';

/**
 * The JSON schema of `.landscape-lint.json` (committed as schemas/landscape-lint-config.schema.json
 * by `npm run docs`, associated in package.json so VS Code completes and validates the file).
 * Built from the rules' metadata so that every rule id is completed with its title. parseConfig
 * checks the same at load time, with one difference: a rule id the schema does not list is only
 * a warning there (a setting for a rule of a newer version must not stop an older one).
 */
export function configSchema(): Record<string, unknown> {
  const severity = { enum: ['off', 'info', 'warning', 'error'] };
  const glob = { type: 'string', minLength: 1 };
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'landscape-lint-config.schema.json',
    title: 'landscape-lint configuration (.landscape-lint.json)',
    description: 'Configuration of landscape-lint for the landscape files in this folder and below. JSON with comments and trailing commas.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      rules: {
        type: 'object',
        markdownDescription: 'Severity per rule id: `off`, `info`, `warning` or `error`. See docs/rules.md.',
        properties: Object.fromEntries(ALL_RULES.map((r) => [r.id, { ...severity, markdownDescription: `${r.title} (guide section ${r.section}; default: ${r.severity})` }])),
        // an unknown id is flagged in the editor (VS Code shows schema problems as warnings); the
        // command line warns about it with "did you mean" and goes on (parseConfig)
        additionalProperties: false,
      },
      files: { type: 'array', items: glob, markdownDescription: 'Extra glob patterns of landscape files, relative to this file\'s folder (besides `*.landscape.yaml|yml|json`).' },
      ignore: { type: 'array', items: glob, markdownDescription: 'Glob patterns of files and folders not searched, relative to this file\'s folder (a pattern without `/` matches a name at any depth). `node_modules` and `.git` are always left out; a path named on the command line is always checked.' },
      maxFileSizeKB: { type: 'integer', minimum: 1, default: 65536, markdownDescription: 'Files larger than this (KiB) are not checked; the command line fails on them.' },
      baseline: { enum: [...BASELINES], markdownDescription: 'Which state of SAP\'s requirements the rules judge against.' },
      asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', markdownDescription: 'The date (YYYY-MM-DD) the rules judge dated requirements at.' },
    },
  };
  // the schema and parseConfig must know the same keys
  const keys = Object.keys(schema.properties);
  if (keys.join() !== CONFIG_KEYS.join()) throw new Error(`configSchema keys ${keys.join()} differ from CONFIG_KEYS ${CONFIG_KEYS.join()}`);
  return schema;
}
