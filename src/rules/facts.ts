/**
 * The facts and operators a rule may use, registered on json-rules-engine. Field facts read the
 * current answers; derived facts compute ages, day counts and list sizes. A missing or malformed
 * answer gives `undefined`, never an exception, and the condition on it becomes "unknown".
 */
import { Engine, Fact, Operator, type Almanac } from 'json-rules-engine';
import { DERIVED_FACTS } from '../procedure/vocabulary.js';
import { ageInYears, daysBetween, parseIsoDate } from './dates.js';
import { TODAY_PARAM } from './conditions.js';
import { isAnsweredValue, readPath } from './paths.js';

/** Runtime facts holding the answers and today's date; no field path can be spelled like this. */
export const ANSWERS_FACT = '\u0000answers';
export const TODAY_FACT = '\u0000today';

const answersOf = (almanac: Almanac): Promise<unknown> => almanac.factValue(ANSWERS_FACT);
const todayOf = (almanac: Almanac): Promise<string> => almanac.factValue<string>(TODAY_FACT);

/** Presence tests; the condition's `value` is ignored. */
export const CUSTOM_OPERATORS = [
  new Operator('isAnswered', (fact: unknown) => isAnsweredValue(fact)),
  new Operator('isNotAnswered', (fact: unknown) => !isAnsweredValue(fact)),
];

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
  add(DERIVED_FACTS.ageInYears, async (params: Record<string, unknown>, almanac: Almanac) => {
    const birth = parseIsoDate(readPath(await answersOf(almanac), str(params['field'])));
    const today = parseIsoDate(await todayOf(almanac));
    return birth && today ? ageInYears(birth, today) : undefined;
  });
  add(DERIVED_FACTS.daysBetween, async (params: Record<string, unknown>, almanac: Almanac) => {
    const answers = await answersOf(almanac);
    const today = await todayOf(almanac);
    const at = (p: unknown): unknown => (p === TODAY_PARAM ? today : readPath(answers, str(p)));
    const from = parseIsoDate(at(params['from']));
    const to = parseIsoDate(at(params['to']));
    return from && to ? daysBetween(from, to) : undefined;
  });
  add(DERIVED_FACTS.count, async (params: Record<string, unknown>, almanac: Almanac) => {
    const list = readPath(await answersOf(almanac), str(params['field']));
    if (list === undefined || list === null) return 0;
    return Array.isArray(list) ? list.length : undefined;
  });
  return facts;
}
