// A page under the strict CSP with a form artefact compiled from basic.json and a form whose
// `procedure` names another file: the form fetches that file and cannot compile its validator.
// Reports the form's error, the console's lines and the CSP violations to the parent test
// (test/browser/csp-artefact.test.ts).
import '../../../components/form/form.js';
import type { DvcErrorEvent } from '../../../components/form/events.js';
import { provideCompiled } from '../../../components/form/provide.js';
import * as compiledBasic from '../../components/form/fixtures/compiled-basic.js';
import basic from '../../components/form/fixtures/basic.json';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
const lines: string[] = [];
for (const level of ['warn', 'error'] as const) {
  const original = console[level].bind(console);
  console[level] = (...args: unknown[]) => {
    lines.push(`${level}: ${args.map((a) => (a instanceof Error ? a.name : String(a))).join(' ')}`);
    original(...args);
  };
}

// What the artefact (`dvc-forms compile basic.json --form`) does once the bundle is in.
provideCompiled(compiledBasic, 'basic.json');
// Another procedure file, on the page's site.
const other = URL.createObjectURL(new Blob([JSON.stringify(basic)], { type: 'application/json' }));
const form = document.createElement('dvc-form');
form.setAttribute('procedure', other);
form.addEventListener('dvc-error', (e) => {
  const code = (e as DvcErrorEvent).detail.code;
  // Let the violation events (dispatched asynchronously) arrive first.
  setTimeout(
    () =>
      window.parent.postMessage(
        { source: 'csp-artefact', url: other, code, lines, violations },
        '*',
      ),
    50,
  );
});
document.body.append(form);
