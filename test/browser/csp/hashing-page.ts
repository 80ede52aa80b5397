// Hashes a file on the streaming path inside a page served with a strict CSP and reports to the
// parent test (test/browser/hashing.test.ts): WebAssembly may not be compiled there, so the
// JavaScript hasher must take over with the same digest.
import { createStreamingSha256, sha256Blob } from '../../../src/files/hash.js';

const violations: { directive: string; blockedURI: string }[] = [];
document.addEventListener('securitypolicyviolation', (e) => {
  violations.push({ directive: e.effectiveDirective, blockedURI: e.blockedURI });
});

async function run(): Promise<Record<string, unknown>> {
  const bytes = new Uint8Array(3 * 1024 * 1024 + 7).map((_, i) => (i * 31) & 0xff);
  const blob = new Blob([bytes]);
  const kind = (await createStreamingSha256()).kind;
  const streamed = await sha256Blob(blob, { oneShotMaxBytes: 0, chunkSize: 1024 * 1024 });
  const native = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
  return { kind, streamed, native };
}

run().then(
  (report) =>
    setTimeout(
      () => window.parent.postMessage({ source: 'csp-hashing', report, violations }, '*'),
      100,
    ),
  (e: unknown) =>
    window.parent.postMessage({ source: 'csp-hashing', error: String(e), violations }, '*'),
);
