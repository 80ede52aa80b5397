/**
 * Where `<dvc-form>` gets its procedure and prefill: the definition a compiled module embeds, or
 * the file (URL or data) checked by the loader, and a prefill URL. The element turns a failure
 * into its error page and `dvc-error` event. `FormLoading` loads a procedure into the form: its
 * model and a new session, the prefill, and a journey reset to the first page.
 */
import type { AuthorProblem } from '../../src/problem.js';
import type { Procedure } from '../../src/procedure/index.js';
import type { createValidator } from '../../src/validation/index.js';
import type { ProcedureModel } from '../../src/session/index.js';
import { loadEngine } from './engine-link.js';
import { loadUploadElement } from './documents.js';
import { loadWidgetElements, needsLazyWidget } from './lazy-widgets.js';
import { DvcErrorEvent, FORM_ERROR_CODE, type FormErrorCode } from './events.js';
import type { DvcForm } from './form.js';
import { compiledFor, provided } from './provide.js';
import { getPath, REVIEW, setPath } from './journey.js';

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
  // The module's object itself, frozen: it is shared by every form on the page, and a copy per
  // form held every label, hint, option and schema twice (≈ 0.3 MB at 1,000 questions, issue 22
  // point 3). Frozen, a write to it throws at once instead of leaking into another form.
  return { procedure: deepFreeze(d), text: '', sha256: c.procedureSha256 };
}

