/**
 * `dvc-forms/engine`: procedure loading, validation, rules, canonical JSON and signing.
 * No DOM: runs in browsers, Node 20 and any runtime with WebCrypto.
 */
export * from './procedure/types.js';
export * from './errors.js';
export type { Problem, AuthorProblem } from './problem.js';
