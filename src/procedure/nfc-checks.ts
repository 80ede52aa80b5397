/**
 * Values compared with answers must be written in composed Unicode (NFC). Every string answer is
 * normalised to NFC before validation and before the rules read it (docs/validation.md,
 * src/validation/formats.ts `normalizeText`), and nothing normalises the procedure's own values,
 * so "Nữ" typed in decomposed form (NFD, as a Mac keyboard may) never equals any answer:
 * `decomposed-text` at each such value of an `enum` or `const` in `data` (including `if` branches),
 * a question's option, a shared option list's option (the validator refuses an answer outside
 * its list) and a condition's `value` (rules, named conditions, fee items and reductions).
 */
import { escapePointerToken } from '../json/parse.js';
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { walkSchema } from './schema-walks.js';
import { copyConditions } from './copy-from.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Each string in `value` (inside lists and objects too) that NFC would change. */
function checkValue(value: unknown, pointer: string, problems: ProblemList, depth = 0): void {
  if (depth > 32) return;
  if (typeof value === 'string') {
    if (value !== value.normalize('NFC'))
      problems.add(
        C.decomposedText,
        pointer,
        localized('decomposedText', { value: JSON.stringify(value) }),
      );
  } else if (Array.isArray(value))
    value.forEach((v, i) => checkValue(v, `${pointer}/${i}`, problems, depth + 1));
  else if (isObject(value))
    for (const [k, v] of Object.entries(value))
      checkValue(v, `${pointer}/${escapePointerToken(k)}`, problems, depth + 1);
}

function checkOptions(options: unknown, pointer: string, problems: ProblemList): void {
  arr(options).forEach((o, j) => {
    if (isObject(o) && Object.hasOwn(o, 'value'))
      checkValue(o['value'], `${pointer}/${j}/value`, problems);
  });
}

function checkFields(fields: unknown, pointer: string, problems: ProblemList, depth = 0): void {
  if (depth > 16) return;
  arr(fields).forEach((f, i) => {
    if (!isObject(f)) return;
    checkOptions(own(f, 'options'), `${pointer}/${i}/options`, problems);
    checkFields(own(f, 'fields'), `${pointer}/${i}/fields`, problems, depth + 1);
  });
}

function checkConditions(node: unknown, pointer: string, problems: ProblemList, depth = 0): void {
  if (!isObject(node) || depth > 64) return;
  for (const k of ['all', 'any'])
    arr(own(node, k)).forEach((c, i) =>
      checkConditions(c, `${pointer}/${k}/${i}`, problems, depth + 1),
    );
  checkConditions(own(node, 'not'), `${pointer}/not`, problems, depth + 1);
  if (typeof own(node, 'fact') !== 'string' || !Object.hasOwn(node, 'value')) return;
  const value = node['value'];
  // A value read from another fact is an answer itself, normalised like the first.
  if (isObject(value) && typeof own(value, 'fact') === 'string') return;
  checkValue(value, `${pointer}/value`, problems);
}

/** Reports every value compared with answers that is not in composed form (NFC). */
export function checkComposedValues(procedure: Obj, problems: ProblemList): void {
  walkSchema(own(procedure, 'data'), '/data', (schema, pointer) => {
    arr(own(schema, 'enum')).forEach((v, i) => checkValue(v, `${pointer}/enum/${i}`, problems));
    if (Object.hasOwn(schema, 'const')) checkValue(schema['const'], `${pointer}/const`, problems);
  });
  const ui = own(procedure, 'ui');
  if (isObject(ui))
    arr(own(ui, 'steps')).forEach((s, i) => {
      if (isObject(s)) checkFields(own(s, 'fields'), `/ui/steps/${i}/fields`, problems);
    });
  const lists = own(procedure, 'optionLists');
  if (isObject(lists))
    for (const [id, list] of Object.entries(lists))
      if (isObject(list))
        checkOptions(
          own(list, 'options'),
          `/optionLists/${escapePointerToken(id)}/options`,
          problems,
        );
  arr(own(procedure, 'rules')).forEach((r, i) => {
    if (isObject(r)) checkConditions(own(r, 'conditions'), `/rules/${i}/conditions`, problems);
  });
  const named = own(procedure, 'conditions');
  if (isObject(named))
    for (const [name, c] of Object.entries(named))
      checkConditions(c, `/conditions/${escapePointerToken(name)}`, problems);
  const fees = own(procedure, 'fees');
  if (isObject(fees))
    for (const list of ['items', 'reductions'])
      arr(own(fees, list)).forEach((f, i) => {
        if (isObject(f)) checkConditions(own(f, 'when'), `/fees/${list}/${i}/when`, problems);
      });
  for (const c of copyConditions(procedure)) checkConditions(c.when, c.at, problems);
}
