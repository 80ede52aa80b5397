/**
 * What a precompiled validator module needs at run time, without the ajv compiler: the format
 * functions and ajv's two small runtime helpers. `dvc-forms compile` emits a module whose
 * `bind(runtime)` receives this object, so the module itself imports nothing and runs from any
 * URL (a CDN, a temp dir, an agency's static folder) under `script-src 'self'`.
 */
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { VN_FORMATS_AJV } from './formats.js';
import { FOREIGN_FORMATS_AJV } from './foreign-formats.js';
import type { JsonSchema, Procedure } from '../procedure/types.js';
import type { LinearRegExp } from '../safety/linear-regexp.js';

/** Version tag of the compiled module layout; bumped when `bind` or the runtime changes. */
export const COMPILED_FORMAT = 'dvc-forms-validator/1';

/** An ajv validate function as the standalone code defines it. */
export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvErrorObject[] | null;
}

/** The members of an ajv error object we read (`messages: false`: no English text). */
export interface AjvErrorObject {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  /** Set on the errors of a `propertyNames` sub-schema: the property name that failed. */
  propertyName?: string;
}

export interface CompiledRuntime {
  /** Every format a schema may use, by name: ajv-formats' full set plus the `vn-*` formats. */
  formats: Record<string, unknown>;
  /** Resolves the `require("ajv/dist/runtime/…")` calls that ajv's standalone code contains. */
  require(id: string): unknown;
}

/**
 * A module written by `dvc-forms compile` (or returned by `compileProcedureModule` and loaded),
 * e.g. `import * as compiled from './1.001193-1.0.0-ab12cd34.js'`.
 */
export interface CompiledProcedureModule {
  format: string;
  /** The procedure it was compiled from. */
  procedure: { code: string; version: string };
  /** SHA-256 (hex) of the canonical JSON of the procedure's `data` schema. */
  hash: string;
  /** The `data` schema the module was compiled from (what `hash` covers). */
  schema: JsonSchema;
  /**
   * The whole procedure as the loader accepted it at compile time (absent from modules written
   * before it was added). `<dvc-form>` uses it instead of fetching and loading the file.
   */
  definition?: Procedure;
  /** SHA-256 (hex) of the procedure file's bytes, signed in the payload (`dvc-forms compile`). */
  procedureSha256?: string;
  bind(runtime: CompiledRuntime): ValidateFunction;
}

/** Length in Unicode code points, as JSON Schema `minLength`/`maxLength` count (ajv ucs2length). */
export function ucs2length(str: string): number {
  let length = 0;
  let pos = 0;
  while (pos < str.length) {
    length++;
    const c = str.charCodeAt(pos++);
    if (c >= 0xd800 && c <= 0xdbff && pos < str.length) {
      const next = str.charCodeAt(pos);
      if ((next & 0xfc00) === 0xdc00) pos++;
    }
  }
  return length;
}

/** Deep equality of JSON values, as `enum`, `const` and `uniqueItems` need (ajv runtime/equal). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (Array.isArray(a)) {
      const bb = b as unknown[];
      if (a.length !== bb.length) return false;
      for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bb[i])) return false;
      return true;
    }
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) {
      if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
      if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
        return false;
    }
    return true;
  }
  // NaN never occurs in JSON; everything else that is not === is different.
  return false;
}

const HELPERS: Record<string, unknown> = {
  'ajv/dist/runtime/ucs2length': { default: ucs2length },
  'ajv/dist/runtime/equal': { default: jsonEqual },
};

/** The linear-time pattern engine's helper id (src/safety/linear-regexp.ts). */
export const PATTERN_ENGINE_ID = 'dvc-forms/linear-regexp';

/**
 * Loads re2js (a lazy chunk in the browser, ~46 KB gzip) and registers it for compiled modules;
 * needed before `bind` only when the schema has a `pattern`.
 */
export async function loadPatternEngine(): Promise<void> {
  if (HELPERS[PATTERN_ENGINE_ID]) return;
  const { linearRegExp } = await import('../safety/linear-regexp.js');
  HELPERS[PATTERN_ENGINE_ID] = { linearRegExp };
}

/**
 * The engine `loadPatternEngine` registered: normalisation tests author patterns with it too
 * (`foldPatternDigits`), never with the backtracking RegExp. `createValidator` loads it for every
 * schema with a `pattern`, so a validator's normalisation always finds it.
 */
export function patternEngine(): (pattern: string, flags?: string) => LinearRegExp {
  const helper = HELPERS[PATTERN_ENGINE_ID] as
    { linearRegExp: (pattern: string, flags?: string) => LinearRegExp } | undefined;
  if (!helper) throw new Error('dvc-forms: a pattern is read before loadPatternEngine() ran');
  return helper.linearRegExp;
}

/** The runtime handed to every compiled module's `bind`. */
export const compiledRuntime: CompiledRuntime = {
  formats: { ...fullFormats, ...VN_FORMATS_AJV, ...FOREIGN_FORMATS_AJV },
  require(id: string): unknown {
    const helper = HELPERS[id];
    if (!helper) throw new Error(`dvc-forms: compiled validator needs unknown helper ${id}`);
    return helper;
  },
};

/** The module ids `compiledRuntime.require` resolves (checked when compiling). */
export const RUNTIME_HELPER_IDS = [...Object.keys(HELPERS), PATTERN_ENGINE_ID];
