/**
 * The journey of `<dvc-form>`. Its pure part (step order, pages, the schema at a path, required
 * parents) lives in src/session so the CLI and the server share it; this file keeps the names the
 * form and its tests use, plus what only the element needs (element ids).
 */
import type { Problem } from '../../src/problem.js';
import type { FieldUi, Step } from '../../src/procedure/index.js';
// From src/view.ts, not src/session/index.ts: the core of the one-file bundle takes only these,
// and the session itself comes with the form's engine chunk (engine.ts).
import { getAt, isAnswered, pointerToDots, setAt, isWithinPath } from '../../src/view.js';

export {
  SYNTHETIC_ELIGIBILITY_STEP,
  buildPages,
  eligibilityFacts,
  isFieldVisible,
  orderSteps,
  parentPaths,
  type Page,
  type Visibility,
} from '../../src/view.js';

/** `/child/birth~1date` → `child.birth/date` (RFC 6901 unescaping). */
export function pointerToPath(pointer: string): string {
  return pointer === '/' ? '' : pointerToDots(pointer);
}

/** Whether a problem at `problemPath` (dot path) belongs to the field at `fieldPath`. */
export function belongsTo(problemPath: string, fieldPath: string): boolean {
  return fieldPath !== '' && isWithinPath(problemPath, fieldPath);
}

export const getPath: (obj: unknown, path: string) => unknown = getAt;

/** Whether an answer counts as not given: the one rule of src/session/field-path.ts. */
export function isEmptyAnswer(value: unknown): boolean {
  return !isAnswered(value);
}

/**
 * Returns a copy of `obj` with `path` set to `value`, or removed when the answer is empty (so an
 * emptied field counts as unanswered for `required` and for the rules' `isAnswered`).
 */
export const setPath: (
  obj: Record<string, unknown>,
  path: string,
  value: unknown,
) => Record<string, unknown> = setAt;

/** Every top-level field (not group items) of the procedure, with its step. */
export function allFields(steps: Step[]): { step: Step; field: FieldUi }[] {
  return steps.flatMap((step) => step.fields.map((field) => ({ step, field })));
}

/** Stable, id-safe form of a field path for element ids inside the form's shadow root. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Page ids that are not question pages. */
export const REVIEW = 'review';
export const INELIGIBLE = 'ineligible';
export const SUBMITTED = 'submitted';
/** The applicant's declaration box on the review page. */
export const DECLARATION_ID = 'declaration';
/** Assisted mode: the helper's own statement, a second box beside the applicant's. */
export const HELPER_ID = 'helper-declaration';
export const isDeclarationBox = (path: string) => path === DECLARATION_ID || path === HELPER_ID;

/** A repeat group's item problems by pointer relative to the group (`/0/fullName`). */
export function groupErrorsOf(path: string, problems: readonly Problem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  const prefix = `/${path.split('.').join('/')}`;
  for (const p of problems) {
    const rel = p.path.slice(prefix.length);
    if (p.path.startsWith(`${prefix}/`) && !(rel in errors)) errors[rel] = p.message;
  }
  return errors;
}
