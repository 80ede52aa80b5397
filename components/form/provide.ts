/**
 * How a per-procedure form artefact (`dvc-forms compile --form`, README "Embed it") hands its
 * precompiled validator and procedure to the page's forms: the artefact imports the bundle, so by
 * the time it runs `<dvc-form>` is defined and the forms in the HTML are upgraded but have not
 * rendered yet (their first update is a microtask away), so each starts its one load with
 * `compiled` already set: no procedure fetch, no loader chunk, no runtime ajv compiler.
 */
import type { createValidator } from '../../src/validation/index.js';
import type { DvcForm } from './form.js';

type CompiledModule = NonNullable<NonNullable<Parameters<typeof createValidator>[1]>['compiled']>;

/** The last path segment of a URL or path, without query or fragment. */
const fileOf = (url: string) => url.split(/[?#]/)[0]!.split('/').pop() ?? '';

/** Every module an artefact provided, with its file, for the forms that come later. */
export const provided: [file: string, compiled: CompiledModule][] = [];

/** Whether a form whose `procedure` attribute is `src` takes the module provided for `file`. */
const takes = (src: string, file: string) => !file || !src || fileOf(src) === file;

/**
 * Gives `compiled` to every `<dvc-form>` under `root` that has none yet and whose `procedure`
 * attribute names `file` (`…/dang-ky-khai-sinh.json`) or is empty; returns how many took it.
 * Forms added later (an accordion or a tab that inserts the form when opened, a CMS block
 * rendered by script) take it themselves when they start loading (`compiledFor`): without it,
 * they fetched and compiled the procedure at run time, which the README's strict
 * Content-Security-Policy refuses (the form showed its error page).
 */
export function provideCompiled(
  compiled: CompiledModule,
  file = '',
  root: ParentNode = document,
): number {
  provided.push([file, compiled]);
  let given = 0;
  for (const form of root.querySelectorAll<DvcForm>('dvc-form')) {
    if (form.compiled || !takes(form.getAttribute('procedure') ?? '', file)) continue;
    form.compiled = compiled;
    given++;
  }
  return given;
}

/** The module provided for a form that has none: the last one its `procedure` names. */
export function compiledFor(form: DvcForm): CompiledModule | undefined {
  const src = form.getAttribute('procedure') ?? '';
  let last: CompiledModule | undefined;
  // Not findLast: Firefox 98–103 lack it.
  for (const [file, compiled] of provided) if (takes(src, file)) last = compiled;
  return last;
}
