/**
 * A draft written for an older version of a procedure, opened with the new version: the answers
 * whose question still exists (same path) and whose schema is compatible come along; the person
 * is told, by label, which questions they must answer again. Questions that no longer exist are
 * dropped without a word (there is nothing to re-enter), new questions are simply unanswered.
 */
import { canonicalize } from '../../src/jcs/index.js';
import type { FieldUi, JsonSchema, LocalizedText, Procedure } from '../../src/procedure/index.js';
import type { Problem } from '../../src/problem.js';
import { answeredOnly, resolveFieldPath } from '../../src/session/index.js';
import { getLeaf, patch } from './paths.js';

/**
 * What the carry-over needs of the new version: a session over given answers (src/session
 * `ProcedureModel` is one), whose `problemsFor` judges an answer as the form will.
 */
export interface AnswerChecker {
  createSession(options: { answers: Record<string, unknown> }): {
    problemsFor(path: string): Problem[];
  };
}

export interface CarryOverResult {
  answers: Record<string, unknown>;
  /** Questions of the new version whose old answer could not be kept, in journey order. */
  reenter: { path: string; label: LocalizedText }[];
  /** Paths carried over unchanged. */
  kept: string[];
}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

function resolve(root: JsonSchema, schema: JsonSchema | undefined): JsonSchema | undefined {
  let s = schema;
  for (let hops = 0; s && typeof s.$ref === 'string' && hops < 16; hops++) {
    const m = /^#\/\$defs\/([^/]+)$/.exec(s.$ref);
    const defs = root.$defs as Record<string, JsonSchema> | undefined;
    s = m && defs && Object.hasOwn(defs, m[1]) ? defs[m[1]] : undefined;
  }
  return s;
}

/**
 * The sub-schema at a dot path as the form reads it (src/procedure `resolveFieldPath`: local
 * `$ref`s, a member split across `allOf` branches, one declared in an `anyOf` or `if` branch).
 * Following `properties` alone, an answer to a question declared in a branch was dropped.
 */
export function subSchema(root: JsonSchema, path: string): JsonSchema | undefined {
  if (path.split('.').some((key) => FORBIDDEN.has(key))) return undefined;
  return resolveFieldPath(root, root, path) as JsonSchema | undefined;
}

/** A sub-schema with its local references inlined, for comparing two versions. */
function expanded(root: JsonSchema, schema: JsonSchema, depth = 0): unknown {
  if (depth > 32) return null;
  const s = resolve(root, schema) ?? {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === 'title' || k === 'description' || k === '$comment' || k === 'examples') continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      out[k] =
        k === 'properties' || k === '$defs'
          ? Object.fromEntries(
              Object.entries(v as Record<string, JsonSchema>).map(([pk, pv]) => [
                pk,
                expanded(root, pv, depth + 1),
              ]),
            )
          : expanded(root, v as JsonSchema, depth + 1);
    } else {
      out[k] = v;
    }
  }
  return out;
}

/** The question fields of a procedure (not files), in journey order. */
export function questionFields(procedure: Procedure): FieldUi[] {
  return procedure.ui.steps.flatMap((s) => s.fields).filter((f) => f.widget !== 'file');
}

const labelsOf = new WeakMap<Procedure, Record<string, LocalizedText>>();

/**
 * The questions' labels by path, as every draft record keeps them: built once per procedure,
 * not on each change (sealing ahead builds a record per change; 1,000 questions are a walk of
 * 1,000 fields each time). Shared by the records, never changed.
 */
export function fieldLabels(procedure: Procedure): Record<string, LocalizedText> {
  let labels = labelsOf.get(procedure);
  if (!labels) {
    labels = Object.fromEntries(questionFields(procedure).map((f) => [f.field, f.label]));
    labelsOf.set(procedure, labels);
  }
  return labels;
}

/**
 * Carries `old.answers` (written against `old.dataSchema`) over to `procedure`. An answer whose
 * schema is unchanged is kept as is; one whose schema changed is kept only if the new version's
 * session (`checker`, the model's) finds no problem at or under its path (without a checker: only if its JSON type
 * still matches).
 */
export function carryOver(
  old: { answers: Record<string, unknown>; dataSchema: JsonSchema },
  procedure: Procedure,
  checker?: AnswerChecker,
): CarryOverResult {
  const fields = questionFields(procedure);
  // First what the new version's session makes of each question (Session.replace does the
  // same): a field left empty is absent. A draft from before that rule holds `null` for an
  // emptied number box; judged as it was, the question was asked again although the person had
  // left it empty, and a repeat group with one such item was dropped whole.
  const given = answeredOnly(
    old.answers,
    fields.map((f) => f.field),
  );
  const kept: string[] = [];
  const toCheck: FieldUi[] = [];
  const reenter: FieldUi[] = [];
  for (const field of fields) {
    const value = getLeaf(given, field.field);
    if (value === undefined) continue;
    const before = subSchema(old.dataSchema, field.field);
    const after = subSchema(procedure.data, field.field);
    if (!after) continue;
    if (
      before &&
      canonicalize(expanded(old.dataSchema, before)) ===
        canonicalize(expanded(procedure.data, after))
    ) {
      kept.push(field.field);
    } else if (typeMatches(after, value)) {
      toCheck.push(field);
    } else {
      reenter.push(field);
    }
  }
  let answers = patch({}, given, [...kept, ...toCheck.map((f) => f.field)]);
  if (checker && toCheck.length > 0) {
    const session = checker.createSession({ answers });
    const bad = toCheck.filter((f) => session.problemsFor(f.field).length > 0);
    if (bad.length > 0) {
      answers = patch(
        answers,
        {},
        bad.map((f) => f.field),
      );
      reenter.push(...bad);
    }
    kept.push(...toCheck.filter((f) => !bad.includes(f)).map((f) => f.field));
  } else {
    kept.push(...toCheck.map((f) => f.field));
  }
  const order = new Map(fields.map((f, i) => [f.field, i]));
  reenter.sort((a, b) => order.get(a.field)! - order.get(b.field)!);
  return { answers, reenter: reenter.map((f) => ({ path: f.field, label: f.label })), kept };
}

function typeMatches(schema: JsonSchema, value: unknown): boolean {
  const t = schema.type;
  const types = Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : undefined;
  if (!types) return true;
  const actual =
    value === null
      ? 'null'
      : Array.isArray(value)
        ? 'array'
        : typeof value === 'number'
          ? Number.isInteger(value)
            ? 'integer'
            : 'number'
          : typeof value;
  return types.some((x) => x === actual || (x === 'number' && actual === 'integer'));
}
