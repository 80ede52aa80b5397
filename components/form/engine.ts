/**
 * The engine `<dvc-form>` needs once it has a procedure, as one lazy chunk of the one-file bundle
 * (issue 22 point 1, docs/performance.md "round 5"): the procedure model, its session, the
 * validation runtime and its message catalog, the compiled-rules evaluator and json-rules-engine's
 * runtime path, ajv-formats, the file checks, canonical JSON and the payload. The core (lit, the
 * field elements and the form shell) holds none of it, so a page with a lone field or a status
 * lookup never downloads it, and a form page preloads it with the bundle (`chunks` of
 * `compileProcedureModule`, demo/server/static-assets.js). The npm entry imports the same module
 * through the same dynamic import, which a bundler resolves like any other.
 */
export {
  isSchemaRequired,
  keywordValues,
  ProcedureModel,
  recordsUntickedAsFalse,
  requiredMembers,
} from '../../src/session/index.js';
export { handOverFirstPage, keepOverDraft } from './first-page-hand-over.js';
export { readPlainAnswers, readPlainFocus } from './first-page-readers.js';
export { addressProperties, copyOffer as reuse } from './copy-offer.js';
export { addUnowned } from './unowned-problems.js';
export { LightQuestions } from './light-questions.js';
