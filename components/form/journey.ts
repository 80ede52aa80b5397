import type {
  ConditionNode,
  Conditions,
  FieldUi,
  JsonSchema,
  Procedure,
  Step,
} from '../../src/procedure/types.js';
import { DERIVED_FACTS } from '../../src/procedure/vocabulary.js';
import { FORM_MESSAGES } from './messages.js';

/**
 * The pure part of the journey: which steps exist, in which order, which pages they make and
 * which answers belong to which field. Kept free of lit so it can be reasoned about (and tested)
 * on its own.
 */

/** Id of the step synthesised when a procedure has eligibility rules but no eligibility step. */
export const SYNTHETIC_ELIGIBILITY_STEP = 'dieu-kien';

export interface Page {
  /** Step id, or `<step id>/<field path>` in one-question-per-page mode. */
  id: string;
  step: Step;
  fields: FieldUi[];
  eligibility: boolean;
}

function collectFacts(node: ConditionNode | Conditions, out: Set<string>): void {
  if ('all' in node) node.all.forEach((n) => collectFacts(n, out));
  else if ('any' in node) node.any.forEach((n) => collectFacts(n, out));
  else if ('not' in node) collectFacts(node.not, out);
  else if ('fact' in node) {
    const params = node.params ?? {};
    switch (node.fact) {
      case DERIVED_FACTS.today:
        break;
      case DERIVED_FACTS.ageInYears:
      case DERIVED_FACTS.count:
        if (typeof params.field === 'string') out.add(params.field);
        break;
      case DERIVED_FACTS.daysBetween:
        for (const key of ['from', 'to']) {
          const v = params[key];
          if (typeof v === 'string' && v !== 'today') out.add(v);
        }
        break;
      default:
        out.add(node.fact);
    }
  }
}

/** Field paths read by the procedure's eligibility rules. */
export function eligibilityFacts(procedure: Procedure): Set<string> {
  const facts = new Set<string>();
  for (const rule of procedure.rules) {
    if (rule.kind === 'eligibility') collectFacts(rule.conditions, facts);
  }
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
    title: {
      vi: FORM_MESSAGES.vi.eligibilityStepTitle,
      en: FORM_MESSAGES.en.eligibilityStepTitle,
    },
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

/** `/child/birth~1date` → `child.birth/date` (RFC 6901 unescaping). */
export function pointerToPath(pointer: string): string {
  if (pointer === '' || pointer === '/') return '';
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** Whether a problem at `problemPath` (dot path) belongs to the field at `fieldPath`. */
export function belongsTo(problemPath: string, fieldPath: string): boolean {
  return problemPath === fieldPath || problemPath.startsWith(`${fieldPath}.`);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * Whether an answer counts as not given: nothing, an empty text, no choice in a checkbox group,
 * or a structured answer (an address) with every part empty.
 */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmptyAnswer);
  return false;
}

/**
 * Returns a copy of `obj` with `path` set to `value`, or removed when the answer is empty (so an
 * emptied field counts as unanswered for `required` and for the rules' `isAnswered`).
 */
export function setPath(
  obj: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  const keys = path.split('.');
  if (keys.some((k) => FORBIDDEN_KEYS.has(k) || k === '')) return obj;
  const empty = isEmptyAnswer(value);
  const root: Record<string, unknown> = { ...obj };
  let cur = root;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = cur[keys[i]];
    const copy: Record<string, unknown> =
      next && typeof next === 'object' && !Array.isArray(next)
        ? { ...(next as Record<string, unknown>) }
        : {};
    cur[keys[i]] = copy;
    cur = copy;
  }
  const last = keys[keys.length - 1];
  if (empty) delete cur[last];
  else cur[last] = value;
  return root;
}

function resolveRef(root: JsonSchema, schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  // Only local `#/$defs/x` refs are allowed (the loader rejects others); cap the hops so a
  // ref cycle cannot hang the page.
  for (let hops = 0; s && typeof s.$ref === 'string' && hops < 16; hops++) {
    const m = /^#\/\$defs\/([^/]+)$/.exec(s.$ref);
    const defs = root.$defs as Record<string, JsonSchema> | undefined;
    s = m && defs && Object.hasOwn(defs, m[1]) ? defs[m[1]] : undefined;
  }
  return s;
}

/** The sub-schema describing the answer at `path`. */
export function schemaAt(root: JsonSchema, path: string): JsonSchema | undefined {
  let cur: JsonSchema | undefined = resolveRef(root, root);
  for (const key of path.split('.')) {
    const props = cur?.properties as Record<string, JsonSchema> | undefined;
    cur = props && Object.hasOwn(props, key) ? resolveRef(root, props[key]) : undefined;
    if (!cur) return undefined;
  }
  return cur;
}

/** Whether the data schema itself lists the answer at `path` as required. */
export function isSchemaRequired(root: JsonSchema, path: string): boolean {
  const keys = path.split('.');
  const parent =
    keys.length === 1 ? resolveRef(root, root) : schemaAt(root, keys.slice(0, -1).join('.'));
  const required = parent?.required;
  return Array.isArray(required) && required.includes(keys[keys.length - 1]);
}

/** Every top-level field (not group items) of the procedure, with its step. */
export function allFields(steps: Step[]): { step: Step; field: FieldUi }[] {
  return steps.flatMap((step) => step.fields.map((field) => ({ step, field })));
}

/** Stable, id-safe form of a field path for element ids inside the form's shadow root. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
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
      const value = getPath(out, path);
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

/** `setPath` keeps empty answers out; a scaffolded object has to be there though it is empty. */
function setEmptyObject(obj: Record<string, unknown>, path: string): Record<string, unknown> {
  const keys = path.split('.');
  if (keys.some((k) => FORBIDDEN_KEYS.has(k) || k === '')) return obj;
  const rootCopy: Record<string, unknown> = { ...obj };
  let cur = rootCopy;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = cur[keys[i]];
    const copy: Record<string, unknown> =
      next && typeof next === 'object' && !Array.isArray(next)
        ? { ...(next as Record<string, unknown>) }
        : {};
    cur[keys[i]] = copy;
    cur = copy;
  }
  cur[keys[keys.length - 1]] = {};
  return rootCopy;
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
