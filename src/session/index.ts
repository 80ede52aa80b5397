/**
 * The form's state without a DOM: a `ProcedureModel` built once per loaded procedure and a
 * `Session` over it that the browser form, the CLI (`check`, `test`) and the agency's server
 * (`verify`) all use, so what the form allows is what the server accepts (docs/architecture.md).
 */
export * from './field-path.js';
export { answeredOnly, setAnswer, withAnsweredMembers } from './answered-items.js';
export * from './journey.js';
export * from './schema-reading.js';
export { SESSION_MESSAGES } from './messages.js';
export { FEE_TOO_LARGE_PROBLEM, FIELD_CHECK_PROBLEM, withFieldChecks } from './field-checks.js';
export { keywordOfProblem, withAuthorMessages } from './field-messages.js';
export { ProcedureModel, type FieldEntry, type ProcedureModelOptions } from './model.js';
export {
  DOCUMENT_PROBLEM,
  Session,
  type DocumentProblem,
  type DocumentProblemCode,
  type DocumentsState,
  type SessionOptions,
  type SessionState,
  type ToPayloadInput,
} from './session.js';
