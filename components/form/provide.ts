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

/**
 * Gives `compiled` to every `<dvc-form>` under `root` that has none yet and whose `procedure`
 * attribute names `file` (`…/dang-ky-khai-sinh.json`) or is empty; returns how many took it.
 * Forms added later set `form.compiled` themselves (or call this again).
 */
export function provideCompiled(
  compiled: CompiledModule,
  file = '',
  root: ParentNode = document,
): number {
  let given = 0;
  for (const form of root.querySelectorAll<DvcForm>('dvc-form')) {
    if (form.compiled) continue;
    const src = form.getAttribute('procedure') ?? '';
    if (file && src && fileOf(src) !== file) continue;
    form.compiled = compiled;
    given++;
  }
  return given;
}