/** Freezes a plain JSON value and everything in it; a frozen value is taken as already done. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
  return value;
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
  let text = '';
  let file: string | undefined;
  let res: Response | undefined;
  if (procedureData !== undefined) {
    // Objects go through the loader too: the same checks (forbidden keys, unsafe patterns,
    // references) protect the page whatever the source.
    text = typeof procedureData === 'string' ? procedureData : JSON.stringify(procedureData);
  } else {
    file = url;
    try {
      res = await fetch(url, { headers: { accept: 'application/json' } });
      text = await res.text();
    } catch {
      // No response: fetchFailure below says why (the browser's own line is in the console).
    }
  }
  // The loader carries the whole precompiled meta-schema validator: a lazy chunk, so pages
  // that only use other elements (status lookup, a lone field) never download it.
  // A chunk that cannot load (the network, or a second copy of the bundle its import reaches:
  // loaded-once.ts) is the form's error page, never a form left loading.
  let loadProcedure: Awaited<typeof loader>['loadProcedure'];
  let fetchFailure: Awaited<typeof loader>['fetchFailure'];
  try {
    ({ loadProcedure, fetchFailure } = await loader);
  } catch (cause) {
    return {
      ok: false,
      code: FORM_ERROR_CODE.engine,
      message: 'Cannot load the form engine',
      cause,
    };
  }
  if (stale()) return undefined;
  // Why the file cannot be used (CORS, 404, an HTML page), as the form's procedure-fetch
  // failure, worded in the loader's chunk.
  const failed = file && fetchFailure(file, document, res, text, provided);
  if (failed) return failed;
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

export class FormLoading {
  constructor(private readonly form: DvcForm) {}

  /** */
  async load(): Promise<void> {
    const embedded = this.embeddedDefinition();
    if (!embedded && !this.form.procedure && this.form.procedureData === undefined) return;
    const token = ++this.form.loadToken;
    this.form.status = 'loading';
    const stale = () => token !== this.form.loadToken;
    // The drafts chunk downloads while the procedure does, not after it, when a draft may be
    // waiting; on a device without one it loads once the first page is usable (drafts.ts).
    const draftsFirst = this.form.draftLink.neededBeforeReady();
    const drafts = draftsFirst.then((first) => (first ? this.form.draftLink.load() : undefined));
    // The engine chunk (engine.ts) downloads while the procedure does (a page preloads it with
    // the bundle); a failed load is the form's error page, and Try again fetches it again.
    const engine = loadEngine();
    engine.catch(() => undefined);
    const source = embedded ?? (await this.loadDefinition(stale));
    if (!source || stale()) return;
    const procedure = source.procedure;
    let ProcedureModelClass: typeof ProcedureModel;
    try {
      ({ ProcedureModel: ProcedureModelClass } = await engine);
    } catch (cause) {
      if (!stale()) this.fail(FORM_ERROR_CODE.engine, 'Cannot load the form engine', cause);
      return;
    }
    if (stale()) return;
    let model: ProcedureModel;
    try {
      model = await ProcedureModelClass.create(
        procedure,
        this.form.compiled ? { compiled: this.form.compiled } : undefined,
      );
    } catch (cause) {
      if (!stale()) this.fail(FORM_ERROR_CODE.validator, 'Cannot build the validator', cause);
      return;
    }
    let prefill: Record<string, unknown> = {};
    if (this.form.prefillSrc) {
      try {
        prefill = await fetchPrefill(this.form.prefillSrc);
      } catch (cause) {
        // A missing prefill only costs typing: report it and go on with an empty form.
        if (stale()) return;
        console.error(`dvc-form: cannot prefill from ${this.form.prefillSrc}`, cause);
        this.form.dispatchEvent(
          new DvcErrorEvent({
            code: FORM_ERROR_CODE.prefill,
            message: `Cannot prefill from ${this.form.prefillSrc}`,
            cause,
          }),
        );
      }
    }
    // The drafts controller is in place before the form is ready: a resume offer must be there
    // before the person starts typing, not appear under their finger.
    await drafts;
    if (stale()) return;
    const allFields = model.steps.flatMap((step) => step.fields);
    this.form.validator = model.validator;
    this.form.session = model.createSession({
      ...(this.form.today ? { today: this.form.today } : {}),
      lang: this.form.uiLang,
    });
    this.form.steps = [...model.steps];
    this.form.loaded = procedure;
    // What the payload's procedure hash is taken from: the file's text, or the hash the
    // compiled module carries (its definition is the parsed file, not its bytes).
    this.form.procedureText = source.text;
    this.form.procedureSha256 = source.sha256;
    this.form.submission.delivery?.reset();
    this.form.formDocuments.slots.reset(
      procedure,
      this.form.fieldsIn(this.form.steps).map((x) => x.field),
    );
    this.form.prefilled = {};
    this.form.navigation.reached = new Set();
    this.form.navigation.returnToReview = false;
    this.form.shown = new Map();
    this.form.fieldEvents.edited.clear();
    this.form.summaryPaths = [];
    this.form.declarationAccepted = false;
    this.form.helperConfirmed = false;
    this.form.submitFailed = false;
    this.applyPrefill({ ...prefill, ...(this.form.prefill ?? {}) });
    try {
      this.form.decide(await this.form.session.check(), true);
    } catch (cause) {
      if (!stale()) this.fail(FORM_ERROR_CODE.procedureInvalid, 'The rules cannot run', cause);
      return;
    }
    if (stale()) return;
    // The address field and the repeat group (lazy-widgets.ts): before ready when the first page
    // shows one or a draft may take the person to any page, otherwise right after it.
    const firstPage = this.form.pages[0];
    if (needsLazyWidget(firstPage?.fields ?? []) || (await draftsFirst)) {
      try {
        await loadWidgetElements(allFields);
      } catch (cause) {
        if (!stale()) this.fail(FORM_ERROR_CODE.elements, 'Cannot load a field element', cause);
        return;
      }
      if (stale()) return;
    }
    const first = firstPage?.id ?? REVIEW;
    this.form.pageId = first;
    this.form.navigation.reached.add(first);
    this.form.draftLink.readyAnswers = this.form.deliveryChoice.draftAnswers(this.form.answers);
    this.form.status = 'ready';
    this.form.navigation.writeHistory(first, 'replace');
    // The upload element (tus, file checks) downloads once the first page is usable, so it does
    // not share a slow link with what that page needs; documents are rarely on the first page,
    // and a slot made before it arrives shows its file as still being prepared, never missing.
    // The same for the review pages (review-link.ts), Submit and the payload (submission-link.ts)
    // and, on a first visit, the drafts. The load (and so `settled()`) still ends with all of
    // them in place. Their imports start a task later, once the first page has rendered: started
    // here they ran before it, ≈ 10 ms at 4x CPU on the page's way to usable (issue 22 round 7).
    // A message, not a timer: a hidden tab delays timers by up to a second, and a host's tests
    // with fake timers would hold `settled()` until they tick.
    await new Promise((resolve) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = resolve;
      port2.postMessage(0);
    });
    await Promise.all([
      this.form.draftLink.load(),
      this.form.reviewPages.load(),
      this.form.submission.preload(),
      procedure.documents.length > 0 ? loadUploadElement() : undefined,
      loadWidgetElements(allFields).catch((cause: unknown) => {
        console.error('dvc-form: a field element cannot be loaded', cause);
      }),
    ]);
  }

  embeddedDefinition(): EmbeddedDefinition | undefined {
    // A form added after its artefact ran takes the module the artefact provided (provide.ts).
    this.form.compiled ??= compiledFor(this.form);
    return embeddedDefinition(this.form.compiled, this.form.procedureData);
  }

  /** Fetches (or takes) the procedure text and checks it with the loader; undefined on failure. */
  async loadDefinition(
    stale: () => boolean,
  ): Promise<{ procedure: Procedure; text: string; sha256?: undefined } | undefined> {
    const result = await loadDefinition(this.form.procedure, this.form.procedureData, stale);
    if (!result || stale()) return undefined;
    if (!result.ok) {
      this.fail(result.code, result.message, result.cause, result.problems);
      return undefined;
    }
    return { procedure: result.procedure, text: result.text };
  }

  fail(code: FormErrorCode, message: string, cause?: unknown, problems?: AuthorProblem[]): void {
    this.form.status = 'error';
    // The details are for the developer; the person sees the plain message in the page.
    console.error(
      `dvc-form: ${message}`,
      ...(problems ? [problems] : []),
      ...(cause ? [cause] : []),
    );
    this.form.dispatchEvent(
      new DvcErrorEvent({
        code,
        message,
        ...(problems ? { problems } : {}),
        ...(cause ? { cause } : {}),
      }),
    );
  }

  applyPrefill(prefill: Record<string, unknown>): void {
    const session = this.form.session;
    if (!session) return;
    for (const { field } of this.form.fieldsIn(this.form.steps)) {
      const value = getPath(prefill, field.field);
      if (value === undefined) continue;
      session.set(field.field, value);
      // As the session keeps it (an emptied member of an item left out), or the "prefilled"
      // mark, which compares it with the answer, would never match.
      this.form.prefilled = setPath(this.form.prefilled, field.field, session.get(field.field));
    }
  }
}
