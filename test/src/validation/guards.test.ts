import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  compileProcedureModule,
  createValidator,
  normalizeAnswers,
  type CompiledProcedureModule,
} from '../../../src/validation/index.js';
import { CompileError, CspCompileError } from '../../../src/errors.js';
import type { Procedure } from '../../../src/procedure/types.js';

function procedure(data: Record<string, unknown>): Procedure {
  return {
    formatVersion: 1,
    code: '1.000003',
    version: '1.0.0',
    data: { type: 'object', ...data },
    ui: { steps: [] },
  } as unknown as Procedure;
}

async function compileError(data: Record<string, unknown>): Promise<string> {
  try {
    await createValidator(procedure(data));
  } catch (err) {
    assert.ok(err instanceof CompileError, String(err));
    assert.equal(err.code, 'compile');
    return err.message;
  }
  assert.fail('expected a CompileError');
}

test('required cannot be satisfied by inherited members (ajv issue #2664)', async () => {
  const v = await createValidator(
    procedure({ required: ['toString', 'constructor', '__proto__', 'hasOwnProperty'] }),
  );
  const r = v.validate({});
  assert.deepEqual(
    r.problems.map((p) => [p.code, p.path]),
    [
      ['required', '/toString'],
      ['required', '/constructor'],
      ['required', '/__proto__'],
      ['required', '/hasOwnProperty'],
    ],
  );
  // Given as own answers they count, and `__proto__` stays data, never a prototype.
  const own = v.validate(
    JSON.parse('{"toString":"a","constructor":"b","__proto__":{"x":1},"hasOwnProperty":"c"}'),
  );
  assert.equal(own.valid, true);
  assert.equal(Object.getPrototypeOf(own.value), Object.prototype);
  assert.deepEqual(Object.getOwnPropertyDescriptor(own.value, '__proto__')?.value, { x: 1 });
  assert.equal(({} as Record<string, unknown>).x, undefined);
});

test('a $ref loop is a CompileError, not a stack overflow', async () => {
  assert.equal(
    await compileError({
      properties: { a: { $ref: '#/$defs/a' } },
      $defs: { a: { $ref: '#/$defs/b' }, b: { $ref: '#/$defs/a' } },
    }),
    '/data/$defs/b/$ref: "#/$defs/a" refers to itself (a $ref loop); a form cannot nest without end',
  );
  assert.equal(
    await compileError({ properties: { self: { $ref: '#' } } }),
    '/data/properties/self/$ref: "#" refers to itself (a $ref loop); a form cannot nest without end',
  );
  // Unreferenced definitions are checked too.
  assert.equal(
    await compileError({ $defs: { x: { items: { $ref: '#/$defs/x' } } } }),
    '/data/$defs/x/items/$ref: "#/$defs/x" refers to itself (a $ref loop); a form cannot nest without end',
  );
});

test('an over-deep schema is a CompileError, not a stack overflow', async () => {
  let deep: Record<string, unknown> = { type: 'string' };
  for (let i = 0; i < 5000; i++) deep = { type: 'object', properties: { a: deep } };
  const message = await compileError({ properties: { a: deep } });
  assert.match(
    message,
    /^\/data(\/properties\/a){49}: the schema is nested more than 48 levels deep$/,
  );
});

test('remote refs, missing refs and __proto__ keys are refused', async () => {
  assert.equal(
    await compileError({ properties: { a: { $ref: 'https://example.com/s.json' } } }),
    '/data/properties/a/$ref: only local references (#/$defs/…) are allowed',
  );
  assert.equal(
    await compileError({ properties: { a: { $ref: '#/$defs/none' } } }),
    '/data/properties/a/$ref: "#/$defs/none" does not exist',
  );
  assert.equal(
    await compileError(JSON.parse('{"properties":{"__proto__":{"type":"string"}}}')),
    '/data/properties: "__proto__" is not allowed as a property name',
  );
});

test('patterns outside the linear-time subset are refused before compiling', async () => {
  assert.equal(
    await compileError({ properties: { a: { type: 'string', pattern: '^(?!0)\\d+$' } } }),
    '/data/properties/a/pattern: unsafe pattern (lookahead "(?!" at character 2)',
  );
  assert.equal(
    await compileError({ properties: { a: { type: 'string', pattern: '(a)\\1' } } }),
    '/data/properties/a/pattern: unsafe pattern (backreference "\\1" at character 4)',
  );
  // Backtracking-prone shapes compile: re2js runs them in linear time.
  await createValidator(
    procedure({ properties: { a: { type: 'string', pattern: '^(\\d+\\s?)+$' } } }),
  );
  assert.equal(
    await compileError({ properties: { a: { type: 'string', pattern: '(' } } }),
    '/data/properties/a/pattern: unsafe pattern (invalid)',
  );
  // A delimited repetition is linear and allowed.
  await createValidator(
    procedure({ properties: { a: { type: 'string', pattern: '^(\\w+\\.)+$' } } }),
  );
});

