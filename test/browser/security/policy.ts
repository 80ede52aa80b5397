/**
 * The demo's strict policy (demo/server/app.js STRICT_CSP), which web-test-runner.config.mjs sends
 * for `?dvc-csp=demo`. Repeated here because browser tests cannot import the Node server.
 */
export const STRICT_CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html dvc-forms";
