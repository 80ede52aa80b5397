/**
 * Which facts rule conditions read, as each of their two users sees it (fixture:
 * fixtures/facts-read.json): the page planner (`eligibilityFacts`, src/session/journey.ts: the
 * questions an eligibility rule reads, asked on the first page) and the json-rules-engine path
 * (`engineFieldFacts`, src/rules/index.ts: the field facts registered on the engine). Both walk
 * the same conditions (all/any/not, named conditions, derived facts' parameters, a value that is
 * a fact); a walk copied into two places drifts apart, so they share one (src/rules/facts-read.ts)
 * and this table pins what each answered before they did.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Procedure } from '../../../src/procedure/types.js';
import { engineFieldFacts, pathKey } from '../../../src/rules/index.js';
import { analyseConditions } from '../../../src/rules/conditions.js';
import { eligibilityFacts } from '../../../src/session/index.js';
import table from './fixtures/facts-read.json' with { type: 'json' };

interface Case {
  name: string;
  conditions: unknown;
  named?: Record<string, unknown>;
  planner: string[];
  engine: string[];
  /** Conditions the analysis refuses: json-rules-engine is given none. */
  broken?: boolean;
}

const FIELDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'birthDate', 'issueDate', 'children'];
const knownKeys = new Set(FIELDS.map(pathKey));

for (const c of table.cases as Case[]) {
  test(c.name, () => {
    const procedure = {
      rules: [{ id: 'r', kind: 'eligibility', conditions: c.conditions }],
      conditions: c.named ?? {},
    } as unknown as Procedure;
    assert.deepEqual([...eligibilityFacts(procedure)], c.planner, 'planner');
    const analysed = analyseConditions(c.conditions, knownKeys, c.named ?? {});
    assert.deepEqual(analysed.issues.length > 0, !!c.broken, JSON.stringify(analysed.issues));
    assert.deepEqual(engineFieldFacts(analysed.engineConditions, knownKeys), c.engine, 'engine');
  });
}
