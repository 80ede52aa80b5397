/**
 * The ajv compiler side of validation. `createValidator` imports this module lazily (only when it
 * is given a procedure without a precompiled module), so the bundle's main chunk never contains
 * the ajv compiler; `dvc-forms compile` uses it to write standalone validator modules.
 *
 * Runtime compilation builds functions from source text (`new Function`), which a strict CSP
 * blocks with an EvalError: callers turn that into `CspCompileError`.
 */
import { Ajv2020, _, type Options } from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { checkLinearPattern, linearRegExp } from '../safety/linear-regexp.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { CompileError } from '../errors.js';
import type { FieldUi, JsonSchema, Procedure } from '../procedure/types.js';
import { checkSchema } from './guards.js';
import { schemaHash } from './hash.js';
import { BUNDLE_URL, PLAIN_FILE_NAME } from './artefact-names.js';
import { COMMUNE_CODES_CHUNK, needsCommuneCodes } from './formats.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  COMPILED_FORMAT,
  RUNTIME_HELPER_IDS,
  compiledRuntime,
  type ValidateFunction,
} from './runtime.js';

type StandaloneCode = (typeof import('ajv/dist/standalone/index.js'))['default'];
// CommonJS interop differs between Node (module.exports) and bundlers (exports.default); ajv sets both.
const standaloneCode = ((standaloneModule as unknown as { default?: StandaloneCode }).default ??
  standaloneModule) as StandaloneCode;

/** Our schema annotations (no validation code): see docs/validation.md. */
export const ANNOTATION_KEYWORDS = ['x-dvc-birthDate'] as const;

/**
 * The ajv instance every validator is compiled with. `ownProperties` closes the `required` bypass
 * through inherited members (`toString`, `constructor`, `__proto__`; ajv issue #2664).
 * `messages: false`: our catalog writes the messages, and the standalone code gets smaller.
 */
export function createAjv(
  options: {
    /** `all` (default): ajv-formats' formats and ours; `standard`: ajv-formats' only (conformance). */
    formats?: 'all' | 'standard';
    /** Keep the generated source for `standaloneCode`, formats referenced as `runtime.formats`. */
    standalone?: boolean;
    /** ajv strict mode (default true); off only for the JSON Schema Test Suite. */
    strict?: boolean;
  } = {},
) {
  const opts: Options = {
    strict: options.strict ?? true,
    // `then: { required: [...] }` naming properties defined on the parent is the standard way to
    // make an answer conditionally required; strictRequired would reject it.
    strictRequired: false,
    allErrors: true,
    ownProperties: true,
    messages: false,
    allowUnionTypes: true,
    logger: false,
  };
  // Author patterns run on re2js (linear time), never on the backtracking RegExp; the JSON
  // Schema Test Suite (`standard`) keeps ECMAScript's engine, lookarounds included.
  const regExp = options.formats === 'standard' ? {} : { regExp: linearRegExp };
  opts.code = options.standalone
    ? { source: true, formats: _`runtime.formats`, ...regExp }
    : { ...regExp };
  const ajv = new Ajv2020(opts);
  const formats = options.formats === 'standard' ? fullFormats : compiledRuntime.formats;
  for (const [name, format] of Object.entries(formats))
    ajv.addFormat(name, format as Parameters<typeof ajv.addFormat>[1]);
  if (options.formats !== 'standard')
    for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'string' });
  return ajv;
}

function compileWith(ajv: ReturnType<typeof createAjv>, schema: JsonSchema) {
  // Patterns re2js cannot read are refused here with their pointer, not from inside ajv.
  checkSchema(schema, '/data', checkLinearPattern);
  try {
    return ajv.compile(schema);
  } catch (err) {
    // Let the caller see the CSP block as such (EvalError), everything else is the author's.
    if (err instanceof EvalError) throw err;
    throw new CompileError(
      `The procedure's data schema cannot be compiled: ${(err as Error).message}`,
      { cause: err },
    );
  }
}

/** Compiles `schema` in this realm (needs `new Function`: throws EvalError under strict CSP). */
export function compileSchema(schema: JsonSchema): ValidateFunction {
  return compileWith(createAjv(), schema) as ValidateFunction;
}

/**
 * ESM source of a standalone validator for the procedure's `data` schema: no imports, no runtime
 * compiler, no eval. It exports `format`, `procedure`, `hash`, `schema`, `definition` (the whole
 * procedure as the loader accepted it, so `<dvc-form>` needs neither the procedure file nor the
 * loader chunk), `procedureSha256` when `options.procedureSha256` is given (the SHA-256 of the
 * file's bytes, which the signed payload carries) and `bind(runtime)`; see
 * `CompiledProcedureModule`. The file name `dvc-forms compile` gives it is `fileName`.
 */
