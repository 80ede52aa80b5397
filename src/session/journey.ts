/**
 * The journey without a DOM: which steps exist and in which order (eligibility first), which
 * pages they make for the current visibility, the schema at a field path, and the objects the
 * schema requires around the questions. Moved here from components/form/journey.ts so the CLI and
 * the server walk the same journey as the form.
 */
import type { FieldUi, JsonSchema, Procedure, Step } from '../procedure/types.js';
import { DERIVED_FACTS, TODAY_WORD } from '../procedure/vocabulary.js';
import { alternatives, deref, own, resolveFieldPath } from '../procedure/schema-paths.js';
import { readFacts } from '../rules/facts-read.js';
import { getAt, setAt } from './field-path.js';
import { SESSION_MESSAGES } from './messages.js';

/** Id of the step synthesised when a procedure has eligibility rules but no eligibility step. */
export const SYNTHETIC_ELIGIBILITY_STEP = 'dieu-kien';

export interface Page {
  /** Step id, or `<step id>/<field path>` in one-question-per-page mode. */
  id: string;
  step: Step;
  fields: FieldUi[];
  eligibility: boolean;
}

/**
 * Field paths read by the procedure's eligibility rules: a fact's own path, or a derived fact's
 * string parameters (each a field path unless "today": vocabulary.ts; the others are numbers).
 */
export function eligibilityFacts(procedure: Procedure): Set<string> {
  const facts = new Set<string>();
  const read = (fact: string, params = {}): void => {
    if (!Object.values(DERIVED_FACTS).includes(fact as never)) facts.add(fact);
    else
      for (const v of Object.values(params))
        if (typeof v === 'string' && v !== TODAY_WORD) facts.add(v);
  };
  for (const rule of procedure.rules)
    if (rule.kind === 'eligibility') readFacts(rule.conditions, read, procedure.conditions);
  return facts;
}

/**
 * The steps in journey order: eligibility steps first. A procedure with eligibility rules but
 * no eligibility step gets one, made of the fields those rules read (moved out of their own
 * steps), so nobody fills in a whole form before learning they cannot apply.
 */
export function orderSteps(procedure: Procedure): Step[] {
  const steps = procedure.ui.steps;
  const eligibility = steps.filter((s) => s.kind === 'eligibility');
  const rest = steps.filter((s) => s.kind !== 'eligibility');
  if (eligibility.length > 0) return [...eligibility, ...rest];
  const facts = eligibilityFacts(procedure);
  if (facts.size === 0) return rest;
  const moved: FieldUi[] = [];
  const remaining = rest
    .map((step) => {
      const keep = step.fields.filter((f) => {
        if (f.widget !== 'group' && facts.has(f.field)) {
          moved.push(f);
          return false;
        }
        return true;
      });
      return keep.length === step.fields.length ? step : { ...step, fields: keep };
    })
    .filter((step) => step.fields.length > 0);
  if (moved.length === 0) return rest;
  const synthetic: Step = {
    id: SYNTHETIC_ELIGIBILITY_STEP,
    kind: 'eligibility',
    title: { ...SESSION_MESSAGES.eligibilityStepTitle },
    fields: moved,
  };
  return [synthetic, ...remaining];
}

export interface Visibility {
  hiddenFields: ReadonlySet<string>;
  hiddenDocuments: ReadonlySet<string>;
}

export function isFieldVisible(field: FieldUi, visibility: Visibility): boolean {
  if (visibility.hiddenFields.has(field.field)) return false;
  if (field.widget === 'file' && field.document) {
    return !visibility.hiddenDocuments.has(field.document);
  }
  return true;
}

/** The question pages for the current answers; steps without a visible field are skipped. */
export function buildPages(steps: Step[], visibility: Visibility, oneQuestion: boolean): Page[] {
  const pages: Page[] = [];
  for (const step of steps) {
    const fields = step.fields.filter((f) => isFieldVisible(f, visibility));
    if (fields.length === 0) continue;
    const eligibility = step.kind === 'eligibility';
    if (oneQuestion) {
      for (const field of fields) {
        pages.push({ id: `${step.id}/${field.field}`, step, fields: [field], eligibility });
      }
    } else {
      pages.push({ id: step.id, step, fields, eligibility });
    }
  }
  return pages;
}

/**
 * The sub-schema describing the answer at `path` (`$ref`s, `allOf` and conditional branches
 * followed by src/procedure/schema-paths.ts, the one resolver).
 */
export function schemaAt(root: JsonSchema, path: string): JsonSchema | undefined {
  const s = resolveFieldPath(root, root, path);
  return s && Object.keys(s).length > 0 ? (s as JsonSchema) : undefined;
}

