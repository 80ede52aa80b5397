/**
 * `dvc-forms lint` on a cases file (`<name>.cases.json`, run by `dvc-forms test`): its shape is
 * checked against schemas/procedure-cases.schema.json and reported like procedure problems (code,
 * pointer, line, column, vi/en message); it must sit beside its procedure `<name>.json`, since
 * that is where `dvc-forms test` looks for it; case names must be unique (they name the results).
 *
 * Node only (the CLI): the schema is compiled with ajv at run time, which a strict CSP would
 * forbid in a browser but which is fine here.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import casesSchema from '../../../schemas/procedure-cases.schema.json' with { type: 'json' };
import { encodingProblem } from '../../json/encoding.js';
import { parseJson } from '../../json/parse.js';
import { LOAD_LIMITS } from '../../procedure/load.js';
import { localized, localizedAt } from '../../procedure/messages.js';
import { where } from '../../procedure/pointer-places.js';
import { nameOf, relevant, typeNames, valueAt } from '../../procedure/meta-errors.js';
import { AUTHOR_PROBLEM_CODE as C, ProblemList } from '../../procedure/problems.js';
import { closest } from '../../procedure/suggest.js';
import type { AuthorProblem } from '../../problem.js';
import { escapeToken } from '../../session/field-path.js';

/** The `$schema` ending that marks a cases file, whatever its name. */
export const CASES_SCHEMA_NAME = 'procedure-cases.schema.json';
export const CASES_SUFFIX = '.cases.json';

/**
 * Whether `file` is a cases file: named `*.cases.json` (recognised even when broken beyond
 * parsing), or declaring the cases schema as its top-level `$schema`.
 */
export function isCasesFile(file: string, text: string): boolean {
  if (file.endsWith(CASES_SUFFIX)) return true;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false; // not JSON: the procedure loader reports why
  }
  const schema = valueAt(value, '/$schema');
  return typeof schema === 'string' && schema.endsWith(CASES_SCHEMA_NAME);
}

let compiled: ValidateFunction | undefined;
function casesValidator(): ValidateFunction {
  // `verbose` gives each error its parent schema: the allowed member names for suggestions.
  compiled ??= new Ajv2020({ allErrors: true, strict: false, verbose: true }).compile(casesSchema);
  return compiled;
}

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);
const escape = escapeToken;

function translate(errors: ErrorObject[], root: unknown, problems: ProblemList): void {
  for (const e of relevant(errors)) {
    const pointer = e.instancePath;
    const name = nameOf(pointer);
    const value = valueAt(root, pointer);
    const w = where(pointer);
    switch (e.keyword) {
      case 'required':
        problems.add(
          C.schemaRequired,
          pointer,
          localized(
            'required',
            { property: String(e.params.missingProperty) },
            { vi: { where: w.vi }, en: { where: w.en } },
          ),
        );
        break;
      case 'type':
        problems.add(C.schemaType, pointer, localized('type', { name }, typeNames(e.params.type)));
        break;
      case 'enum':
        problems.add(
          C.schemaEnum,
          pointer,
          localized('enum', {
            value: show(value),
            name,
            allowed: (e.params.allowedValues as unknown[]).map(show).join(', '),
          }),
        );
        break;
      case 'additionalProperties': {
        const property = String(e.params.additionalProperty);
        const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
        problems.add(
          C.schemaAdditionalProperty,
          `${pointer}/${escape(property)}`,
          localized('additional', {
            property,
            suggestion: closest(property, Object.keys(parent?.properties ?? {})),
          }),
          { at: 'key' },
        );
        break;
      }
      case 'pattern':
        // The only pattern of the cases schema is the date.
        problems.add(
          C.schemaPattern,
          pointer,
          localized('casesDate', { name, value: show(value) }),
        );
        break;
      case 'minLength':
        problems.add(C.schemaMinLength, pointer, localized('minLength', { name }));
        break;
      case 'minimum':
        problems.add(
          C.schemaRange,
          pointer,
          localized(
            'range',
            { name, limit: Number(e.params.limit) },
            {
              vi: { comparison: 'lớn hơn hoặc bằng' },
              en: { comparison: 'greater than or equal to' },
            },
          ),
        );
        break;
      case 'uniqueItems':
        problems.add(
          C.schemaUnique,
          `${pointer}/${Number(e.params.i)}`,
          localized('unique', { name, i: Number(e.params.j), j: Number(e.params.i) }),
        );
        break;
      case 'oneOf':
        // The only oneOf of the cases schema: a fee item is an id or an object.
        problems.add(C.schemaInvalid, pointer, localized('casesFeeItem', { name }));
        break;
      default:
        problems.add(C.schemaInvalid, pointer, localized('invalid', { name }));
    }
  }
}

/**
 * The problems of a cases file. `procedureExists` answers whether a path exists (injected so
 * tests and callers decide about the file system).
 */
export function lintCasesFile(
  text: string,
  file: string,
  procedureExists: (path: string) => boolean,
): AuthorProblem[] {
  const encoding = encodingProblem(text);
  if (encoding) return [{ ...encoding, severity: 'error' }];
  const parsed = parseJson(text, LOAD_LIMITS);
  const problems = new ProblemList(parsed.positions);
  for (const p of parsed.problems) problems.items.push({ ...p, severity: 'error' });

  const base = file.replace(/[^/\\]*$/, '');
  const fileName = file.slice(base.length);
  if (fileName.endsWith(CASES_SUFFIX)) {
    const procedure = fileName.slice(0, -CASES_SUFFIX.length) + '.json';
    if (!procedureExists(base + procedure))
      problems.add(C.casesWithoutProcedure, '', localized('casesWithoutProcedure', { procedure }));
  } else {
    // Recognised by its `$schema` only: `dvc-forms test` would never find it.
    problems.add(C.casesWithoutProcedure, '', localized('casesName', { file: fileName }));
  }

  if (parsed.value !== undefined) {
    const validate = casesValidator();
    if (!validate(parsed.value)) translate(validate.errors ?? [], parsed.value, problems);
    const cases = valueAt(parsed.value, '/cases');
    const first = new Map<string, string>();
    if (Array.isArray(cases))
      cases.forEach((c: unknown, i) => {
        const id = valueAt(c, '/name');
        if (typeof id !== 'string') return;
        const at = `/cases/${i}/name`;
        const before = first.get(id);
        if (before === undefined) first.set(id, at);
        else
          problems.add(
            C.duplicateId,
            at,
            localizedAt('duplicateCaseName', { id }, { first: before.replace(/\/name$/, '') }),
          );
      });
  }
  return problems.items
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.p.column - b.p.column || a.i - b.i)
    .map(({ p }) => p);
}
