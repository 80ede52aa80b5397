// Incremental rules evaluation: a generated procedure with 200 fields and 50 rules, timing a full
// evaluation against an incremental one after a single field change (median of many runs).
// Run: node --import tsx bench/rules/incremental.mjs [--runs 200]
// Prints a table and writes bench/rules/results.json. Never run by npm test.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createRules, createRulesFactory } from '../../src/rules/index.js';

const FIELDS = 200;
const RULES = 50;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 200;

// Deterministic pseudo-random numbers (mulberry32) so every run measures the same procedure.
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(42);
const pick = (n) => Math.floor(random() * n);

function generate() {
  const properties = {};
  for (let i = 0; i < FIELDS; i++) {
    const group = `g${Math.floor(i / 20)}`;
    properties[group] ??= { type: 'object', properties: {} };
    properties[group].properties[`f${i}`] =
      i % 10 === 0 ? { type: 'string', format: 'date' } : { type: 'integer' };
  }
  const path = (i) => `g${Math.floor(i / 20)}.f${i}`;
  const condition = () => {
    const i = pick(FIELDS);
    if (i % 10 === 0)
      return {
        fact: 'ageInYears',
        params: { field: path(i) },
        operator: 'greaterThanInclusive',
        value: 18,
      };
    return {
      fact: path(i),
      operator: random() < 0.5 ? 'greaterThan' : 'isAnswered',
      value: pick(100),
    };
  };
  const rules = [];
  for (let r = 0; r < RULES; r++) {
    const kind = r < 10 ? 'eligibility' : r < 35 ? 'show' : 'require';
    const conditions = {
      [random() < 0.5 ? 'all' : 'any']: [condition(), condition(), condition()],
    };
    const rule = { id: `r${r}`, kind, conditions };
    if (kind === 'eligibility') rule.reason = { vi: `Lý do ${r}` };
    else rule.targets = { fields: [path(pick(FIELDS))] };
    rules.push(rule);
  }
  return {
    formatVersion: 1,
    data: { type: 'object', properties },
    ui: { steps: [] },
    documents: [],
    fees: { currency: 'VND', items: [] },
    rules,
  };
}

function answersFor(seed) {
  const r = rng(seed);
  const answers = {};
  for (let i = 0; i < FIELDS; i++) {
    const group = `g${Math.floor(i / 20)}`;
    answers[group] ??= {};
    answers[group][`f${i}`] =
      i % 10 === 0 ? `19${50 + Math.floor(r() * 50)}-01-15` : Math.floor(r() * 100);
  }
  return answers;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const procedure = generate();
// The field read by the fewest rules (but at least one): a typical keystroke.
const session = createRules(procedure, { today: '2025-06-01', onProblem: () => {} });
const readers = new Map();
for (const deps of Object.values(session.dependencies()))
  for (const d of deps) readers.set(d, (readers.get(d) ?? 0) + 1);
const [changedField] = [...readers].sort((a, b) => a[1] - b[1])[0];

const base = answersFor(1);
const full = [];
const incremental = [];
let evaluatedIncremental = 0;
const [group, leaf] = changedField.split('.');
for (let i = 0; i < RUNS + 10; i++) {
  let t = performance.now();
  await session.evaluate(base);
  const fullMs = performance.now() - t;
  const next = { ...base, [group]: { ...base[group], [leaf]: i % 2 ? '' : base[group][leaf] } };
  t = performance.now();
  await session.evaluate(next, [changedField]);
  const incMs = performance.now() - t;
  evaluatedIncremental = session.lastEvaluation.evaluated.length;
  if (i >= 10) {
    // The first runs warm up the JIT and are not counted.
    full.push(fullMs);
    incremental.push(incMs);
  }
}

// The same full evaluation with the rules compiled to plain code (src/rules/compiled.ts), as
// verify and the per-procedure artefact run them; the same results (compiled-differential test).
const compiledSession = createRulesFactory(procedure, {
  onProblem: () => {},
  compiled: true,
}).createSession({ today: '2025-06-01' });
const compiledFull = [];
for (let i = 0; i < RUNS + 10; i++) {
  const t = performance.now();
  await compiledSession.evaluate(base);
  if (i >= 10) compiledFull.push(performance.now() - t);
}

const units = Object.keys(session.dependencies()).length;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  fields: FIELDS,
  rules: RULES,
  runs: RUNS,
  changedField,
  full: { unitsEvaluated: units, medianMs: Number(median(full).toFixed(3)) },
  incremental: {
    unitsEvaluated: evaluatedIncremental,
    medianMs: Number(median(incremental).toFixed(3)),
  },
  speedup: Number((median(full) / median(incremental)).toFixed(1)),
  compiledFull: { unitsEvaluated: units, medianMs: Number(median(compiledFull).toFixed(3)) },
};

console.log(
  `Rules evaluation, ${FIELDS} fields, ${RULES} rules, median of ${RUNS} runs (${process.version})`,
);
console.log('| evaluation | units run | median ms |');
console.log('|---|---|---|');
console.log(`| full | ${units} | ${results.full.medianMs} |`);
console.log(
  `| incremental (${changedField} changed) | ${evaluatedIncremental} | ${results.incremental.medianMs} |`,
);
console.log(`| full, rules compiled to code | ${units} | ${results.compiledFull.medianMs} |`);
console.log(`speed-up: ×${results.speedup}`);
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify(results, null, 2) + '\n');
