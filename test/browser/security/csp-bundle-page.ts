// Runs inside csp-bundle.html, served with the demo's strict Content-Security-Policy, and reports
// to test/browser/security.test.ts: only the BUILT bundle (dist/dvc-forms.min.js) defines the
// elements here, the validator is the precompiled module, and every violation is recorded.
import sample from '../../../schemas/procedures/dang-ky-khai-sinh.json';

interface Violation {
  directive: string;
  blockedURI: string;
}
const violations: Violation[] = [];
const pageErrors: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI }),
);
window.addEventListener('error', (e) => pageErrors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => pageErrors.push(String(e.reason)));

const report = (data: Record<string, unknown>) =>
  window.parent.postMessage({ source: 'csp-bundle', ...data }, '*');
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, get: () => T | null | undefined | false, ms = 8000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await tick(20);
  }
}

type Form = HTMLElement & {
  procedureData?: string;
  compiled?: unknown;
  settled(): Promise<void>;
};

/** The control: proves the header applied (without it, eval would run). */
function evalIsBlocked(): string {
  try {
    (0, eval)('1');
    return 'eval ran';
  } catch (e) {
    return (e as Error).name;
  }
}

async function run(): Promise<Record<string, unknown>> {
  const control = evalIsBlocked();
  // The control's own violation is expected; the form's flow must add none.
  await tick(20);
  const controlViolations = violations.splice(0);

  const compiled: unknown = await import('./fixtures/compiled-dang-ky-khai-sinh.js');
  await customElements.whenDefined('dvc-form');
  const form = document.getElementById('form') as Form;
  form.compiled = compiled;
  form.procedureData = JSON.stringify(sample);
  const root = await until('the form shadow root', () => form.shadowRoot);
  const heading = await until('the first step', () =>
    root.querySelector<HTMLElement>('#page-heading'),
  );
  const firstStep = heading.textContent?.trim();

  // Fill one field the way a person does (click a radio), then press Continue with the others
  // unanswered: the error summary must appear.
  // Its radios, in its placeholder (the light first page) or its element, whichever is there.
  const radios = await until('its radios', () => {
    const group = root.querySelector<HTMLElement>('[data-path="eligibility.alreadyRegistered"]');
    const r = (group?.shadowRoot ?? group)?.querySelectorAll<HTMLInputElement>(
      'input[type="radio"]',
    );
    return r && r.length > 0 ? r : undefined;
  });
  radios[radios.length - 1].click();
  await form.settled();
  root.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await tick(0);
  await form.settled();
  const summary = await until('the error summary', () =>
    root.querySelector<HTMLElement>('dvc-error-summary'),
  );
  await tick(50);
  const summaryItems = [...(summary.shadowRoot?.querySelectorAll('li') ?? [])].map((li) =>
    li.textContent!.replace(/\s+/g, ' ').trim(),
  );
  const flowViolations = violations.splice(0);
  const flowErrors = pageErrors.splice(0);

  // Every lazy chunk the bundle can load (compiler, address units, tus, loader) is a same-origin
  // module: each must load and evaluate under the policy.
  const bundleUrl = new URL('/dist/dvc-forms.min.js', location.href);
  const bundle = await (await fetch(bundleUrl)).text();
  // The entry names its chunks `chunks/x.min.js`; a chunk names the ones it imports `./y.min.js`
  // (the upload chunk imports the tus client) and the entry `../dvc-forms.min.js`: follow the
  // chunks, once each.
  const chunkUrls = new Set(
    (bundle.match(/chunks\/[\w.-]+\.min\.js/g) ?? []).map((c) => new URL(c, bundleUrl).href),
  );
  for (const url of chunkUrls) {
    const text = await (await fetch(url)).text();
    for (const [, c] of text.matchAll(/["'](\.\.?\/[\w.-]+\.min\.js)["']/g)) {
      const next = new URL(c!, url).href;
      // `../dvc-forms.min.js` is the entry itself (shared code), not a chunk.
      if (next.includes('/chunks/')) chunkUrls.add(next);
    }
  }
  const chunks = [...chunkUrls].sort();
  const loaded: Record<string, string> = {};
  for (const c of chunks) {
    const name = c.replace(/^.*\/chunks\//, '').replace(/-[\w-]{8}\.min\.js$/, '');
    try {
      await import(c);
      loaded[name] = 'ok';
    } catch (e) {
      loaded[name] = `${(e as Error).name}: ${(e as Error).message}`;
    }
  }
  await tick(50);
  const chunkViolations = violations.splice(0);

  // Without the precompiled module the form must say why (CspCompileError), not hang.
  const bare = document.createElement('dvc-form') as Form;
  const failed = new Promise<Record<string, unknown>>((resolve) =>
    bare.addEventListener('dvc-error', (e) => {
      const d = (e as CustomEvent).detail as { code: string; cause?: Error };
      resolve({ code: d.code, cause: d.cause?.name });
    }),
  );
  bare.procedureData = JSON.stringify(sample);
  document.body.append(bare);
  const runtime = await Promise.race([failed, tick(8000).then(() => ({ timeout: true }))]);
  await tick(50);
  return {
    control,
    controlViolations,
    firstStep,
    summaryItems,
    flowViolations,
    flowErrors,
    loaded,
    chunkViolations,
    runtime,
    runtimeViolations: violations.splice(0),
    laterErrors: pageErrors.splice(0),
  };
}

run().then(
  (result) => report({ result }),
  (err: Error) => report({ error: `${err.name}: ${err.message}`, violations, pageErrors }),
);
