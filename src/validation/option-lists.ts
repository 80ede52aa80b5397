/**
 * Format 1.1 shared option lists: a question's `optionList` names a list defined once in the
 * procedure's `optionLists` or one dvc-forms ships (countries, ethnic groups, religions). The
 * validator resolves the names into each question's `options` once (loading only the shipped
 * lists the procedure names) and refuses an answer outside its list with the problem `enum` —
 * in the form, `check` and verify alike, since all three validate through the same validator.
 */
import { isShippedOptionList, loadShippedOptionList } from '../data/option-lists/index.js';
import type { Problem } from '../problem.js';
import type { FieldOption, FieldUi, Procedure } from '../procedure/types.js';
import { fieldPathParts, locateFieldPath, valueAt } from './fields.js';
import type { ProblemBuilder } from './problems.js';

function eachField(
  fields: readonly FieldUi[] | undefined,
  prefix: string,
  visit: (f: FieldUi, path: string) => void,
): void {
  for (const f of fields ?? []) {
    visit(f, prefix + f.field);
    if (f.widget === 'group') eachField(f.fields, `${prefix}${f.field}[].`, visit);
  }
}

function usesOptionLists(procedure: Procedure): boolean {
  let found = false;
  for (const step of procedure.ui?.steps ?? [])
    eachField(step.fields, '', (f) => {
      if (typeof f.optionList === 'string') found = true;
    });
  return found;
}

/**
 * `procedure` with every `optionList` question given the list's `options` (a copy of `ui`; the
 * rest is shared). The same object when no question names a list. A name that is neither the
 * procedure's own list nor a shipped one is left unresolved (lint reports it,
 * `unknown-option-list`).
 */
export async function withOptionLists(procedure: Procedure): Promise<Procedure> {
  if (!usesOptionLists(procedure)) return procedure;
  const own = procedure.optionLists ?? {};
  const names = new Set<string>();
  for (const step of procedure.ui.steps)
    eachField(step.fields, '', (f) => {
      if (typeof f.optionList === 'string') names.add(f.optionList);
    });
  const lists = new Map<string, FieldOption[]>();
  for (const name of names) {
    if (Object.prototype.hasOwnProperty.call(own, name)) lists.set(name, own[name]!.options);
    else if (isShippedOptionList(name))
      lists.set(name, (await loadShippedOptionList(name)).options);
  }
  const resolve = (fields: FieldUi[]): FieldUi[] =>
    fields.map((f) => {
      const list = typeof f.optionList === 'string' ? lists.get(f.optionList) : undefined;
      const out: FieldUi = list ? { ...f, options: list } : f;
      return f.widget === 'group' && f.fields ? { ...out, fields: resolve(f.fields) } : out;
    });
  return {
    ...procedure,
    ui: {
      ...procedure.ui,
      steps: procedure.ui.steps.map((s) => ({ ...s, fields: resolve(s.fields) })),
    },
  };
}

/** The questions answered from a list: field path → the list's id and values. */
export interface ListedField {
  path: string;
  list: string;
  values: ReadonlySet<unknown>;
}

export function listedFields(procedure: Procedure): ListedField[] {
  const out: ListedField[] = [];
  for (const step of procedure.ui?.steps ?? [])
    eachField(step.fields, '', (f, path) => {
      if (typeof f.optionList === 'string' && Array.isArray(f.options))
        out.push({ path, list: f.optionList, values: new Set(f.options.map((o) => o.value)) });
    });
  return out;
}

/**
 * An `enum` problem for every answer (or item of a list answer) not among its list's values.
 * `skip` holds the pointers that already have a problem (a wrong type says it first).
 */
export function optionListProblems(
  listed: readonly ListedField[],
  value: unknown,
  builder: ProblemBuilder,
  skip: ReadonlySet<string>,
): Problem[] {
  const out: Problem[] = [];
  for (const { path, list, values } of listed)
    for (const at of locateFieldPath(value, fieldPathParts(path))) {
      if (!at.present || skip.has(at.pointer)) continue;
      const answer = valueAt(value, at.pointer);
      if (Array.isArray(answer)) {
        answer.forEach((item, i) => {
          if (!values.has(item))
            out.push(builder.make('enum', `${at.pointer}/${i}`, { optionList: list }));
        });
      } else if (!values.has(answer))
        out.push(builder.make('enum', at.pointer, { optionList: list }));
    }
  return out;
}
