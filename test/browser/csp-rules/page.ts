// Runs the rules inside a page served with a strict CSP and reports to the parent test.
import { createRules } from '../../../src/rules/index.js';
import type { Procedure } from '../../../src/procedure/types.js';

const violations: { directive: string; blockedURI: string }[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI });
});

const procedure = {
  data: {
    type: 'object',
    properties: {
      child: { type: 'object', properties: { birthDate: { type: 'string' } } },
      married: { type: 'boolean' },
      spouse: { type: 'string' },
      copies: { type: 'integer' },
    },
  },
  ui: { steps: [] },
  documents: [],
  fees: {
    currency: 'VND',
    items: [{ id: 'copy', label: { vi: 'Bản sao' }, amount: 8000, quantityField: 'copies' }],
    reductions: [
      {
        id: 'half',
        label: { vi: 'Giảm một nửa' },
        percent: 50,
        when: { all: [{ fact: 'married', operator: 'equal', value: true }] },
      },
    ],
  },
  rules: [
    {
      id: 'under-6',
      kind: 'eligibility',
      conditions: {
        all: [
          {
            fact: 'ageInYears',
            params: { field: 'child.birthDate' },
            operator: 'lessThan',
            value: 6,
          },
        ],
      },
    },
    {
      id: 'show-spouse',
      kind: 'show',
      conditions: { all: [{ fact: 'married', operator: 'isAnswered', value: true }] },
      targets: { fields: ['spouse'] },
    },
  ],
} as unknown as Procedure;

/** The Trusted Types API is not in TypeScript's DOM lib yet. */
interface TrustedTypes {
  createPolicy(
    name: string,
    rules: { createScript: (s: string) => string },
  ): { createScript(s: string): unknown };
}

async function run(): Promise<unknown> {
  const session = createRules(procedure, { today: '2025-06-01', onProblem: () => {} });
  const first = await session.evaluate({ child: { birthDate: '2024-01-01' } });
  const second = await session.evaluate(
    { child: { birthDate: '2024-01-01' }, married: true, copies: 3 },
    ['married', 'copies'],
  );
  // Violations so far must be none; the two eval probes below add exactly one each.
  const beforeProbe = violations.length;
  const blocked = (code: unknown): boolean => {
    try {
      (0, eval)(code as string);
      return false;
    } catch (err) {
      return err instanceof EvalError;
    }
  };
  // A plain string is refused by require-trusted-types-for 'script' ...
  const stringEvalBlocked = blocked('1');
  // ... and even a TrustedScript is refused by script-src without 'unsafe-eval'.
  const tt = (window as unknown as { trustedTypes: TrustedTypes }).trustedTypes;
  const policy = tt.createPolicy('dvc-forms', { createScript: (s: string) => s });
  const trustedEvalBlocked = blocked(policy.createScript('1'));
  // The violation event is queued as a task: let it arrive before reporting.
  await new Promise((resolve) => setTimeout(resolve, 50));
  return {
    first: { status: first.eligibility.status, hidden: first.hidden.fields },
    second: {
      status: second.eligibility.status,
      hidden: second.hidden.fields,
      total: second.fee.total,
      evaluated: session.lastEvaluation.evaluated,
    },
    beforeProbe,
    stringEvalBlocked,
    trustedEvalBlocked,
    violations,
  };
}

run().then(
  (report) => parent.postMessage({ source: 'csp-rules', report }, location.origin),
  (err: unknown) =>
    parent.postMessage({ source: 'csp-rules', error: String(err) }, location.origin),
);
