/**
 * Problems no question of the journey owns: ajv's `anyOf` whose branches ask for different
 * answers, a `not` or a `minProperties` on an object no question stands for. No field can show
 * them, yet the agency's server refuses the same answers (verify runs the same validator), so
 * the page that last asks about their object refuses to go on, and the review page refuses to
 * submit, with a sentence of the validation catalog in the error summary (never silently, never
 * left to the server). In the engine chunk: the core only asks.
 */
import type { Problem } from '../../src/problem.js';
import type { Lang } from '../../src/procedure/index.js';
import { validationMessage } from '../../src/validation/index.js';
import { belongsTo, pointerToPath, type Page } from './journey.js';
import { isWithinPath } from '../../src/view.js';

/**
 * The problems among `problems` that no question on `pages` owns and that stop `page` (all of
 * them without `page`: the review page), each worded as one general sentence naming its object's
 * label when the `ui` has one. A problem stops the last page asking a question inside its
 * object (or the nearest enclosing object that has questions): the person has then answered
 * every question that could mend it.
 */
export function unownedProblems(
  problems: readonly Problem[],
  pages: readonly Page[],
  lang: Lang,
  page?: Page,
): Problem[] {
  const out: Problem[] = [];
  for (const p of problems) {
    const path = pointerToPath(p.path);
    if (pages.some((pg) => pg.fields.some((f) => belongsTo(path, f.field)))) continue;
    if (page && lastPageAsking(pages, path) !== page) continue;
    out.push({
      ...p,
      message: validationMessage(lang, 'no-question', { ...p.params, action: 'enter' }),
    });
  }
  return out;
}

/**
 * Adds the problems no question owns that stop `page` (all of them without `page`) to a form's
 * problems by field, under the key '' (summary.ts shows them as plain text, not as links).
 */
export function addUnowned(
  form: { pages: readonly Page[]; uiLang: Lang },
  problems: readonly Problem[],
  byField: Map<string, Problem[]>,
  page?: Page,
): void {
  const unowned = unownedProblems(problems, form.pages, form.uiLang, page);
  if (unowned.length > 0) byField.set('', unowned);
}

function lastPageAsking(pages: readonly Page[], path: string): Page | undefined {
  for (let group = path; ; group = group.replace(/(?:\.[^.[]*|\[\d+\])$|^[^.[]*$/, '')) {
    const asking = pages.filter((pg) => pg.fields.some((f) => isWithinPath(f.field, group)));
    if (asking.length > 0 || group === '') return asking.at(-1);
  }
}
