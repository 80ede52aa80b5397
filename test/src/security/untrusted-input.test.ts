// Procedure files and answers are untrusted text: an author's file may be hostile or broken, and
// answers come from a citizen's browser (or from anyone on the agency's server). Each test pins the
// exact problem the engine gives instead of a crash, a freeze or a polluted prototype.
// docs/security.md maps every test here to the threat it proves.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadProcedure } from '../../../src/procedure/load.js';
import { DEFAULT_LINK_HOSTS, isAllowedLink } from '../../../src/procedure/links.js';
import type { Procedure } from '../../../src/procedure/types.js';
import {
  compileProcedureModule,
  createValidator,
  MAX_ANSWER_DEPTH,
  type CompiledProcedureModule,
} from '../../../src/validation/index.js';
import { createRules } from '../../../src/rules/index.js';
import { checkFile, FILE_PROBLEM, sniffType } from '../../../src/files/index.js';
import { canonicalize } from '../../../src/jcs/index.js';

const SAMPLE = new URL('../../../schemas/procedures/dang-ky-khai-sinh.json', import.meta.url);
const text = readFileSync(SAMPLE, 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON document edited in place
const sample = () => JSON.parse(text) as Record<string, any>;

/** Nested `{"a": …}` objects `levels` deep around `leaf`, built without recursion. */
function nested(levels: number, leaf: unknown = 1): unknown {
  let v = leaf;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

after(() => {
  // No test may leave Object.prototype changed, whatever it fed the engine.
  assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
});

describe('procedure files are untrusted text (loader)', () => {
  test('a procedure nested 10,000 levels deep is a too-deep problem, not a stack overflow', () => {
    for (const hostile of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
    ]) {
      const r = loadProcedure(hostile);
      assert.equal(r.ok, false);
      assert.equal(r.problems.length, 1);
      const [p] = r.problems;
      assert.equal(p.code, 'too-deep');
      assert.equal(p.severity, 'error');
      // Reported where the 65th level opens (the default limit is 64).
      assert.equal(p.pointer.split('/').length - 1, 64);
      assert.deepEqual(p.message, {
        vi: 'Dữ liệu lồng nhau quá sâu (tối đa 64 cấp).',
        en: 'The data is nested too deeply (at most 64 levels).',
      });
    }
  });

  test('a 10 MB label is a too-large problem, found before parsing', (t) => {
    // Sizes are written with their thousands grouped, as the messages write numbers.
    const grouped = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    // Whether the text was parsed, seen without a clock: a parse records where each member is
    // (the pointer → line and column Map the loader's problems are located by), and every way of
    // filling a Map calls Map.prototype.set, which the spy counts for pointers into this file.
    const recorded = t.mock.method(Map.prototype, 'set');
    const parsedPointers = () =>
      recorded.mock.calls.map((c) => c.arguments[0]).filter((k) => k === '/title/vi');
    const huge = sample();
    huge.title.vi = 'x'.repeat(10);
    loadProcedure(JSON.stringify(huge));
    // The probe is live: the same file under the limit is parsed, member by member.
    assert.notDeepEqual(parsedPointers(), [], 'the spy sees no parse: find another witness');
    recorded.mock.resetCalls();
    huge.title.vi = 'x'.repeat(10 * 1024 * 1024);
    const hugeText = JSON.stringify(huge);
    const r = loadProcedure(hugeText);
    recorded.mock.restore();
    assert.deepEqual(parsedPointers(), [], 'the size check must not parse the text');
    assert.deepEqual(r, {
      ok: false,
      problems: [
        {
          code: 'too-large',
          severity: 'error',
          pointer: '',
          line: 1,
          column: 1,
          message: {
            vi: `Tệp quá lớn: ${grouped(hugeText.length, '.')} ký tự, tối đa 2.000.000.`,
            en: `The file is too large: ${grouped(hugeText.length, ',')} characters, at most 2,000,000.`,
          },
        },
      ],
    });
  });

  test('__proto__, constructor and prototype keys are refused wherever they appear', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const hostile = text.replace(
        '"street": { "type": "string", "minLength": 1,',
        `"street": { "type": "string", "${key}": { "polluted": true }, "minLength": 1,`,
      );
      assert.notEqual(hostile, text, 'the sample changed: update the anchor');
      const r = loadProcedure(hostile);
      assert.equal(r.ok, false);
      const forbidden = r.problems.filter((p) => p.code === 'forbidden-key');
      assert.deepEqual(
        forbidden.map((p) => ({ pointer: p.pointer, line: p.line, en: p.message.en })),
        [
          {
            pointer: `/data/$defs/address/properties/street/${key}`,
            line: 65,
            en: `The key "${key}" is not allowed: it can alter JavaScript objects (prototype pollution).`,
          },
        ],
      );
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  // Patterns run on re2js (linear time) in the browser and on the server: the classic ReDoS
  // shapes are only a lint hint now, and the evil input is answered at once on both paths
  // (runtime compilation and the precompiled module a strict-CSP page uses).
  // `matches`: what ECMAScript's engine would answer, given all the time in the world.
  for (const [pattern, evil, matches] of [
    ['(a+)+$', `${'a'.repeat(40)}!`, false],
    ['(a|a)*$', `${'a'.repeat(40)}!`, true], // zero repetitions before the end
    ['(.*a){12}', `${'a'.repeat(11)}${'b'.repeat(40)}`, false],
  ] as const) {
    test(`the ReDoS pattern ${pattern} is a lint hint and runs in linear time`, async (t) => {
      const p = sample();
      p.data.$defs.address.properties.street.pattern = pattern;
      const r = loadProcedure(JSON.stringify(p, null, 2));
      const unsafe = r.problems.filter((x) => x.code === 'unsafe-pattern');
      assert.equal(unsafe.length, 1);
      assert.equal(unsafe[0].severity, 'warning');
      assert.equal(unsafe[0].pointer, '/data/$defs/address/properties/street/pattern');
      assert.match(
        unsafe[0].message.en,
        new RegExp(
          `^The regular expression "${pattern.replace(/[()+*|.${}]/g, '\\$&')}" can freeze the browser on long input`,
        ),
      );
      const answers = { child: { placeOfBirth: { street: evil } } };
      const runtime = await createValidator(p as Procedure);
      const { source } = await compileProcedureModule(p as Procedure);
      const compiled = (await import(
        `data:text/javascript;base64,${Buffer.from(source).toString('base64')}`
      )) as CompiledProcedureModule;
      const precompiled = await createValidator(p as Procedure, { compiled });
      // A backtracking engine takes minutes on `evil` (2^40 paths); the automaton, microseconds.
      // Not timed (a loaded machine can make anything slow): ECMAScript's own engine must never
      // run the author's pattern. Every native match (`test`, `match`, `replace`…) goes through
      // `RegExp.prototype.exec` once it is replaced, so the spy sees each and stops the one that
      // would backtrack before it starts.
      const exec = RegExp.prototype.exec;
      t.mock.method(RegExp.prototype, 'exec', function (this: RegExp, text: string) {
        if (this.source === pattern) throw new Error(`the native engine ran ${pattern}`);
        return exec.call(this, text);
      });
      // The spy does see a native run of that pattern, by `test` as well.
      assert.throws(() => new RegExp(pattern, 'u').test('a'), /the native engine ran/);
      for (const v of [runtime, precompiled]) {
        const { problems } = v.validate(answers);
        // The pattern really ran on the answer, with the same result.
        assert.equal(
          problems.some((x) => x.code === 'pattern' && x.path.includes('placeOfBirth')),
          !matches,
          JSON.stringify(problems.map((x) => [x.code, x.path])),
        );
      }
    });
  }

  test('a lookahead wrapping a nested quantifier is refused by lint and by validation', async () => {
    const p = sample();
    const pattern = '^(?=(a+)+$)a{2,}$';
    p.data.$defs.address.properties.street.pattern = pattern;
    const r = loadProcedure(JSON.stringify(p, null, 2));
    assert.equal(r.ok, false);
    const bad = r.problems.filter((x) => x.code === 'non-linear-pattern');
    assert.equal(bad.length, 1);
    assert.equal(bad[0].severity, 'error');
    assert.equal(bad[0].pointer, '/data/$defs/address/properties/street/pattern');
    assert.equal(
      bad[0].message.en,
      'The regular expression "^(?=(a+)+$)a{2,}$" uses a lookahead "(?=" at character 2: it cannot be matched in linear time, so it is not allowed. Rewrite it without lookaheads, lookbehinds or backreferences.',
    );
    // Built without the loader, it does not compile either.
    await assert.rejects(createValidator(p as Procedure), {
      name: 'CompileError',
      message:
        '/data/$defs/address/properties/street/pattern: unsafe pattern (lookahead "(?=" at character 2)',
    });
  });
});

describe('links in procedure files (legalBasis urls)', () => {
  const allowed = [
    'https://thuvienphapluat.vn/van-ban/Quyen-dan-su/Luat-Ho-tich-2014-259696.aspx',
    'https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=46708',
    'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
    'https://moj.gov.vn/',
    'HTTPS://MOJ.GOV.VN/',
    'https://evil.example@moj.gov.vn/',
  ];
  const refused = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'http://moj.gov.vn/',
    '//moj.gov.vn/',
    '/relative/path',
    'https://moj.gov.vn.evil.example/',
    'https://evilgov.vn/',
    'https://gov.vn/',
    'https://moj.gov.vn@evil.example/',
    'https://evil.example\\@moj.gov.vn/',
    'https://evil.example%2F@moj.gov.vn/'.replace('%2F@', '/@'),
    'https://thuvienphapluat.vn\u3002evil.example/',
    'https://xn--thuvienphapluat-xyz.vn/',
    'https://[::1]/',
    'https://127.0.0.1/',
    'https:///moj.gov.vn',
  ];
  for (const url of allowed)
    test(`renders ${url} as a link`, () => assert.equal(isAllowedLink(url), true));
  for (const url of refused)
    test(`shows ${JSON.stringify(url)} as text`, () => assert.equal(isAllowedLink(url), false));

  test('non-strings are never links, and the default list is frozen', () => {
    for (const v of [undefined, null, 1, {}, ['https://moj.gov.vn/']])
      assert.equal(isAllowedLink(v), false);
    assert.equal(Object.isFrozen(DEFAULT_LINK_HOSTS), true);
  });

  test('the loader warns about a legalBasis url outside the allow-list', () => {
    const p = sample();
    p.legalBasis[0].url = 'https://evil.example/luat-ho-tich';
    const r = loadProcedure(JSON.stringify(p, null, 2));
    assert.equal(r.ok, true);
    assert.deepEqual(
      r.problems.filter((x) => x.code === 'link-host-not-allowed').map((x) => x.pointer),
      ['/legalBasis/0/url'],
    );
  });
});

describe('answers are untrusted (validation, rules)', async () => {
  const loaded = loadProcedure(text);
  if (!loaded.ok) throw new Error('the sample does not load');
  const procedure = loaded.procedure;
  const validator = await createValidator(procedure);
  // A schema that accepts anything under `x`: depth is not limited by the schema here.
  const permissive = await createValidator({
    ...procedure,
    data: { type: 'object', properties: { x: {} } },
  } as Procedure);

  test(`answers 10,000 levels deep are a too-deep problem (limit ${MAX_ANSWER_DEPTH})`, () => {
    for (const v of [validator, permissive]) {
      const r = v.validate({ x: nested(10_000) }, { lang: 'en' });
      assert.equal(r.valid, false);
      assert.deepEqual(r.value, {});
      assert.deepEqual(r.problems, [
        {
          code: 'too-deep',
          path: `/x${'/a'.repeat(MAX_ANSWER_DEPTH - 1)}`,
          message: `The answers are nested more than ${MAX_ANSWER_DEPTH} levels deep and cannot be checked. Fill in the form again`,
          params: { limit: MAX_ANSWER_DEPTH },
        },
      ]);
    }
    let arrays: unknown = [];
    for (let i = 0; i < 10_000; i++) arrays = [arrays];
    const vi = permissive.validate({ x: arrays });
    assert.deepEqual(vi.problems, [
      {
        code: 'too-deep',
        path: `/x${'/0'.repeat(MAX_ANSWER_DEPTH - 1)}`,
        message: `Thông tin gửi lên lồng nhau quá ${MAX_ANSWER_DEPTH} tầng nên không thể kiểm tra. Hãy điền lại biểu mẫu`,
        params: { limit: MAX_ANSWER_DEPTH },
      },
    ]);
  });

  test('too-deep names the first branch walked, its keys escaped, whatever else is deep', () => {
    const answers = {
      x: { 'a/b': nested(40), 'c~d': [1, 'x', nested(MAX_ANSWER_DEPTH), [nested(40)]], e: 'f' },
    };
    const r = permissive.validate(answers, { lang: 'en' });
    assert.deepEqual(
      r.problems.map((p) => p.path),
      [`/x/c~0d/3/0${'/a'.repeat(MAX_ANSWER_DEPTH - 4)}`],
    );
    const other = permissive.validate({ x: { 'a/b': nested(40), 'c~d': [] } }, { lang: 'en' });
    assert.deepEqual(
      other.problems.map((p) => p.path),
      [`/x/a~1b${'/a'.repeat(MAX_ANSWER_DEPTH - 2)}`],
    );
  });

  test('answers exactly at the depth limit are validated and can be signed', () => {
    const atLimit = { x: nested(MAX_ANSWER_DEPTH - 2) };
    const r = permissive.validate(atLimit);
    assert.deepEqual(r.problems, []);
    // The payload puts the answers one level down: canonicalize (limit 64) must still accept.
    assert.equal(typeof canonicalize({ answers: r.value }), 'string');
  });

  test('__proto__ in answers is data: refused as unknown, never a prototype switch', async () => {
    const hostile = JSON.parse(
      '{"__proto__": {"polluted": true}, "child": {"__proto__": {"polluted": true}}, "constructor": {"prototype": {"polluted": true}}}',
    ) as Record<string, unknown>;
    const r = validator.validate(hostile, { lang: 'en' });
    assert.deepEqual(
      r.problems.filter((p) => p.code === 'unknown-property').map((p) => p.path),
      ['/__proto__', '/constructor', '/child/__proto__'],
    );
    assert.equal(Object.getPrototypeOf(r.value), Object.prototype);
    assert.deepEqual(Object.keys(r.value), ['__proto__', 'child', 'constructor']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const rules = createRules(procedure, { today: '2026-11-26' });
    const evaluated = await rules.evaluate(hostile);
    assert.equal(evaluated.eligibility.status, 'unknown');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('required is not satisfied by inherited names (ajv issue #2664)', () => {
    const v = permissive.validate({});
    assert.deepEqual(v.problems, []);
    const r = validator.validate({}, { lang: 'en', required: ['constructor', 'toString'] });
    assert.deepEqual(
      r.problems
        .filter((p) => p.path === '/constructor' || p.path === '/toString')
        .map((p) => p.code),
      ['required', 'required'],
    );
  });
});

describe('spoofed file types (src/files sniffing)', () => {
  const limits = {
    accept: ['application/pdf', 'image/jpeg'],
    maxSizeBytes: 1_000_000,
    maxFiles: 1,
  };
  const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const pe = new Uint8Array(512);
  pe.set(ascii('MZ'), 0);
  pe.set(ascii('This program cannot be run in DOS mode.'), 78);
  pe.set(ascii('PE\0\0'), 128);
  const candidate = (name: string, head: Uint8Array, type = 'application/pdf') => ({
    name,
    size: head.length,
    type,
    head,
  });
  const mismatch = (name: string, expected: string) => ({
    ok: false,
    problem: { code: FILE_PROBLEM.contentMismatch, params: { name, expected } },
  });

  const spoofs: Record<string, Uint8Array> = {
    'a Windows executable': pe,
    'an HTML page': ascii('<!doctype html><html><body><script>alert(1)</script></body></html>'),
    'an SVG image': ascii('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    'an HTML/PDF polyglot': ascii('<html><script>alert(1)</script><!-- %PDF-1.4 -->'),
    'an executable hiding %PDF- in its DOS stub': (() => {
      const b = pe.slice();
      b.set(ascii('%PDF-1.4'), 64);
      return b;
    })(),
    'a shell script hiding %PDF-': ascii('#!/bin/sh\nrm -rf ~ # %PDF-1.4\n'),
    'a ZIP hiding %PDF- in an entry name': (() => {
      const b = new Uint8Array(64);
      b.set([0x50, 0x4b, 0x03, 0x04], 0);
      b.set(ascii('%PDF-1.4'), 30);
      return b;
    })(),
  };
  for (const [what, head] of Object.entries(spoofs))
    test(`${what} renamed .pdf is refused`, () => {
      assert.equal(sniffType(head), undefined);
      assert.deepEqual(
        checkFile(limits, candidate('giay-chung-sinh.pdf', head)),
        mismatch('giay-chung-sinh.pdf', 'PDF'),
      );
    });

  test('an executable renamed .jpg or declared image/jpeg is refused', () => {
    assert.deepEqual(
      checkFile(limits, candidate('anh.jpg', pe, 'image/jpeg')),
      mismatch('anh.jpg', 'JPG'),
    );
  });

  test('active types are refused by extension whatever the procedure lists', () => {
    const wide = { ...limits, accept: [...limits.accept, 'text/html', 'image/svg+xml'] };
    for (const name of ['trang.html', 'anh.svg', 'a.xhtml'])
      assert.equal(checkFile(wide, candidate(name, ascii('%PDF-1.4'))).ok, false, name);
  });

  test('real PDFs still pass, also with harmless bytes before the header', () => {
    for (const head of [ascii('%PDF-1.7\n1 0 obj\n'), ascii('\r\n \t%PDF-1.4\n')])
      assert.deepEqual(checkFile(limits, candidate('to-khai.pdf', head)), {
        ok: true,
        file: { name: 'to-khai.pdf', type: 'application/pdf' },
      });
  });
});
