/**
 * A `data` schema the meta-schema accepts but ajv refuses to compile is a `schema-compile`
 * problem with its pointer, line and column, in the command's language: never ajv's exception.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIo } from '../../../src/cli/main.js';
import { loadProcedure } from '../../../src/procedure/load.js';
import {
  checkSchemaCompiles,
  explainCompileFailure,
} from '../../../src/procedure/schema-compile-check.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const base = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../procedure/fixtures/valid-minimal.json', import.meta.url)),
    'utf8',
  ),
);
const dir = mkdtempSync(join(tmpdir(), 'dvc-schema-compile-'));

/** valid-minimal.json changed by `edit`, written two-space indented. */
function variant(name: string, edit: (d: typeof base) => void): string {
  const d = structuredClone(base);
  edit(d);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(d, null, 2));
  return file;
}

// "minimum" on a string: the meta-schema allows it, ajv's strict types refuse it.
const minimumOnString = variant('minimum-on-string', (d) => {
  d.data.properties.phone.minimum = 3;
});
const answers = join(dir, 'answers.json');
writeFileSync(answers, '{}');

const MISSING_TYPE_VI =
  '"minimum" chỉ kiểm tra một số, nhưng lược đồ này không khai báo "type": "number", nên không dựng được bộ kiểm tra câu trả lời. Thêm "type": "number" vào lược đồ này, hoặc bỏ "minimum".';
const MISSING_TYPE_EN =
  '"minimum" only checks a number, but this schema does not declare "type": "number", so the answer checker cannot be built. Add "type": "number" to this schema, or remove "minimum".';

test('lint reports a keyword ajv refuses at the keyword, in Vietnamese and English', async () => {
  const vi = capture();
  assert.equal(await main(['lint', minimumOnString], vi), 1);
  assert.deepEqual(vi.stdout, [
    `${minimumOnString}:78:20  schema-compile  ${MISSING_TYPE_VI}`,
    'Đã kiểm tra 1 tệp: 1 lỗi, 0 cảnh báo.',
  ]);
  const en = capture();
  assert.equal(await main(['lint', '--lang', 'en', '--format', 'json', minimumOnString], en), 1);
  assert.deepEqual(JSON.parse(en.stdout.join('\n')), [
    {
      file: minimumOnString,
      code: 'schema-compile',
      severity: 'error',
      pointer: '/data/properties/phone/minimum',
      line: 78,
      column: 20,
      message: MISSING_TYPE_EN,
    },
  ]);
});

test('check, compile and test print the same problem line, not ajv exception text', async () => {
  for (const args of [
    ['check', minimumOnString, answers],
    ['compile', minimumOnString, '--out', dir],
    ['test', minimumOnString],
  ]) {
    const io = capture();
    // `test` wants a cases file beside the procedure.
    writeFileSync(join(dir, 'minimum-on-string.cases.json'), '{"cases": []}');
    assert.equal(await main([...args, '--lang', 'en'], io), 2, args[0]);
    assert.deepEqual(
      io.stderr,
      [`${minimumOnString}:78:20  schema-compile  ${MISSING_TYPE_EN}`],
      args[0],
    );
  }
});

test('a type contradicting the type around it is named at that "type"', () => {
  const file = variant('type-conflict', (d) => {
    d.data.properties.relation.allOf = [{ type: 'number' }];
  });
  const r = loadProcedure(readFileSync(file, 'utf8'), { checkSchema: checkSchemaCompiles });
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.vi, p.message.en]),
    [
      [
        'schema-compile',
        '/data/properties/relation/allOf/0/type',
        65,
        21,
        '"type": "number" mâu thuẫn với kiểu "string" đã khai báo cho cùng giá trị này ở lược đồ chứa nó, nên không dựng được bộ kiểm tra câu trả lời. Dùng cùng một kiểu ở cả hai chỗ.',
        '"type": "number" contradicts the type "string" declared for the same value by the schema around it, so the answer checker cannot be built. Use one type in both places.',
      ],
    ],
  );
});

