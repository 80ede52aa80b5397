/**
 * Format 1.1 shared option lists, as lint sees them: a question's `optionList` must name one of
 * the procedure's `optionLists` or a shipped list (`unknown-option-list`, with the closest name),
 * never together with its own `options` (`options-and-option-list`); a procedure's list must not
 * take a shipped list's name, its values are unique and, where the question's schema has an
 * `enum`, among it (`unknown-option`). Only the shipped lists' names are needed here, so their
 * content stays out of the loader.
 */
import { SHIPPED_OPTION_LISTS } from '../data/option-lists/index.js';
import { escapePointerToken } from '../json/parse.js';
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { closest } from './suggest.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Obj, k: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

function ownLists(procedure: Obj): Obj {
  const lists = own(procedure, 'optionLists');
  return isObject(lists) ? lists : {};
}

/** The `optionList` of the `ui` field `field` at `pointer`; `values` the schema's enum, if any. */
export function checkOptionList(
  procedure: Obj,
  field: Obj,
  pointer: string,
  values: readonly unknown[] | undefined,
  problems: ProblemList,
): void {
  const id = own(field, 'optionList');
  if (typeof id !== 'string') return;
  const at = `${pointer}/optionList`;
  if (own(field, 'options') !== undefined)
    problems.add(C.optionsAndOptionList, at, localized('optionsAndOptionList'));
  const lists = ownLists(procedure);
  const list = own(lists, id);
  if (isObject(list)) {
    if (!values) return;
    const options = Array.isArray(list['options']) ? list['options'] : [];
    options.forEach((o, j) => {
      if (!isObject(o) || !Object.prototype.hasOwnProperty.call(o, 'value')) return;
      if (!values.includes(o['value']))
        problems.add(
          C.unknownOption,
          `/optionLists/${escapePointerToken(id)}/options/${j}/value`,
          localized('optionListValue', {
            value: show(o['value']),
            id,
            path: String(field['field']),
          }),
        );
    });
    return;
  }
  if ((SHIPPED_OPTION_LISTS as readonly string[]).includes(id)) return;
  const names = [...Object.keys(lists), ...SHIPPED_OPTION_LISTS];
  problems.add(
    C.unknownOptionList,
    at,
    localized('unknownOptionList', {
      id,
      shipped: SHIPPED_OPTION_LISTS.join(', '),
      suggestion: closest(id, names),
    }),
  );
}

/** The procedure's own `optionLists`: names apart from the shipped ones, values unique. */
export function checkOptionLists(procedure: Obj, problems: ProblemList): void {
  for (const [id, list] of Object.entries(ownLists(procedure))) {
    const pointer = `/optionLists/${escapePointerToken(id)}`;
    if ((SHIPPED_OPTION_LISTS as readonly string[]).includes(id))
      problems.add(C.duplicateId, pointer, localized('shippedOptionListName', { id }), {
        at: 'key',
      });
    if (!isObject(list) || !Array.isArray(list['options'])) continue;
    const seen: unknown[] = [];
    list['options'].forEach((o, j) => {
      if (!isObject(o) || !Object.prototype.hasOwnProperty.call(o, 'value')) return;
      if (seen.includes(o['value']))
        problems.add(
          C.duplicateId,
          `${pointer}/options/${j}/value`,
          localized('duplicateOption', { value: show(o['value']) }),
        );
      else seen.push(o['value']);
    });
  }
}

/**
 * The values a `ui` field lets the citizen choose: its own `options`, or those of the own list
 * its `optionList` names; undefined for neither or a shipped list (not loaded here).
 */
export function choicesOf(procedure: Obj, field: Obj): unknown[] | undefined {
  const id = own(field, 'optionList');
  const list = typeof id === 'string' ? own(ownLists(procedure), id) : undefined;
  const options = own(field, 'options') ?? (isObject(list) ? own(list, 'options') : undefined);
  if (!Array.isArray(options)) return undefined;
  return options.filter((o) => isObject(o) && Object.hasOwn(o, 'value')).map((o) => o['value']);
}