export async function compileProcedureModule(
  procedure: Procedure,
  options: { procedureSha256?: string; form?: FormArtefactOptions } = {},
): Promise<CompiledModuleFile> {
  if (options.procedureSha256 !== undefined && !/^[0-9a-f]{64}$/.test(options.procedureSha256))
    throw new CompileError('procedureSha256 must be 64 lower-case hex digits');
  const ajv = createAjv({ standalone: true });
  const validate = compileWith(ajv, procedure.data);
  const code = standaloneCode(ajv, validate);
  for (const m of code.matchAll(/require\("([^"]+)"\)/g)) {
    if (!RUNTIME_HELPER_IDS.includes(m[1]))
      throw new CompileError(
        `The compiled validator needs "${m[1]}", which dvc-forms does not provide`,
      );
  }
  const hash = await schemaHash(procedure.data);
  const safeName = (s: string) => s.replace(/[^0-9A-Za-z.-]/g, '_');
  const fileName = `${safeName(procedure.code)}-${safeName(procedure.version)}-${hash.slice(0, 8)}.js`;
  const source = [
    `// Generated by \`dvc-forms compile\` from procedure ${JSON.stringify(procedure.code)} version ${JSON.stringify(procedure.version)}. Do not edit.`,
    `// Standalone ajv validator: it builds no code at run time, so it runs under script-src 'self'.`,
    '/* eslint-disable */',
    `export const format = ${JSON.stringify(COMPILED_FORMAT)};`,
    `export const procedure = ${JSON.stringify({ code: procedure.code, version: procedure.version })};`,
    `export const hash = ${JSON.stringify(hash)};`,
    `export const definition = ${JSON.stringify(procedure)};`,
    // The schema is the definition's: written once, the module stays small on slow networks.
    'export const schema = definition.data;',
    ...(options.procedureSha256
      ? [`export const procedureSha256 = ${JSON.stringify(options.procedureSha256)};`]
      : []),
    'export function bind(runtime) {',
    '  const module = { exports: {} };',
    '  const require = runtime.require;',
    '  ' + code,
    '  return module.exports;',
    '}',
    '',
  ].join('\n');
  const chunks = [
    ENGINE_CHUNK,
    ...(needsCommuneCodes(procedure.data) ? [COMMUNE_CODES_CHUNK] : []),
    ...firstStepElementChunks(procedure),
  ];
  if (options.form)
    return { ...formArtefact(source, hash, safeName(procedure.code), options.form), chunks };
  return { source, hash, fileName, chunks };
}

/**
 * The source module of the form's engine chunk (session, validation runtime, rules; a key of
 * dist/chunks.json): every form loads it before it is ready, so every artefact lists it first.
 */
export const ENGINE_CHUNK = 'components/form/engine.ts';

/**
 * The bundle's lazy field elements (components/form/lazy-widgets.ts) by widget: the form loads
 * them before it is ready when its first page shows one, so the page preloads them then.
 */
const LAZY_WIDGET_CHUNKS: Readonly<Record<string, string>> = {
  address: 'components/address-field/address-field.ts',
  group: 'components/repeat-group/repeat-group.ts',
};

function firstStepElementChunks(procedure: Procedure): string[] {
  const used = new Set<string>();
  const walk = (fields: readonly FieldUi[]) => {
    for (const f of fields) {
      used.add(f.widget);
      if (f.fields) walk(f.fields);
    }
  };
  // The first step as the journey orders it (eligibility steps first); a hint only, so the
  // fields the journey moves into a made-up eligibility step are not looked at.
  const steps = procedure.ui?.steps ?? [];
  walk((steps.find((st) => st.kind === 'eligibility') ?? steps[0])?.fields ?? []);
  return Object.entries(LAZY_WIDGET_CHUNKS)
    .filter(([widget]) => used.has(widget))
    .map(([, chunk]) => chunk);
}

/** A compiled module (or form artefact) as `dvc-forms compile` writes it. */
export interface CompiledModuleFile {
  source: string;
  hash: string;
  fileName: string;
  /**
   * The bundle's lazy chunks the form loads before it is ready with this module, by source module
   * (keys of dist/chunks.json, e.g. the commune codes for a schema with the 2025 address formats):
   * a page preloads them with `<link rel="modulepreload">` so they download with the bundle.
   */
  chunks: string[];
}

/** What makes a compiled module the page's one script (`dvc-forms compile --form`). */
export interface FormArtefactOptions {
  /** URL of the one-file bundle as the page loads it, or relative to the artefact. */
  bundle: string;
  /**
   * The procedure file's name (`dang-ky-khai-sinh.json`): the artefact is given to the forms whose
   * `procedure` attribute names that file, or that have none.
   */
  file?: string;
}

/**
 * The compiled module as the one script a form page loads: it imports the bundle (which defines
 * the elements) and hands itself to the page's forms (`provideCompiled`), so the form neither
 * fetches the procedure file nor downloads the loader chunk or the runtime ajv compiler. Named by
 * the hash of its own text (`<code>.form-<hash8>.min.js`): a server may cache it for a year.
 */
function formArtefact(
  module: string,
  hash: string,
  code: string,
  form: FormArtefactOptions,
): { source: string; hash: string; fileName: string } {
  if (!BUNDLE_URL.test(form.bundle))
    throw new CompileError(`The bundle URL must start with /, ./, ../ or https://: ${form.bundle}`);
  if (form.file !== undefined && !PLAIN_FILE_NAME.test(form.file))
    throw new CompileError(`The procedure file name must be a plain file name: ${form.file}`);
  const source = [
    module,
    `import { provideCompiled } from ${JSON.stringify(form.bundle)};`,
    'provideCompiled(',
    '  { format, procedure, hash, definition, schema, bind' +
      (/\bexport const procedureSha256\b/.test(module) ? ', procedureSha256 },' : ' },'),
    `  ${JSON.stringify(form.file ?? '')},`,
    ');',
    '',
  ].join('\n');
  const own = bytesToHex(sha256(utf8ToBytes(source)));
  return { source, hash, fileName: `${code}.form-${own.slice(0, 8)}.min.js` };
}
