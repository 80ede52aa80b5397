/**
 * Validation of the applicant's answers against a procedure's `data` schema: ajv (JSON Schema
 * 2020-12) with ajv-formats and the Vietnamese formats, normalisation first, and problems written
 * for citizens in Vietnamese or English. See docs/validation.md.
 *
 * Under a strict CSP, pass the module `dvc-forms compile` wrote (`{ compiled }`): it validates
 * without building code at run time. Without it the ajv compiler is loaded lazily (its own chunk)
 * and needs `'unsafe-eval'`; blocked, it throws `CspCompileError`.
 */
import { CompileError, CspCompileError } from '../errors.js';
import type { Problem } from '../problem.js';
import type { FieldPath, Lang, Procedure } from '../procedure/types.js';
import {
  fieldIndex,
  fieldPathParts,
  locateFieldPath,
  pointerToFieldPath,
  removeFieldPath,
} from './fields.js';
import { schemaHash } from './hash.js';
import { normalizeAnswers } from './normalize.js';
import { ProblemBuilder, crossFieldProblems } from './problems.js';
import { loadPhoneEngine, needsPhoneEngine } from './foreign-formats.js';
import { loadCommuneCodes2025 } from '../data/admin-codes-2025.js';
import { needsCommuneCodes } from './formats.js';
import type { CompiledModuleFile } from './compiler.js';
import { listedFields, optionListProblems, withOptionLists } from './option-lists.js';
import {
  COMPILED_FORMAT,
  compiledRuntime,
  loadPatternEngine,
  type CompiledProcedureModule,
  type ValidateFunction,
} from './runtime.js';

export { normalizeAnswers } from './normalize.js';
export { withOptionLists } from './option-lists.js';
export { COMMUNE_NOT_IN_PROVINCE, KEYWORD_CODES, PERSONAL_ID_BIRTH_YEAR } from './problems.js';
export {
  MESSAGES as VALIDATION_MESSAGES,
  message as validationMessage,
  bareLabel,
  labelInSentence,
  mentionsLabel,
} from './messages.js';
export {
  COMPILED_FORMAT,
  compiledRuntime,
  type CompiledProcedureModule,
  type CompiledRuntime,
} from './runtime.js';
export {
  normalizeText,
  normalizeMobile,
  normalizeTaxCode,
  normalizeFormat,
  VN_FORMAT_REASONS,
  personalIdBirthYear,
  needsCommuneCodes,
  COMMUNE_CODES_CHUNK,
  type FormatReason,
} from './formats.js';
export {
  loadCommuneCodes2025,
  communeCodesLoaded2025,
  type CommuneTables,
} from '../data/admin-codes-2025.js';
export type { CompiledModuleFile } from './compiler.js';
import { childPointer, isWithinPath } from '../session/field-path.js';
export { schemaHash } from './hash.js';

export interface ValidateOptions {
  /** Language of the messages; Vietnamese by default. */
  lang?: Lang;
  /** Fields hidden by rules: removed from the answers before validation (not submitted). */
  hidden?: FieldPath[];
  /** Fields a rule makes required: a missing answer is a `required` problem. */
  required?: FieldPath[];
  /**
   * Only the problems of this field (its own value and everything inside it) are wanted, as
   * when one field is left: the others are not built (ajv still reports them), so the cost
   * follows the answers given, not the questions of the procedure. The result's problems are
   * those of the full validation within this field, plus the cross-field ones.
   */
  within?: FieldPath;
  /**
   * `normalizeAnswers(procedure, answers)` when the caller already has it (a session normalised
   * the answers for the rules): handed over, not copied — the validator removes the hidden
   * fields from it in place and returns it as `value`.
   */
  normalised?: Record<string, unknown>;
}

export interface ValidationResult {
  valid: boolean;
  problems: Problem[];
  /** The normalised answers, hidden fields removed: what is shown for review and submitted. */
  value: Record<string, unknown>;
}

export interface Validator {
  readonly procedure: Procedure;
  validate(answers: unknown, options?: ValidateOptions): ValidationResult;
}

export interface CreateValidatorOptions {
  /** The module `dvc-forms compile` wrote for this procedure (needed under strict CSP). */
  compiled?: CompiledProcedureModule;
}

