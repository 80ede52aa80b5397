/**
 * The derived facts (ages, day/month/year counts, shifted dates, list sizes, today) defined once,
 * as synchronous readers of the answers and today's date. json-rules-engine's facts (facts.ts)
 * and the compiled rules (compiled.ts) both take their values from here, so the two evaluators
 * cannot read a parameter differently. A missing or malformed parameter or answer gives
 * `undefined` (the condition on it becomes "unknown"), never an exception.
 */
import { DERIVED_FACTS, type DerivedFact } from '../procedure/vocabulary.js';
import {
  addDays,
  addMonths,
  ageInYears,
  daysBetween,
  formatIsoDate,
  monthsBetween,
  parseIsoDate,
  yearsBetween,
  type CivilDate,
} from './dates.js';
import { TODAY_PARAM } from './conditions.js';
import { readPath } from './paths.js';

/** What a derived fact reads: the answers (hidden ones removed) and the submission date. */
export interface FactInputs {
  readonly answers: unknown;
  readonly today: string;
}

/** A derived fact with its parameters resolved: its value for given inputs. */
export type FactReader = (inputs: FactInputs) => unknown;

type Params = Readonly<Record<string, unknown>>;

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A date parameter: `"today"` or a date field's answer; undefined when not a real date. */
const dateParam =
  (p: unknown): ((inputs: FactInputs) => CivilDate | undefined) =>
  (inputs) =>
    parseIsoDate(p === TODAY_PARAM ? inputs.today : readPath(inputs.answers, str(p)));

/** A fact of two date parameters, undefined unless both are dates. */
const between =
  (fn: (from: CivilDate, to: CivilDate) => number) =>
  (p: Params): FactReader => {
    const from = dateParam(p['from']);
    const to = dateParam(p['to']);
    return (inputs) => {
      const a = from(inputs);
      const b = to(inputs);
      return a && b ? fn(a, b) : undefined;
    };
  };

/** A whole-number parameter; 0 when absent or not an integer. */
const whole = (p: Params, key: string): number =>
  Number.isInteger(p[key]) ? (p[key] as number) : 0;

// Typed by the vocabulary, so a derived fact added there without a definition does not compile.
const DEFINITIONS: Readonly<Record<DerivedFact, (p: Params) => FactReader>> = {
  [DERIVED_FACTS.today]: () => (inputs) => inputs.today,
  [DERIVED_FACTS.ageInYears]: (p) => {
    const birth = dateParam(p['field']);
    const on = dateParam(p['at'] ?? TODAY_PARAM);
    return (inputs) => {
      const b = birth(inputs);
      const o = on(inputs);
      return b && o ? ageInYears(b, o) : undefined;
    };
  },
  [DERIVED_FACTS.daysBetween]: between(daysBetween),
  [DERIVED_FACTS.monthsBetween]: between(monthsBetween),
  [DERIVED_FACTS.yearsBetween]: between(yearsBetween),
  [DERIVED_FACTS.date]: (p) => {
    const of = dateParam(p['of']);
    const months = whole(p, 'addYears') * 12 + whole(p, 'addMonths');
    const days = whole(p, 'addDays');
    return (inputs) => {
      const d = of(inputs);
      return d ? formatIsoDate(addDays(addMonths(d, months), days)) : undefined;
    };
  },
  [DERIVED_FACTS.count]: (p) => {
    const field = str(p['field']);
    return (inputs) => {
      const list = readPath(inputs.answers, field);
      if (list === undefined || list === null) return 0;
      return Array.isArray(list) ? list.length : undefined;
    };
  },
};

/** The derived facts' names, in the order json-rules-engine registers them. */
export const DERIVED_FACT_NAMES = Object.keys(DEFINITIONS) as readonly DerivedFact[];

/**
 * The reader of derived fact `fact` with `params` (resolved once: call it per evaluation), or
 * undefined when `fact` is not a derived fact (a field fact, or unknown).
 */
export function derivedFactReader(fact: string, params: unknown): FactReader | undefined {
  if (!Object.hasOwn(DEFINITIONS, fact)) return undefined;
  const p: Params =
    params !== null && typeof params === 'object' && !Array.isArray(params)
      ? (params as Params)
      : {};
  return DEFINITIONS[fact as DerivedFact](p);
}
