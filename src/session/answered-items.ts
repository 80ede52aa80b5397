/**
 * What an emptied answer means inside the items of a repeat group: the same as at a question.
 * A question left empty is removed from the answers (setAt, by the one rule isAnswered); an
 * item's field left empty is removed from its item here. Without it a number box emptied in an
 * item stayed `null`, and the schema refused that ("… phải là một số nguyên") although the
 * question is optional; the server, which re-decides the payload with the same session, refuses
 * a `null` too, so the form must never send one.
 *
 * Kept out of field-path.ts because only the session's `set` needs it: field-path.ts is in the
 * one-file bundle's core, the session in the form's engine chunk.
 */
import { isAnswered } from './field-path.js';

/**
 * `value` with, in each item of a list (a repeat group's answer), only the members that are
 * answers; anything else as it is. An item with nothing answered stays, as an item the person
 * added. Items are copied, never changed; `Object.fromEntries` defines every key, `__proto__`
 * included, as an own data property.
 */
export function withAnsweredMembers(value: unknown): unknown {
  return Array.isArray(value)
    ? value.map((item: unknown) =>
        item !== null && typeof item === 'object' && !Array.isArray(item)
          ? Object.fromEntries(Object.entries(item).filter(([, v]) => isAnswered(v)))
          : item,
      )
    : value;
}