/** The CSP error message names the fix. */
const CSP_MESSAGE =
  "This page's Content-Security-Policy blocks compiling the procedure's validator at run time " +
  "(no 'unsafe-eval'). Precompile it with `dvc-forms compile <procedure.json> --out <dir>` and " +
  'pass the generated module as createValidator(procedure, { compiled }).';

function isCspBlock(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  return (
    err.name === 'EvalError' ||
    /unsafe-eval|Content Security Policy|Trusted Type/i.test(err.message)
  );
}

/**
 * Compiles `procedure.data` into a validator, or binds the precompiled `options.compiled`.
 * Throws `CompileError` (unsafe or invalid schema, compiled module of another schema) or
 * `CspCompileError` (runtime compilation blocked by CSP).
 */
export async function createValidator(
  source: Procedure,
  options: CreateValidatorOptions = {},
): Promise<Validator> {
  // Format 1.1 `optionList` questions get their list's options (shipped lists load here, lazily).
  const procedure = await withOptionLists(source);
  // An international phone number is checked with libphonenumber-js: loaded only when needed.
  if (needsPhoneEngine(procedure.data)) await loadPhoneEngine();
  // The 3,321 commune codes (a lazy chunk in the browser, ≈ 8 KB gzip) only for a schema with the
  // 2025 commune format: its check and the commune-in-province check read them synchronously.
  if (needsCommuneCodes(procedure.data)) await loadCommuneCodes2025();
  let validateFn: ValidateFunction;
  const compiled = options.compiled;
  if (compiled) {
    if (compiled.format !== COMPILED_FORMAT)
      throw new CompileError(
        `The compiled validator has layout "${String(compiled.format)}", this dvc-forms needs "${COMPILED_FORMAT}": compile it again with \`dvc-forms compile\``,
      );
    // The module's own definition (what `<dvc-form>` uses when it carries one) was written by
    // the same `dvc-forms compile` run as its validator, from one procedure: hashing its schema
    // again (its canonical JSON and a SHA-256: ≈ 3 ms at 200 questions on a cold page, 9 at
    // 1,000, four times that on the bench's 4x CPU, all before the form is usable) could only
    // confirm that. Any other procedure object is checked by content (docs/performance.md).
    const own = compiled.definition !== undefined && source === compiled.definition;
    const hash = own ? compiled.hash : await schemaHash(procedure.data);
    if (compiled.hash !== hash)
      throw new CompileError(
        `The compiled validator (procedure ${compiled.procedure?.code} ${compiled.procedure?.version}) was compiled from a different data schema than procedure ${procedure.code} ${procedure.version}: compile it again with \`dvc-forms compile\``,
      );
    // A `pattern` anywhere needs the linear-time engine before the module binds it (and for
    // normalisation, which tests patterns with it: `foldPatternDigits`).
    if (JSON.stringify(procedure.data).includes('"pattern"')) await loadPatternEngine();
    validateFn = compiled.bind(compiledRuntime);
  } else {
    const { compileSchema } = await import('./compiler.js');
    try {
      validateFn = compileSchema(procedure.data);
    } catch (err) {
      if (isCspBlock(err)) throw new CspCompileError(CSP_MESSAGE, { cause: err });
      throw err;
    }
    // Normalisation tests patterns with the engine the compiler used: already loaded with it.
    await loadPatternEngine();
  }
  return makeValidator(procedure, validateFn);
}

