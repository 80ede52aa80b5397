import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { main, type CliIo } from '../../../src/cli/main.js';
import {
  compileProcedureModule,
  createValidator,
  type CompiledProcedureModule,
} from '../../../src/validation/index.js';
import { loadProcedure } from '../../../src/procedure/load.js';
import type { Procedure } from '../../../src/procedure/types.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const dir = mkdtempSync(join(tmpdir(), 'dvc-compile-'));
/** The chunks of the last build (`npm run build`), by source module. */
const CHUNKS = JSON.parse(
  readFileSync(new URL('../../../dist/chunks.json', import.meta.url), 'utf8'),
) as Record<string, { file: string }>;
/** The engine chunk, which every form preloads. */
const ENGINE_FILE = CHUNKS['components/form/engine.ts'].file;
const procedure = (
  JSON.parse(
    readFileSync(new URL('../validation/fixtures/keywords.json', import.meta.url), 'utf8'),
  ) as { procedure: Procedure }
).procedure;
const procedureFile = join(dir, 'procedure.json');
writeFileSync(procedureFile, JSON.stringify(procedure));

test('compile writes <code>-<version>-<hash8>.js and prints its path', async () => {
  const io = capture();
  const out = join(dir, 'out');
  assert.equal(await main(['compile', procedureFile, '--out', out], io), 0);
  assert.equal(io.stdout.length, 1);
  assert.match(io.stdout[0], /\/out\/1\.000002-2\.1\.0-[0-9a-f]{8}\.js$/);
  const source = readFileSync(io.stdout[0], 'utf8');
  // No imports, no require left outside bind's local, no eval-like constructs.
  assert.doesNotMatch(source, /^\s*import\s/m);
  assert.doesNotMatch(source, /new Function|eval\(/);
  const compiled = (await import(pathToFileURL(io.stdout[0]).href)) as CompiledProcedureModule;
  assert.deepEqual(compiled.procedure, { code: '1.000002', version: '2.1.0' });
  assert.equal(io.stdout[0].slice(-11, -3), compiled.hash.slice(0, 8));
  assert.deepEqual(compiled.schema, procedure.data);
  const v = await createValidator(procedure, { compiled });
  assert.deepEqual(
    v
      .validate({ fullName: 'An', accept: true, kind: 'to-chuc', org: { taxCode: '0100233489' } })
      .problems.map((p) => [p.path, p.code]),
    [['/org/taxCode', 'format.vn-tax-code']],
  );
});

test('the module embeds the procedure as loaded and the SHA-256 of the file bytes', async () => {
  // Pretty-printed, with a multi-byte title: the hash is of these exact bytes, not of
  // a re-serialisation (the server hashes the file it serves).
  const file = join(dir, 'embedded.json');
  const text = JSON.stringify({ ...procedure, title: { vi: 'Thủ tục thử', en: 'Test' } }, null, 2);
  writeFileSync(file, text + '\n');
  const io = capture();
  assert.equal(await main(['compile', file, '--out', join(dir, 'embedded')], io), 0);
  const compiled = (await import(pathToFileURL(io.stdout[0]).href)) as CompiledProcedureModule;
  const loaded = loadProcedure(readFileSync(file, 'utf8'), { file });
  assert.ok(loaded.ok);
  assert.deepEqual(compiled.definition, loaded.procedure);
  assert.equal(compiled.definition?.title.vi, 'Thủ tục thử');
  assert.equal(
    compiled.procedureSha256,
    createHash('sha256')
      .update(Buffer.from(text + '\n', 'utf8'))
      .digest('hex'),
  );
  assert.match(compiled.procedureSha256 ?? '', /^[0-9a-f]{64}$/);
});

test('compileProcedureModule without a file hash embeds no procedureSha256', async () => {
  const { source } = await compileProcedureModule(procedure);
  assert.match(source, /^export const definition = \{/m);
  assert.doesNotMatch(source, /procedureSha256/);
  await assert.rejects(compileProcedureModule(procedure, { procedureSha256: 'ABC' }), {
    name: 'CompileError',
    message: 'procedureSha256 must be 64 lower-case hex digits',
  });
});

test('every artefact lists the form engine chunk first among the chunks to preload', async () => {
  // The engine (session, validation, rules) is a lazy chunk every form loads before it is ready
  // (issue 22 round 5): a page that preloads `chunks` fetches it beside the bundle, then the
  // lazy elements this fixture's first step shows (a repeat group).
  const expected = ['components/form/engine.ts', 'components/repeat-group/repeat-group.ts'];
  assert.deepEqual((await compileProcedureModule(procedure)).chunks, expected);
  const form = await compileProcedureModule(procedure, { form: { bundle: './dvc-forms.min.js' } });
  assert.deepEqual(form.chunks, expected);
});

test('a procedure with lint errors is not compiled and nothing is written', async () => {
  // An unknown field in a step is a loader error (what `dvc-forms lint` reports).
  const bad = join(dir, 'lint-error.json');
  const broken = structuredClone(procedure) as unknown as {
    ui: { steps: { fields: unknown[] }[] };
  };
  broken.ui.steps[0].fields.push({ field: 'khongCo', widget: 'text', label: { vi: 'Không có' } });
  writeFileSync(bad, JSON.stringify(broken, null, 1));
  const io = capture();
  const out = join(dir, 'lint-out');
  const text = readFileSync(bad, 'utf8').split('\n');
  const line = text.findIndex((l) => l.includes('"khongCo"')) + 1;
  const at = `${bad}:${line}:${text[line - 1]!.indexOf('"khongCo"') + 1}`;
  // As `dvc-forms lint` prints it: the code, not the pointer, in Vietnamese unless --lang en.
  assert.equal(await main(['compile', bad, '--out', out], io), 2);
  assert.deepEqual(io.stdout, []);
  assert.deepEqual(io.stderr, [
    `${at}  unknown-field  Trường "khongCo" không có trong lược đồ dữ liệu "data".`,
  ]);
  const en = capture();
  assert.equal(await main(['compile', bad, '--out', out, '--lang', 'en'], en), 2);
  assert.deepEqual(en.stdout, []);
  assert.deepEqual(en.stderr, [
    `${at}  unknown-field  The field "khongCo" does not exist in the "data" schema.`,
  ]);
  assert.equal(existsSync(out), false);
});

test('the file name is stable: same schema, same hash', async () => {
  const a = capture();
  const b = capture();
  await main(['compile', procedureFile, '--out', join(dir, 'a')], a);
  await main(['compile', procedureFile, '--out', join(dir, 'b')], b);
  assert.equal(a.stdout[0].split('/').pop(), b.stdout[0].split('/').pop());
});

test('a schema ajv refuses (strict mode) is reported as schema-compile and nothing is written', async () => {
  // The loader accepts it; ajv's strictTypes catches "minimum" on a string field.
  const bad = join(dir, 'bad.json');
  const data = structuredClone(procedure.data) as unknown as {
    properties: Record<string, unknown>;
  };
  data.properties.fullName = { type: 'string', minimum: 2 };
  writeFileSync(bad, JSON.stringify({ ...procedure, data }));
  const io = capture();
  const out = join(dir, 'bad-out');
  assert.equal(await main(['compile', bad, '--out', out, '--lang', 'en'], io), 2);
  // Found by the loader's schema checker: a problem line at "minimum", not ajv's exception.
  assert.equal(io.stderr.length, 1);
  assert.match(
    io.stderr[0]!,
    /^.*bad\.json:1:\d+ {2}schema-compile {2}"minimum" only checks a number, but this schema does not declare "type": "number", so the answer checker cannot be built\. Add "type": "number" to this schema, or remove "minimum"\.$/,
  );
  assert.equal(existsSync(out), false);
});

test('a file the loader rejects is reported with line and column, exit 2', async () => {
  const bad = join(dir, 'loop.json');
  const data = structuredClone(procedure.data) as unknown as { $defs: Record<string, unknown> };
  data.$defs.a = { $ref: '#/$defs/a' };
  writeFileSync(bad, JSON.stringify({ ...procedure, data }, null, 1));
  const io = capture();
  assert.equal(await main(['compile', bad, '--out', join(dir, 'loop-out')], io), 2);
  assert.match(
    io.stderr[0],
    new RegExp(`^${bad.replace(/[.]/g, '\\.')}:\\d+:\\d+  ref-cycle  Tham chiếu "#/\\$defs/a" `),
  );
});

test('usage errors exit 2', async () => {
  const io = capture();
  assert.equal(await main(['compile', procedureFile], io), 2);
  assert.deepEqual(io.stderr, [
    'dvc-forms compile: thiếu thư mục ghi kết quả (--out <thư-mục>).',
    'Cách dùng: dvc-forms compile <thủ-tục.json> --out <thư-mục> [--form [--bundle <url>]] [--lang vi|en]',
  ]);
  const fr = capture();
  assert.equal(await main(['compile', procedureFile, '--out', dir, '--lang', 'fr'], fr), 2);
  assert.deepEqual(fr.stderr, [
    'dvc-forms compile: giá trị "fr" không dùng được cho --lang (dùng vi hoặc en).',
    io.stderr[1],
  ]);
  const bundle = capture();
  assert.equal(
    await main(
      ['compile', procedureFile, '--out', dir, '--bundle', './b.js', '--lang', 'en'],
      bundle,
    ),
    2,
  );
  assert.deepEqual(bundle.stderr, [
    'dvc-forms compile: --bundle works only together with --form',
    'Usage: dvc-forms compile <procedure.json> --out <dir> [--form [--bundle <url>]] [--lang vi|en]',
  ]);
});

test('the compiled module the strict-CSP browser test loads is up to date', async () => {
  // test/browser/csp-validation.test.ts imports it; regenerate with DVC_UPDATE_FIXTURES=1.
  const file = new URL('../../browser/csp/fixtures/compiled-keywords.js', import.meta.url);
  const { source } = await compileProcedureModule(procedure);
  if (process.env.DVC_UPDATE_FIXTURES === '1') writeFileSync(file, source);
  assert.equal(readFileSync(file, 'utf8'), source, 'stale: run with DVC_UPDATE_FIXTURES=1');
});

for (const [name, from] of [
  ['basic', '../../components/form/fixtures/basic.json'],
  ['simple', '../../components/submission/fixtures/simple.json'],
] as const) {
  test(`the compiled module of ${name}.json the <dvc-form> browser test loads is up to date`, async () => {
    // test/components/form/compiled.test.ts gives it to <dvc-form> as its only source;
    // regenerate with DVC_UPDATE_FIXTURES=1.
    const bytes = readFileSync(new URL(from, import.meta.url));
    const loaded = loadProcedure(bytes.toString('utf8'));
    assert.ok(loaded.ok);
    const procedureSha256 = createHash('sha256').update(bytes).digest('hex');
    const { source } = await compileProcedureModule(loaded.procedure, { procedureSha256 });
    const file = new URL(`../../components/form/fixtures/compiled-${name}.js`, import.meta.url);
    if (process.env.DVC_UPDATE_FIXTURES === '1') writeFileSync(file, source);
    assert.equal(readFileSync(file, 'utf8'), source, 'stale: run with DVC_UPDATE_FIXTURES=1');
  });
}

test('compile --form writes the page artefact: the module, importing the bundle and giving itself to the forms', async () => {
  const io = capture();
  const out = join(dir, 'form');
  // A stand-in for dist/dvc-forms.min.js: records what the artefact hands to provideCompiled.
  mkdirSync(out, { recursive: true });
  writeFileSync(
    join(out, 'bundle.mjs'),
    'export function provideCompiled(m, file) { globalThis.__provided = { m, file }; return 1; }\n',
  );
  assert.equal(
    await main(['compile', procedureFile, '--out', out, '--form', '--bundle', './bundle.mjs'], io),
    0,
  );
  const path = io.stdout[0];
  const source = readFileSync(path, 'utf8');
  // Named by the hash of its own bytes: a server can cache it for a year.
  const own = createHash('sha256').update(source).digest('hex').slice(0, 8);
  assert.equal(path, join(out, `1.000002.form-${own}.min.js`));
  // Then the page's <head> lines, with the engine chunk's name of this build (README "Embed it").
  assert.deepEqual(io.stdout.slice(1), [
    '<link rel="modulepreload" href="bundle.mjs" />',
    `<link rel="modulepreload" href="${ENGINE_FILE}" />`,
    // The fixture's first step has a repeated group.
    `<link rel="modulepreload" href="${CHUNKS['components/repeat-group/repeat-group.ts'].file}" />`,
    `<script type="module" src="1.000002.form-${own}.min.js"></script>`,
  ]);
  // Its brotli and gzip copies beside it, for a web server to send as they are.
  assert.equal(brotliDecompressSync(readFileSync(`${path}.br`)).toString(), source);
  assert.equal(gunzipSync(readFileSync(`${path}.gz`)).toString(), source);
  assert.doesNotMatch(source, /new Function|eval\(/);
  assert.match(source, /^import \{ provideCompiled \} from "\.\/bundle\.mjs";$/m);
  await import(pathToFileURL(path).href);
  const provided = (globalThis as { __provided?: { m: CompiledProcedureModule; file: string } })
    .__provided!;
  assert.equal(provided.file, 'procedure.json');
  assert.deepEqual(provided.m.procedure, { code: '1.000002', version: '2.1.0' });
  assert.equal(
    provided.m.procedureSha256,
    createHash('sha256').update(readFileSync(procedureFile)).digest('hex'),
  );
  const v = await createValidator(procedure, { compiled: provided.m });
  assert.deepEqual(
    v.validate({ fullName: 'An', accept: true, kind: 'ca-nhan' }).problems.map((p) => p.code),
    [],
  );
  // Without --bundle the bundle is expected beside the artefact.
  const io2 = capture();
  assert.equal(await main(['compile', procedureFile, '--out', join(dir, 'f2'), '--form'], io2), 0);
  assert.match(readFileSync(io2.stdout[0], 'utf8'), /from "\.\/dvc-forms\.min\.js";/);
  assert.equal(io2.stdout[1], '<link rel="modulepreload" href="dvc-forms.min.js" />');
  // A bundle elsewhere: its chunks are beside it.
  const io3 = capture();
  const args = ['--form', '--bundle', '/static/dvc-forms.min.js'];
  assert.equal(await main(['compile', procedureFile, '--out', join(dir, 'f3'), ...args], io3), 0);
  assert.deepEqual(io3.stdout.slice(1, 3), [
    '<link rel="modulepreload" href="/static/dvc-forms.min.js" />',
    `<link rel="modulepreload" href="/static/${ENGINE_FILE}" />`,
  ]);
});

test('compile --form refuses a bundle URL that could break out of the import', async () => {
  const io = capture();
  const code = await main(
    ['compile', procedureFile, '--out', join(dir, 'bad'), '--form', '--bundle', 'x"; alert(1); "'],
    io,
  );
  // A usage error in the author's words (Vietnamese by default), before anything is compiled.
  assert.equal(code, 2);
  assert.deepEqual(io.stderr, [
    'dvc-forms compile: giá trị "x"; alert(1); "" không dùng được cho --bundle (một đường dẫn bắt đầu bằng /, ./, ../ hoặc https://, không có khoảng trắng, dấu nháy hay dấu "\\").',
    'Cách dùng: dvc-forms compile <thủ-tục.json> --out <thư-mục> [--form [--bundle <url>]] [--lang vi|en]',
  ]);
  // A file name the page's script would carry as it is: said with the name, in English too.
  const spaced = join(dir, 'my procedure.json');
  writeFileSync(spaced, readFileSync(procedureFile));
  const en = capture();
  assert.equal(
    await main(['compile', spaced, '--out', join(dir, 'bad'), '--form', '--lang', 'en'], en),
    2,
  );
  assert.deepEqual(en.stderr, [
    'dvc-forms compile: the file name "my procedure.json" is written as it is into the page\'s script, so it cannot have spaces, quotes or "\\"; rename the file (for example dang-ky-khai-sinh.json) and run again',
  ]);
  const io2 = capture();
  assert.equal(await main(['compile', procedureFile, '--out', dir, '--bundle', './b.js'], io2), 2);
});

test('compile names each rule it leaves to json-rules-engine as lint prints a warning, and still writes the module', async () => {
  // A JSONPath `path` is resolved asynchronously by jsonpath-plus: the rules compiler refuses it
  // rather than guess, and the author is told where (src/rules/compiled.ts).
  const file = join(dir, 'with-path.json');
  const withPath = {
    ...procedure,
    rules: [
      {
        id: 'orgNamed',
        kind: 'eligibility',
        reason: { vi: 'Cần tên tổ chức' },
        conditions: {
          all: [{ fact: 'org', operator: 'equal', value: '0100233489', path: '$.taxCode' }],
        },
      },
    ],
  };
  const text = JSON.stringify(withPath, null, 2) + '\n';
  writeFileSync(file, text);
  const line = text.split('\n').findIndex((l) => l.includes('"$.taxCode"')) + 1;
  const column = text.split('\n')[line - 1]!.indexOf('"$.taxCode"') + 1;
  const io = capture();
  assert.equal(await main(['compile', file, '--out', join(dir, 'with-path')], io), 0);
  assert.deepEqual(io.stderr, [
    `${file}:${line}:${column}  rules-not-compiled (cảnh báo)  Các quy tắc của "rule:orgNamed" không được dịch thành mã (điều kiện có "path" (JSONPath) chỉ json-rules-engine xét được); json-rules-engine vẫn xét chúng, nhưng chậm hơn.`,
  ]);
  // stdout is the module's path only, whatever the language: scripts read it.
  assert.equal(io.stdout.length, 1);
  assert.ok(existsSync(io.stdout[0]));
  const en = capture();
  assert.equal(
    await main(['compile', file, '--out', join(dir, 'with-path'), '--lang', 'en'], en),
    0,
  );
  assert.deepEqual(en.stderr, [
    `${file}:${line}:${column}  rules-not-compiled (warning)  The rules of "rule:orgNamed" are not compiled to code (a condition with "path" (JSONPath) is evaluated by json-rules-engine only); json-rules-engine evaluates them, more slowly.`,
  ]);
  assert.deepEqual(en.stdout, io.stdout);
});
