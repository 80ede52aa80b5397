/**
 * The cross-field checks (a personal ID's birth year, a commune in its province) run on every
 * validation; verify calls them for every payload, so the schema questions they ask are now
 * answered once per schema (src/validation/problems.ts `memberPlan`). Reference below: the
 * straightforward walk that asks the schema again for every answer, as it did before. For every
 * sample procedure, on generated answer sets with IDs, birth dates, provinces and communes
 * swapped between people and places (so both problems occur) and hostile keys, both must give
 * the same problems in the same order.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import type { Problem } from '../../../src/problem.js';
import { loadProcedure } from '../../../src/procedure/index.js';
import type { Procedure } from '../../../src/procedure/types.js';
import {
  isCommuneInProvince2025,
  loadCommuneCodes2025,
} from '../../../src/data/admin-codes-2025.js';
import { escapePointer, fieldIndex } from '../../../src/validation/fields.js';
import {
  commune2025Reason,
  personalIdBirthYear,
  personalIdReason,
  province2025Reason,
} from '../../../src/validation/formats.js';
import { applied as facets, appliedPart } from '../../../src/procedure/schema-paths.js';
import {
  COMMUNE_NOT_IN_PROVINCE,
  PERSONAL_ID_BIRTH_YEAR,
  ProblemBuilder,
  crossFieldProblems,
} from '../../../src/validation/problems.js';
import { answersArb } from '../session/arbitraries.js';

const DIR = new URL('../../../schemas/procedures/', import.meta.url);
// The reference walk below asks the commune format directly, which needs the 2025 commune codes
// (a lazy module since round 3; the validators under test load them themselves).
await loadCommuneCodes2025();

/** The walk as it was before the plans: every schema question asked for every answer. */
function reference(procedure: Procedure, value: unknown, builder: ProblemBuilder): Problem[] {
  const out: Problem[] = [];
  const root = procedure.data;
  const childOf = (schema: unknown, key: string): unknown => appliedPart(root, schema, key);
  const walk = (v: unknown, schema: unknown, pointer: string, depth: number): void => {
    if (depth > 64 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      const items = appliedPart(root, schema);
      v.forEach((item, i) => walk(item, items, `${pointer}/${i}`, depth + 1));
      return;
    }
    const obj = v as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      const child = childOf(schema, key);
      const childFacets = facets(root, child);
      const here = `${pointer}/${escapePointer(key)}`;
      const isId = childFacets.some((f) => f.format === 'vn-personal-id');
      const birthKey = childFacets.find((f) => typeof f['x-dvc-birthDate'] === 'string')?.[
        'x-dvc-birthDate'
      ] as string | undefined;
      const id = obj[key];
      if (isId && birthKey && typeof id === 'string' && personalIdReason(id) === undefined) {
        const birth = Object.prototype.hasOwnProperty.call(obj, birthKey)
          ? obj[birthKey]
          : undefined;
        const m = typeof birth === 'string' ? /^(\d{4})-\d{2}-\d{2}$/.exec(birth) : null;
        if (m && personalIdBirthYear(id) !== Number(m[1]))
          out.push(
            builder.make(PERSONAL_ID_BIRTH_YEAR, here, {
              birthYear: Number(m[1]),
              idBirthYear: personalIdBirthYear(id),
              birthDateField: birthKey,
            }),
          );
      }
      walk(obj[key], child, here, depth + 1);
    }
    const withFormat = (format: string): string[] =>
      Object.keys(obj).filter((key) =>
        facets(root, childOf(schema, key)).some((f) => f.format === format),
      );
    const provinces = withFormat('vn-province-2025');
    const communes = withFormat('vn-commune-2025');
    if (provinces.length !== 1 || communes.length !== 1) return;
    const province = obj[provinces[0]!];
    const commune = obj[communes[0]!];
    if (typeof province !== 'string' || typeof commune !== 'string') return;
    if (province2025Reason(province) || commune2025Reason(commune)) return;
    if (isCommuneInProvince2025(commune, province)) return;
    out.push(
      builder.make(COMMUNE_NOT_IN_PROVINCE, `${pointer}/${escapePointer(communes[0]!)}`, {
        province,
        commune,
      }),
    );
  };
  walk(value, root, '', 0);
  return out;
}

/** Every string answer replaced, now and then, by another string answer of the same set. */
function shuffled(answers: unknown, seed: number): unknown {
  const strings: string[] = [];
  const collect = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(answers);
  let n = seed;
  const next = () => (n = (n * 1103515245 + 12345) & 0x7fffffff);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return next() % 3 === 0 ? strings[next() % strings.length] : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out = JSON.parse('{"__proto__":{"x":1}}') as Record<string, unknown>;
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(answers);
}

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.cases.json'))) {
  const name = file.replace(/\.cases\.json$/, '');
  test(`${name}: the planned cross-field walk finds what the straightforward one finds`, () => {
    const loaded = loadProcedure(readFileSync(new URL(`${name}.json`, DIR), 'utf8'));
    assert.ok(loaded.ok);
    const procedure = loaded.procedure;
    const cases = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')).cases;
    const fields = fieldIndex(procedure);
    let found = 0;
    fc.assert(
      fc.property(answersArb(procedure, cases), fc.nat(), (answers, seed) => {
        const value = shuffled(answers, seed);
        const expected = reference(procedure, value, new ProblemBuilder(fields, 'vi'));
        found += expected.length;
        assert.deepEqual(
          crossFieldProblems(procedure, value, new ProblemBuilder(fields, 'vi')),
          expected,
        );
      }),
      { numRuns: 300 },
    );
    for (const c of cases) {
      const expected = reference(procedure, c.answers, new ProblemBuilder(fields, 'en'));
      assert.deepEqual(
        crossFieldProblems(procedure, c.answers, new ProblemBuilder(fields, 'en')),
        expected,
      );
    }
    // Where the procedure has such checks, the generated sets did reach them.
    const checks = JSON.stringify(procedure.data).match(/x-dvc-birthDate|vn-commune-2025/g);
    if (checks && name === 'dang-ky-khai-sinh') assert.ok(found > 0, 'some problems were found');
  });
}
