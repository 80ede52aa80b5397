/**
 * Where `<dvc-form>` gets its procedure and prefill: the definition a compiled module embeds, or
 * the file (URL or data) checked by the loader, and a prefill URL. The element turns a failure
 * into its error page and `dvc-error` event.
 */
import type { AuthorProblem } from '../../src/problem.js';
import type { Procedure } from '../../src/procedure/index.js';
import type { createValidator } from '../../src/validation/index.js';
import { FORM_ERROR_CODE, type FormErrorCode } from './events.js';

type CompiledModule = NonNullable<NonNullable<Parameters<typeof createValidator>[1]>['compiled']>;

export interface EmbeddedDefinition {
  procedure: Procedure;
  text: string;
  sha256: string;
}

/**
 * The procedure the compiled module carries (`dvc-forms compile` checked it with the loader),
 * when it can stand in for the file: it has the file's hash for the payload, it names the same
 * procedure as the module, and `procedureData`, if set, is that same code and version. The
 * `procedure` URL is then not fetched (cheap phones: no procedure download, no loader chunk).
 */
export function embeddedDefinition(
  compiled: CompiledModule | undefined,
  procedureData: Procedure | string | undefined,
): EmbeddedDefinition | undefined {
  const c = compiled;
  const d = c?.definition;
  if (!c || !d || !c.procedureSha256 || !/^[0-9a-f]{64}$/.test(c.procedureSha256)) return;
  if (d.code !== c.procedure?.code || d.version !== c.procedure?.version) return;
  if (procedureData !== undefined) {
    let given: unknown = procedureData;
    if (typeof given === 'string') {
      try {
        given = JSON.parse(given);
      } catch {
        return;
      }
    }
    const g = given as Partial<Procedure> | null;
    if (!g || g.code !== d.code || g.version !== d.version) return;
  }
  // A copy: the module's object is shared by every form on the page, as a loaded file is not.
  return { procedure: structuredClone(d), text: '', sha256: c.procedureSha256 };
}

export type LoadedDefinition =
  | { ok: true; procedure: Procedure; text: string }
  | {
      ok: false;
      code: FormErrorCode;
      message: string;
      cause?: unknown;
      problems?: AuthorProblem[];
    };

/**
 * Fetches (or takes) the procedure text and checks it with the loader. Undefined when `stale()`
 * says a newer load started meanwhile.
 */
export async function loadDefinition(
  url: string,
  procedureData: Procedure | string | undefined,
  stale: () => boolean,
): Promise<LoadedDefinition | undefined> {
  // The loader chunk downloads while the procedure does, not after it.
  const loader = import('../../src/procedure/index.js');
  loader.catch(() => undefined);
  let text: string;
  let file: string | undefined;
  if (procedureData !== undefined) {
    // Objects go through the loader too: the same checks (forbidden keys, unsafe patterns,
    // references) protect the page whatever the source.
    text = typeof procedureData === 'string' ? procedureData : JSON.stringify(procedureData);
  } else {
    file = url;
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
      text = await res.text();
    } catch (cause) {
      if (stale()) return undefined;
      return {
        ok: false,
        code: FORM_ERROR_CODE.procedureFetch,
        message: `Cannot fetch ${url}`,
        cause,
      };
    }
  }
  if (stale()) return undefined;
  // The loader carries the whole precompiled meta-schema validator: a lazy chunk, so pages
  // that only use other elements (status lookup, a lone field) never download it.
  const { loadProcedure } = await loader;
  if (stale()) return undefined;
  const result = loadProcedure(text, file ? { file } : undefined);
  if (!result.ok)
    return {
      ok: false,
      code: FORM_ERROR_CODE.procedureInvalid,
      message: `The procedure${file ? ` ${file}` : ''} is invalid`,
      problems: result.problems,
    };
  return { ok: true, procedure: result.procedure, text };
}

/** The answers a prefill URL gives; throws when it cannot be fetched or is not a JSON object. */
export async function fetchPrefill(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  const data: unknown = await res.json();
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('The prefill is not a JSON object');
  }
  return data as Record<string, unknown>;
}
