/**
 * What an emptied answer means, decided once for every way answers reach a session: a field
 * left empty is absent. A question left empty is removed from the answers (setAt, by the one rule
 * isAnswered); an item's field left empty is removed from its item here. Without it a number box
 * emptied in an item stayed `null`, and the schema refused that ("… phải là một số nguyên")
 * although the question is optional; the server, which re-decides the payload with the same
 * session, refuses a `null` too, so the form must never send one.
 *
 * `setAnswer` is that decision for one question (Session.set, each prefilled question);
 * `answeredOnly` applies it to answers loaded whole (Session.replace: a restored draft, one
 * carried over from another version, another tab's change), so a draft saved before the rule
 * existed loads as if each question had been set. A server keeps what it received as given
 * (the Session constructor): it refuses the `null` a hostile client sends.
 *
 * Kept out of field-path.ts because only the session needs it: field-path.ts is in the one-file
 * bundle's core, the session in the form's engine chunk.
 */
import { getAt, isAnswered, setAt } from './field-path.js';

/**
 * `value` with, in each item of a list (a repeat group's answer), only the members that are
 * answers, and the same rule in the lists among those members (a group inside a group's items:
 * without it an emptied member of a nested item stayed `null`, and was refused); anything else
 * as it is. An item with nothing answered stays, as an item the person added. Items are copied,
 * never changed; `Object.fromEntries` defines every key, `__proto__` included, as an own data
 * property.
 */
export function withAnsweredMembers(value: unknown): unknown {
  return Array.isArray(value)
    ? value.map((item: unknown) =>
        item !== null && typeof item === 'object' && !Array.isArray(item)
          ? Object.fromEntries(
              Object.entries(item).flatMap(([k, v]) =>
                isAnswered(v) ? [[k, withAnsweredMembers(v)]] : [],
              ),
            )
          : item,
      )
    : value;
}

/**
 * `answers` with `value` as the answer to the question at `path`: removed when it is not an
 * answer, and in a list of items each item's unanswered members left out. `answers` is never
 * changed (setAt copies).
 */
export function setAnswer(
  answers: Record<string, unknown>,
  path: string,
  value: unknown,
): Record<string, unknown> {
  return setAt(answers, path, withAnsweredMembers(value));
}

/**
 * `answers` as if each of `questions` had been set one by one (`setAnswer`): what is not an
 * answer is absent, at a question and in a repeated item alike. Members that are no question of
 * `questions` are kept as they are (validation speaks about them). `answers` is never changed.
 */
export function answeredOnly(
  answers: Record<string, unknown>,
  questions: Iterable<string>,
): Record<string, unknown> {
  let out = answers;
  for (const path of questions) {
    const value = getAt(out, path);
    if (value !== undefined) out = setAnswer(out, path, value);
  }
  return out;
}
