/**
 * Loads the form's engine chunk (engine.ts) once per page; after a failed load (a flaky network)
 * the next call fetches it again. `FormLoading` starts it with the procedure's own load, so the
 * two download together, and the form never becomes ready without it: every check the form
 * shows (rules, validation, documents, fee) answers from it.
 */
import { loadOnce } from '../base/load-once.js';

type Engine = typeof import('./engine.js');
let loaded: Engine | undefined;

export const loadEngine = loadOnce(() => import('./engine.js').then((engine) => (loaded = engine)));

/** The engine chunk once it has loaded (a ready form's), for code that must run synchronously. */
export function loadedEngine(): Engine | undefined {
  return loaded;
}
