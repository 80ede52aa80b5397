/**
 * The facts and operators a rule may use, registered on json-rules-engine. Field facts read the
 * current answers; derived facts compute ages, day counts and list sizes. A missing or malformed
 * answer gives `undefined`, never an exception, and the condition on it becomes "unknown".
 */
import { Engine, Fact, Operator, type Almanac } from 'json-rules-engine';
import { DERIVED_FACTS } from '../procedure/vocabulary.js';
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
import { CUSTOM_OPERATOR_NAMES, OPERATOR_TESTS } from './compiled.js';

/** Runtime facts holding the answers and today's date; no field path can be spelled like this. */
export const ANSWERS_FACT = '\u0000answers';
export const TODAY_FACT = '\u0000today';

const answersOf = (almanac: Almanac): Promise<unknown> => almanac.factValue(ANSWERS_FACT);
const todayOf = (almanac: Almanac): Promise<string> => almanac.factValue<string>(TODAY_FACT);

/**
 * Presence tests (the condition's `value` is ignored), the date comparisons and the set
 * comparisons of format 1.1, defined once (compiled.ts, whose compiled rules use the same
 * functions) for the browser, `check` and verify.
 */
export const CUSTOM_OPERATORS = CUSTOM_OPERATOR_NAMES.map(
  (name) => new Operator(name, OPERATOR_TESTS[name]!),
);

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Registers the derived facts and one fact per field path in `fieldFacts` (as written), and
 * returns them so an evaluation can put them into its own almanac.
 */
export function registerFacts(engine: Engine, fieldFacts: Iterable<string>): Fact[] {
  const facts: Fact[] = [];
  const add = (id: string, fn: (params: Record<string, unknown>, almanac: Almanac) => unknown) => {
    const fact = new Fact(id, fn);
    engine.addFact(fact);
    facts.push(fact);
  };
  for (const op of CUSTOM_OPERATORS) engine.addOperator(op);
  for (const name of fieldFacts) {
    add(name, async (_params: Record<string, unknown>, almanac: Almanac) =>
      readPath(await answersOf(almanac), name),
    );
  }
  add(DERIVED_FACTS.today, (_p: Record<string, unknown>, almanac: Almanac) => todayOf(almanac));
  /** A date parameter: `"today"` or a date field's answer; undefined when not a real date. */
  const dateParam = async (p: unknown, almanac: Almanac): Promise<CivilDate | undefined> =>
    parseIsoDate(
      p === TODAY_PARAM ? await todayOf(almanac) : readPath(await answersOf(almanac), str(p)),
    );
  /** A fact of two date parameters, undefined unless both are dates. */
  const between = (
    id: string,
    fn: (from: CivilDate, to: CivilDate) => number,
    a: string,
    b: string,
  ) =>
    add(id, async (params: Record<string, unknown>, almanac: Almanac) => {
      const from = await dateParam(params[a], almanac);
      const to = await dateParam(params[b], almanac);
      return from && to ? fn(from, to) : undefined;
    });
  add(DERIVED_FACTS.ageInYears, async (params: Record<string, unknown>, almanac: Almanac) => {
    const birth = await dateParam(params['field'], almanac);
    const on = await dateParam(params['at'] ?? TODAY_PARAM, almanac);
    return birth && on ? ageInYears(birth, on) : undefined;
  });
  between(DERIVED_FACTS.daysBetween, daysBetween, 'from', 'to');
  between(DERIVED_FACTS.monthsBetween, monthsBetween, 'from', 'to');
  between(DERIVED_FACTS.yearsBetween, yearsBetween, 'from', 'to');
  add(DERIVED_FACTS.date, async (params: Record<string, unknown>, almanac: Almanac) => {
    const of = await dateParam(params['of'], almanac);
    if (!of) return undefined;
    const n = (k: string): number => (Number.isInteger(params[k]) ? (params[k] as number) : 0);
    return formatIsoDate(addDays(addMonths(of, n('addYears') * 12 + n('addMonths')), n('addDays')));
  });
  add(DERIVED_FACTS.count, async (params: Record<string, unknown>, almanac: Almanac) => {
    const list = readPath(await answersOf(almanac), str(params['field']));
    if (list === undefined || list === null) return 0;
    return Array.isArray(list) ? list.length : undefined;
  });
  return facts;
}
