/**
 * The facts and operators a rule may use, registered on json-rules-engine. Field facts read the
 * current answers; derived facts compute ages, day counts and list sizes. A missing or malformed
 * answer gives `undefined`, never an exception, and the condition on it becomes "unknown".
 */
import { Engine, Fact, Operator, type Almanac } from 'json-rules-engine';
import { DERIVED_FACT_NAMES, derivedFactReader } from './derived-facts.js';
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
  // The derived facts' values come from derived-facts.ts, as the compiled rules' do.
  for (const name of DERIVED_FACT_NAMES) {
    add(name, async (params: Record<string, unknown>, almanac: Almanac) =>
      derivedFactReader(name, params)!({
        answers: await answersOf(almanac),
        today: await todayOf(almanac),
      }),
    );
  }
  return facts;
}