test('"if" alone, "else" alone and a short tuple are said in words at the keyword, not at /data', () => {
  // ajv names no place for the first two ("if" without "then" and "else" is ignored): the checker
  // finds the keyword in the file.
  const cases: [string, (d: typeof base) => void, string, number, number, string, string][] = [
    [
      'if-alone',
      (d) => {
        d.data.properties.relation.if = { const: 'father' };
      },
      '/data/properties/relation/if',
      63,
      15,
      '"if" không có "then" hay "else" đi kèm nên không có tác dụng, và bộ kiểm tra câu trả lời không dựng được. Thêm "then" (hoặc "else") vào cùng lược đồ này, hoặc bỏ "if".',
      '"if" has no "then" or "else" beside it, so it does nothing, and the answer checker cannot be built. Add "then" (or "else") to this schema, or remove "if".',
    ],
    [
      'else-alone',
      (d) => {
        d.data.properties.phone.allOf = [{ else: { minLength: 10 } }];
      },
      '/data/properties/phone/allOf/0/else',
      80,
      21,
      '"else" không có "if" đi kèm trong cùng lược đồ nên không có tác dụng, và bộ kiểm tra câu trả lời không dựng được. Thêm "if", hoặc bỏ "else".',
      '"else" has no "if" beside it in this schema, so it does nothing, and the answer checker cannot be built. Add "if", or remove "else".',
    ],
    [
      'short-tuple',
      (d) => {
        d.data.properties.pair = {
          type: 'array',
          prefixItems: [{ type: 'string' }, { type: 'string' }],
        };
      },
      '/data/properties/pair/prefixItems',
      81,
      24,
      '"prefixItems" cho lược đồ của 2 phần tử đầu, nhưng lược đồ này không nói danh sách có đúng 2 phần tử, nên bộ kiểm tra câu trả lời không dựng được. Thêm "minItems": 2 và "maxItems": 2 (hoặc "items": false).',
      '"prefixItems" gives a schema for each of 2 item(s), but this schema does not say the list has exactly 2 item(s), so the answer checker cannot be built. Add "minItems": 2 and "maxItems": 2 (or "items": false).',
    ],
  ];
  for (const [name, edit, pointer, line, column, vi, en] of cases) {
    const file = variant(name, edit);
    const r = loadProcedure(readFileSync(file, 'utf8'), { checkSchema: checkSchemaCompiles });
    assert.deepEqual(
      r.problems.map((p) => [p.code, p.pointer, p.line, p.column, p.message.vi, p.message.en]),
      [['schema-compile', pointer, line, column, vi, en]],
      name,
    );
    // Without the checker (the browser's loader), the file loads: the form reports it on compile.
    assert.equal(loadProcedure(readFileSync(file, 'utf8')).ok, true, name);
  }
});

test("a refusal the checker has no words for keeps ajv's reason inside a plain sentence", () => {
  const cause = new Error('strict mode: some future refusal at "#/properties/x"');
  assert.deepEqual(explainCompileFailure(new Error('wrapped', { cause }), {}), {
    pointer: '/data/properties/x',
    message: {
      vi: 'Không dựng được bộ kiểm tra câu trả lời từ lược đồ "data" (ajv báo: some future refusal at "#/properties/x").',
      en: 'The answer checker cannot be built from the "data" schema (ajv says: some future refusal at "#/properties/x").',
    },
  });
});

test('one ajv instance for every check: nothing of one schema is left for the next', () => {
  // A schema with an $id: compiles, and compiles again in another object (no "already exists").
  const withId = {
    $id: 'https://example.test/procedure',
    type: 'object',
    $defs: { name: { $id: 'https://example.test/name', type: 'string' } },
    properties: { a: { $ref: '#/$defs/name' } },
  };
  assert.equal(checkSchemaCompiles(withId), undefined);
  assert.equal(checkSchemaCompiles(structuredClone(withId)), undefined);
  // A reference the compiler refuses: at the $ref itself, not at /data.
  const external = { type: 'object', properties: { b: { $ref: 'https://example.test/name' } } };
  assert.deepEqual(checkSchemaCompiles(external), {
    pointer: '/data/properties/b/$ref',
    message: {
      vi: 'Không dựng được bộ kiểm tra câu trả lời từ lược đồ "data" (ajv báo: only local references (#/$defs/…) are allowed).',
      en: 'The answer checker cannot be built from the "data" schema (ajv says: only local references (#/$defs/…) are allowed).',
    },
  });
  // Asked again about the same text (preview on every save): the same answer.
  assert.deepEqual(checkSchemaCompiles(structuredClone(external)), checkSchemaCompiles(external));
  // After a refusal, a schema that compiles still does; one ajv refuses still is.
  assert.equal(
    checkSchemaCompiles({ type: 'object', properties: { c: { type: 'string', minLength: 1 } } }),
    undefined,
  );
  assert.equal(
    checkSchemaCompiles({ type: 'object', properties: { d: { minimum: 1 } } })?.pointer,
    '/data/properties/d/minimum',
  );
});
