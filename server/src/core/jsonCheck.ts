/**
 * A strict JSON syntax check that says where the first error is. JSON.parse in Node 20 gives no
 * position for several errors (e.g. a single-quoted string), and the YAML parser accepts what
 * JSON does not (comments, single quotes, trailing commas), so landscape JSON files get this pass.
 */
export interface JsonSyntaxError {
  offset: number;
  message: string;
}

export function checkJsonSyntax(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const n = text.length;
  const fail = (message: string, at = i): never => {
    throw Object.assign(new Error(message), { offset: Math.min(at, n) });
  };
  const ws = (): void => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const describe = (): string => (i >= n ? 'the end of the file' : text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*') ? 'a comment (JSON has none)' : text[i] === "'" ? "a single quote (JSON strings use double quotes)" : `'${text[i]}'`);
  const str = (): void => {
    i++; // opening quote
    while (i < n && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('unescaped control character or line break inside a string');
      if (text[i] === '\\') {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape in a string');
          i += 6;
          continue;
        }
        if (!e || !'"\\/bfnrt'.includes(e)) fail(`invalid escape \\${e ?? ''} in a string`);
        i += 2;
        continue;
      }
      i++;
    }
    if (i >= n) fail('unterminated string');
    i++;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a quoted key, found ${describe()}`);
        str();
        ws();
        if (text[i] !== ':') fail(`expected ':' after a key, found ${describe()}`);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === '}') fail('trailing comma before }');
          continue;
        }
        if (text[i] === '}') { i++; return; }
        fail(`expected ',' or '}', found ${describe()}`);
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          ws();
          if (text[i] === ']') fail('trailing comma before ]');
          continue;
        }
        if (text[i] === ']') { i++; return; }
        fail(`expected ',' or ']', found ${describe()}`);
      }
    }
    if (c === '"') return str();
    const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (!m) fail(`expected a value, found ${describe()}`);
    i += m![0].length;
  };
  try {
    value();
    ws();
    if (i < n) fail(`unexpected ${describe()} after the end of the JSON value`);
    return undefined;
  } catch (e) {
    const offset = (e as { offset?: number }).offset;
    // a stack overflow on absurd nesting: the document check reports the depth
    return offset === undefined ? { offset: Math.min(i, n), message: 'nesting too deep' } : { offset, message: (e as Error).message };
  }
}