/**
 * The values of `keyword` in the schema at `path` (`''` for the answers themselves) and in every
 * part of it ajv applies to the same value: a `$ref`'s target and the keywords written beside it,
 * `allOf` branches. Reading the keyword off one schema missed those, while ajv enforced them.
 */
export function keywordValues(root: JsonSchema, path: string, keyword: string): unknown[] {
  const s = path ? schemaAt(root, path) : deref(root, root);
  return s ? alternatives(root, s, true).flatMap((f) => own(f, keyword) ?? []) : [];
}

/** The `format` ajv checks the answer at `path` against (one beside a `$ref` included). */
export function formatAt(root: JsonSchema, path: string): string | undefined {
  return keywordValues(root, path, 'format').find((f): f is string => typeof f === 'string');
}

/**
 * The members the object at `path` must have (`''` for the answers themselves, `siblings[]` for
 * a list's items), `$ref`s followed, with the `required` beside a `$ref` and in `allOf` branches.
 * Reading `required` off the schema of the list missed items given as a `$ref`, so their
 * questions were not announced as required while ajv demanded them.
 */
export function requiredMembers(root: JsonSchema, path: string): string[] {
  return keywordValues(root, path, 'required').filter((v) => typeof v === 'string');
}

/** Whether the data schema itself lists the answer at `path` as required. */
export function isSchemaRequired(root: JsonSchema, path: string): boolean {
  const keys = path.split('.');
  return requiredMembers(root, keys.slice(0, -1).join('.')).includes(keys[keys.length - 1]!);
}

/**
 * The objects that contain a field (`child` for `child.fullName`, `a` and `a.b` for `a.b.c`),
 * shortest first. Group items are not included: a repeat group is one field.
 */
export function parentPaths(fields: readonly FieldUi[]): string[] {
  const out = new Set<string>();
  for (const f of fields) {
    const keys = f.field.split('.');
    for (let i = 1; i < keys.length; i++) out.add(keys.slice(0, i).join('.'));
  }
  return [...out].sort((a, b) => a.split('.').length - b.split('.').length);
}

function isObjectSchema(schema: JsonSchema | undefined): boolean {
  return (
    !!schema &&
    (schema.type === 'object' || (typeof schema.properties === 'object' && !schema.type))
  );
}

/**
 * A copy of `answers` where each object in `parents` that the schema requires (at every level
 * from the root) and that is missing is an empty object.
 *
 * Why: JSON Schema reports a missing required object once, on the object (`/eligibility`),
 * which no question on the page owns, so an untouched page would pass. With the object
 * present, each required question in it is reported on its own, worded as a missing answer,
 * exactly as when the person had answered some of the page. Optional objects stay absent, so
 * the submitted answers gain nothing the schema does not already demand.
 */
export function withRequiredParents(
  root: JsonSchema,
  answers: Record<string, unknown>,
  parents: readonly string[],
): Record<string, unknown> {
  let out = answers;
  for (const parent of parents) {
    const keys = parent.split('.');
    for (let i = 0; i < keys.length; i++) {
      const path = keys.slice(0, i + 1).join('.');
      const value = getAt(out, path);
      if (value === undefined) {
        if (!isSchemaRequired(root, path) || !isObjectSchema(schemaAt(root, path))) break;
        out = setEmptyObject(out, path);
      } else if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        // A wrong answer there is the schema's to report, not ours to replace.
        break;
      }
    }
  }
  return out;
}

/** `setAt` keeps empty answers out; a scaffolded object has to be there though it is empty. */
function setEmptyObject(obj: Record<string, unknown>, path: string): Record<string, unknown> {
  // A placeholder member makes `{}` an answer for setAt, then goes: only objects were copied.
  const marker = '\u0000scaffold';
  const withMarker = setAt(obj, `${path}.${marker}`, true);
  const holder = getAt(withMarker, path) as Record<string, unknown> | undefined;
  if (holder && typeof holder === 'object') delete holder[marker];
  return withMarker;
}

/**
 * Whether a check box field records `false` when the person leaves it unticked: a plain check
 * box (no options) whose schema is `type: "boolean"` and accepts `false`. A box that must be
 * ticked (`const: true`, `enum: [true]`, or no boolean type, as a consent box often is) stays
 * unanswered, so the person is asked to tick it.
 */
export function recordsUntickedAsFalse(root: JsonSchema, field: FieldUi): boolean {
  if (field.widget !== 'checkbox' || field.options?.length) return false;
  const schema = schemaAt(root, field.field);
  if (!schema || schema.type !== 'boolean') return false;
  if ('const' in schema && schema.const !== false) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(false)) return false;
  return true;
}
