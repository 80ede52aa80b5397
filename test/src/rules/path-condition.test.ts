// A condition with a JSONPath `path` into an object answer. src/rules resolves it with
// jsonpath-plus loaded on first use (the browser bundle keeps jsonpath-plus out of its core:
// rollup.config.mjs), with the same result as json-rules-engine's own resolver.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRules, type RuleProblem } from '../../../src/rules/index.js';
import type { Procedure } from '../../../src/procedure/types.js';

function procedure(): Procedure {
  const p = JSON.parse(
    readFileSync(new URL('./fixtures/family.json', import.meta.url), 'utf8'),
  ) as Procedure;
  const rule = p.rules.find((r) => r.id === 'resides-in-vietnam')!;
  rule.conditions = {
    all: [{ fact: 'applicant', path: '$.residesInVietnam', operator: 'equal', value: true }],
  };
  return { ...p, rules: [rule] };
}

test('a condition with a path reads inside an object answer', async () => {
  const problems: RuleProblem[] = [];
  const rules = createRules(procedure(), {
    today: '2025-06-01',
    onProblem: (p) => problems.push(p),
  });
  assert.deepEqual((await rules.evaluate({ applicant: { residesInVietnam: true } })).eligibility, {
    status: 'eligible',
    reasons: [],
    undecided: [],
  });
  assert.deepEqual((await rules.evaluate({ applicant: { residesInVietnam: false } })).eligibility, {
    status: 'ineligible',
    reasons: [
      {
        rule: 'resides-in-vietnam',
        message: {
          vi: 'Người nộp không cư trú tại Việt Nam.',
          en: 'The applicant does not live in Vietnam.',
        },
      },
    ],
    undecided: [],
  });
  assert.deepEqual((await rules.evaluate({})).eligibility, {
    status: 'unknown',
    reasons: [],
    undecided: ['resides-in-vietnam'],
  });
  assert.deepEqual(problems, []);
});
