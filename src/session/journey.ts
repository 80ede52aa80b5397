/**
 * The journey without a DOM: which steps exist and in which order (eligibility first), which
 * pages they make for the current visibility, and the objects that hold the questions (what the
 * schema says of them is schema-reading.ts). Moved here from components/form/journey.ts so the CLI and
 * the server walk the same journey as the form.
 */
import type { FieldUi, Procedure, Step } from '../procedure/types.js';
import { DERIVED_FACTS, TODAY_WORD } from '../procedure/vocabulary.js';
import { readFacts } from '../rules/facts-read.js';
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