test('patterns the linear-time engine cannot read are a CompileError that says where', async () => {
  // Valid ECMAScript, no lookaround: before, re2js's own error escaped from inside ajv.
  assert.equal(
    await compileError({
      properties: { a: { type: 'string', pattern: '^\\d{3}\\s\\p{Script=Latin}$' } },
    }),
    '/data/properties/a/pattern: unsafe pattern (the linear-time engine (RE2) cannot read it: invalid character class range "\\p{Script=Latin}" at character 9)',
  );
  assert.equal(
    await compileError({ properties: { a: { type: 'string', pattern: '^[0-9]{1,1001}$' } } }),
    '/data/properties/a/pattern: unsafe pattern (the linear-time engine (RE2) cannot read it: invalid repeat count "{1,1001}" at character 7)',
  );
  // A patternProperties key is a pattern too, named in the pointer.
  assert.equal(
    await compileError({ patternProperties: { '^x-\\p{Letter}+$': { type: 'string' } } }),
    '/data/patternProperties/^x-\\p{Letter}+$: unsafe pattern (the linear-time engine (RE2) cannot read it: invalid character class range "\\p{Letter}" at character 4)',
  );
  // The same for the standalone module `dvc-forms compile` writes.
  await assert.rejects(
    compileProcedureModule(
      procedure({ properties: { a: { type: 'string', pattern: '\\p{Script=Greek}' } } }),
    ),
    {
      name: 'CompileError',
      message:
        '/data/properties/a/pattern: unsafe pattern (the linear-time engine (RE2) cannot read it: invalid character class range "\\p{Script=Greek}" at character 1)',
    },
  );
  // What both engines read compiles: short Unicode property names, named groups.
  await createValidator(
    procedure({ properties: { a: { type: 'string', pattern: '^(?<w>\\p{L}+)\\p{Lu}?$' } } }),
  );
});

test('strict mode reports unknown keywords as a CompileError', async () => {
  assert.match(
    await compileError({ properties: { a: { type: 'string', minLenght: 2 } } }),
    /^The procedure's data schema cannot be compiled: strict mode: unknown keyword: "minLenght"$/,
  );
});

test('a compiled module of another schema or layout is refused', async () => {
  const p = procedure({ properties: { a: { type: 'string' } } });
  const { source } = await compileProcedureModule(p);
  const url = 'data:text/javascript;base64,' + Buffer.from(source).toString('base64');
  const compiled = (await import(url)) as CompiledProcedureModule;
  await createValidator(p, { compiled });
  const other = procedure({ properties: { a: { type: 'number' } } });
  await assert.rejects(createValidator(other, { compiled }), (err: unknown) => {
    assert.ok(err instanceof CompileError);
    assert.equal(
      err.message,
      'The compiled validator (procedure 1.000003 1.0.0) was compiled from a different data schema than procedure 1.000003 1.0.0: compile it again with `dvc-forms compile`',
    );
    return true;
  });
  await assert.rejects(createValidator(p, { compiled: { ...compiled, format: 'x/0' } }), {
    name: 'CompileError',
    message:
      'The compiled validator has layout "x/0", this dvc-forms needs "dvc-forms-validator/1": compile it again with `dvc-forms compile`',
  });
});

test("a compiled module's own definition is not hashed again; any other procedure object is", async () => {
  // issue 22 point 3: `<dvc-form>` binds the module it was given to the definition the module
  // carries; hashing that schema again (canonical JSON + SHA-256 before the first question is
  // usable) could only confirm what one `dvc-forms compile` run wrote. Counted by digests.
  const p = procedure({ properties: { a: { type: 'string' } } });
  const { source } = await compileProcedureModule(p);
  const url = 'data:text/javascript;base64,' + Buffer.from(source).toString('base64');
  const compiled = (await import(url)) as CompiledProcedureModule;
  const subtle = globalThis.crypto.subtle;
  const digest = subtle.digest;
  let digests = 0;
  subtle.digest = function (this: unknown, ...args: unknown[]) {
    digests++;
    return (digest as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof digest;
  try {
    await createValidator(compiled.definition!, { compiled });
    assert.equal(digests, 0, "the module's own definition");
    await createValidator(structuredClone(compiled.definition!), { compiled });
    assert.equal(digests, 1, 'an equal copy is checked by content');
    // A module whose hash does not name its own schema is still refused for any other object.
    const wrong = { ...compiled, hash: '0'.repeat(64) };
    await assert.rejects(
      createValidator(structuredClone(compiled.definition!), { compiled: wrong }),
      {
        name: 'CompileError',
      },
    );
  } finally {
    subtle.digest = digest;
  }
});

test('runtime compilation blocked by CSP (EvalError) becomes a CspCompileError naming dvc-forms compile', async () => {
  const original = globalThis.Function;
  // Simulate the browser: under script-src without 'unsafe-eval', new Function throws EvalError.
  const blocked = function () {
    throw new EvalError(
      "Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed",
    );
  } as unknown as FunctionConstructor;
  globalThis.Function = blocked;
  try {
    await assert.rejects(
      createValidator(procedure({ properties: { z: { type: 'integer' } } })),
      (err: unknown) => {
        assert.ok(err instanceof CspCompileError);
        assert.equal(err.code, 'csp-compile');
        assert.match(err.message, /`dvc-forms compile <procedure\.json> --out <dir>`/);
        assert.ok((err as Error).cause instanceof EvalError);
        return true;
      },
    );
  } finally {
    globalThis.Function = original;
  }
});

test('normalizeAnswers leaves its input unchanged and drops blank answers', () => {
  const p = procedure({
    properties: { a: { type: 'string', format: 'vn-mobile' }, b: { type: 'string' } },
  });
  const input = { a: '+84 912 345 678', b: ' \u200b ' };
  assert.deepEqual(normalizeAnswers(p, input), { a: '0912345678' });
  assert.deepEqual(input, { a: '+84 912 345 678', b: ' \u200b ' });
});