function makeValidator(procedure: Procedure, validateFn: ValidateFunction): Validator {
  const fields = fieldIndex(procedure);
  const listed = listedFields(procedure);
  return {
    procedure,
    validate(answers, options = {}) {
      const lang = options.lang ?? 'vi';
      const builder = new ProblemBuilder(fields, lang, procedure.data);
      // Hostile answers (a crafted prefill, a forged payload on the server) may nest without
      // end: refuse them before anything recurses into them, so the result is a problem rather
      // than a stack overflow later in signing or canonicalisation.
      const tooDeep = firstTooDeep(answers, MAX_ANSWER_DEPTH);
      if (tooDeep !== undefined)
        return {
          valid: false,
          problems: [builder.make('too-deep', tooDeep, { limit: MAX_ANSWER_DEPTH })],
          value: {},
        };
      const value = options.normalised ?? normalizeAnswers(procedure, answers);
      const hidden = options.hidden ?? [];
      for (const path of hidden) removeFieldPath(value, fieldPathParts(path));
      const valid = validateFn(value);
      // A hidden field is not asked, so it cannot be missing or wrong (even if the schema requires it).
      const isHidden = (pointer: string) => {
        const path = pointerToFieldPath(pointer);
        return hidden.some(
          (h) => path === h || path.startsWith(h + '.') || path.startsWith(h + '['),
        );
      };
      const within = options.within;
      // A problem is only built (its message worded) when it is kept: errors at hidden fields
      // (ajv reports a required answer the rules hide) and, with `within`, outside that field are
      // dropped by their pointer, which is the problem's path (ajvErrorPointer).
      const keep = (pointer: string) =>
        !isHidden(pointer) &&
        (within === undefined || isWithinPath(pointerToFieldPath(pointer), within));
      const problems = valid
        ? []
        : builder.fromAjv(validateFn.errors ?? [], value, keep).filter((p) => !isHidden(p.path));
      const seen = new Set(problems.map((p) => `${p.code} ${p.path}`));
      for (const path of options.required ?? []) {
        for (const at of locateFieldPath(value, fieldPathParts(path))) {
          if (at.present || seen.has(`required ${at.pointer}`)) continue;
          seen.add(`required ${at.pointer}`);
          problems.push(builder.make('required', at.pointer, {}));
        }
      }
      if (listed.length > 0)
        problems.push(
          ...optionListProblems(listed, value, builder, new Set(problems.map((p) => p.path))),
        );
      problems.push(...crossFieldProblems(procedure, value, builder));
      return { valid: problems.length === 0, problems, value };
    },
  };
}

/**
 * Deepest nesting of answers accepted (the answers object itself is level 1). Real procedures nest
 * fewer than 8 levels (a repeat group of addresses is 4); a signed payload puts the answers one
 * level below its root and canonicalize() refuses more than 64 levels.
 */
export const MAX_ANSWER_DEPTH = 32;

/** An object or array met by `firstTooDeep`: its member name or index under its parent. */
interface Nest {
  v: object;
  key: string | number;
  parent: Nest | undefined;
  depth: number;
}

/**
 * The JSON pointer of the first object or array nested deeper than `limit`, or undefined. Walks
 * with an explicit stack so hostile depth cannot overflow the call stack here either; stops at the
 * first hit. Only containers are stacked, and a pointer is written only for the hit (every
 * payload a server verifies passes through here; writing one per member was 2 % of its CPU).
 */
function firstTooDeep(root: unknown, limit: number): string | undefined {
  const stack: Nest[] = [];
  const push = (v: unknown, key: string | number, parent: Nest | undefined, depth: number) => {
    if (v !== null && typeof v === 'object') stack.push({ v, key, parent, depth });
  };
  push(root, '', undefined, 1);
  while (stack.length > 0) {
    const nest = stack.pop()!;
    const { v, depth } = nest;
    if (depth > limit) return pointerOf(nest);
    if (Array.isArray(v)) v.forEach((c, i) => push(c, i, nest, depth + 1));
    else
      for (const key of Object.keys(v))
        push((v as Record<string, unknown>)[key], key, nest, depth + 1);
  }
  return undefined;
}

function pointerOf(nest: Nest): string {
  const keys: (string | number)[] = [];
  for (let n: Nest | undefined = nest; n?.parent; n = n.parent) keys.push(n.key);
  return keys.reduceRight<string>((pointer, key) => childPointer(pointer, key), '');
}

/**
 * ESM source of a standalone validator module for `procedure` and its file name
 * (`<code>-<version>-<hash8>.js`). Loads the ajv compiler: for build tools and the CLI, not pages.
 */
export async function compileProcedureModule(
  procedure: Procedure,
  options?: { procedureSha256?: string; form?: { bundle: string; file?: string } },
): Promise<CompiledModuleFile> {
  return (await import('./compiler.js')).compileProcedureModule(procedure, options);
}
