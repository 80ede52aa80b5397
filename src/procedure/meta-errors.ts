/**
 * Turns ajv's meta-schema errors into sentences an author understands, each pointing at the
 * offending value (or key, for a misspelt member). ajv's own messages ("must match pattern
 * ^#(/.*)?$", "must match exactly one schema in oneOf") are jargon; the schema path tells us
 * which rule of the format was broken, so the sentence can say what to write instead.
 */
import { pointerTokens } from '../json/parse.js';
import type { MetaValidationError } from './generated/meta-validator.js';
import { allowedProperties, metaPatterns } from './generated/meta-validator.js';
import { closest } from './suggest.js';
import { COMPARISONS, TYPE_NAMES } from './message-words.js';
import { localized } from './messages.js';
import { where } from './pointer-places.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { UPLOAD_LIMIT_MEMBERS, type Lang } from './types.js';
import { escapeToken } from '../session/field-path.js';

export function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of pointerTokens(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

/** The last token of a pointer, or a readable name for array items. */
export function nameOf(pointer: string): string {
  const tokens = pointerTokens(pointer);
  const lastToken = tokens[tokens.length - 1];
  if (lastToken === undefined) return '/';
  if (/^\d+$/.test(lastToken) && tokens.length > 1)
    return `${tokens[tokens.length - 2]}[${lastToken}]`;
  return lastToken;
}

/** A format written as a display pattern (`dd/mm/yyyy`, `DD-MM-YYYY`): day, month, year letters. */
const DISPLAY_DATE = /^[dmy]+(?:[/.\- ][dmy]+){1,2}$/i;

const show = (v: unknown): string => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/**
 * The member names of the definition an object was checked against. ajv's schemaPath is relative
 * to the referenced definition, so the definition is recognised by the object's other members:
 * the allowed list sharing most of them.
 */
function allowedFor(object: unknown, property: string): string[] {
  if (object === null || typeof object !== 'object') return [];
  const keys = Object.keys(object);
  let best: string[] = [];
  let bestScore = 0;
  for (const names of Object.values(allowedProperties)) {
    // The definition that refused `property` does not list it: one listing it shares members
    // with the object but is another definition (a condition group holding a leaf's
    // "condition"), and would "suggest" the very name refused.
    if (names.includes(property)) continue;
    const score = keys.filter((k) => names.includes(k)).length;
    if (score > bestScore) [best, bestScore] = [names, score];
  }
  return best;
}

function suggest(property: string, object: unknown): string {
  return closest(property, allowedFor(object, property));
}

export function typeNames(types: unknown): Record<Lang, { type: string }> {
  const list = String(types).split(',');
  const join = (lang: Lang, sep: string): string =>
    list.map((t) => TYPE_NAMES[lang][t] ?? t).join(sep);
  return { vi: { type: join('vi', ' hoặc ') }, en: { type: join('en', ' or ') } };
}

/** Drops errors that only explain why one branch of a oneOf/anyOf/if did not match. */
export function relevant<E extends MetaValidationError>(errors: E[]): E[] {
  const branchParents = errors
    .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
    .map((e) => `${e.schemaPath}/`);
  return errors.filter((e) => {
    if (e.keyword === 'if') return false; // the `then`/`else` errors say what is wrong
    if ((e as { propertyName?: string }).propertyName !== undefined) return false;
    return !branchParents.some((p) => e.schemaPath.startsWith(p));
  });
}

/** Adds one author problem per meta-schema error. */
export function translateMetaErrors(
  errors: MetaValidationError[],
  root: unknown,
  problems: ProblemList,
): void {
  const seen = new Set<string>();
  const list = relevant(errors);
  // "lable" instead of "label" yields both "label missing" and "lable unknown": keep the latter.
  const misspelt = new Set<string>();
  for (const e of list)
    if (e.keyword === 'additionalProperties') {
      const s = suggest(String(e.params.additionalProperty), valueAt(root, e.instancePath));
      if (s) misspelt.add(`${e.instancePath}|${s}`);
    }
  for (const e of list) {
    const pointer = e.instancePath;
    const value = valueAt(root, pointer);
    const name = nameOf(pointer);
    const key = `${e.keyword}|${pointer}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (e.keyword === 'required' && misspelt.has(`${pointer}|${String(e.params.missingProperty)}`))
      continue; // the misspelt member's problem already names it
    switch (e.keyword) {
      case 'required': {
        const property = String(e.params.missingProperty);
        if (property === 'vi') {
          const w = where(pointer);
          problems.add(
            C.missingVi,
            pointer,
            localized('missingVi', {}, { vi: { where: w.vi }, en: { where: w.en } }),
          );
        } else {
          const w = where(pointer);
          // DocumentSpec's `else`: the upload limits of a document not brought to the desk.
          const uploadLimit =
            e.schemaPath.endsWith('/else/required') &&
            (UPLOAD_LIMIT_MEMBERS as readonly string[]).includes(property);
          problems.add(
            C.schemaRequired,
            pointer,
            localized(
              uploadLimit ? 'uploadLimitRequired' : 'required',
              { property },
              { vi: { where: w.vi }, en: { where: w.en } },
            ),
          );
        }
        break;
      }
      case 'type':
        // The whole file ("/" would mean nothing to an author): one object, in braces.
        problems.add(
          C.schemaType,
          pointer,
          pointer === ''
            ? localized('rootType', {})
            : localized('type', { name }, typeNames(e.params.type)),
        );
        break;
      case 'enum': {
        const allowed = (e.params.allowedValues as unknown[]).map(show).join(', ');
        const values = e.params.allowedValues as unknown[];
        if (values.includes('vn-personal-id'))
          problems.add(
            C.unknownFormat,
            pointer,
            localized(DISPLAY_DATE.test(String(value)) ? 'displayDateFormat' : 'unknownFormat', {
              value: show(value),
            }),
          );
        else if (values.includes('isAnswered'))
          problems.add(
            C.unknownOperator,
            pointer,
            localized('unknownOperator', { value: show(value), allowed }),
          );
        else if (
          typeof value === 'string' &&
          values.some((v) => typeof v !== 'string' && String(v) === value)
        )
          // "1.1" for 1.1: the text is right, the quotes are not; "use one of: 1, 1.1" hid that.
          problems.add(
            C.schemaEnum,
            pointer,
            localized(
              'enumQuoted',
              { value: show(value), name, bare: value },
              value === 'true' || value === 'false'
                ? { vi: { kind: 'true/false' }, en: { kind: 'true/false' } }
                : { vi: { kind: 'một số' }, en: { kind: 'a number' } },
            ),
          );
        else
          problems.add(
            C.schemaEnum,
            pointer,
            localized('enum', { value: show(value), name, allowed }),
          );
        break;
      }
      case 'const':
        problems.add(
          C.schemaEnum,
          pointer,
          localized('const', { name, allowed: show(e.params.allowedValue) }),
        );
        break;
      case 'additionalProperties': {
        const property = String(e.params.additionalProperty);
        problems.add(
          C.schemaAdditionalProperty,
          `${pointer}/${escapeToken(property)}`,
          localized('additional', { property, suggestion: suggest(property, value) }),
          { at: 'key' },
        );
        break;
      }
      case 'propertyNames': {
        const property = String(e.params.propertyName);
        problems.add(
          C.schemaPropertyName,
          `${pointer}/${escapeToken(property)}`,
          localized('propertyName', { property }),
          { at: 'key' },
        );
        break;
      }
      case 'pattern':
        translatePattern(e, pointer, value, name, problems);
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum': {
        const comparison = String(e.params.comparison);
        // Only fee amounts have this limit: say it in đồng, not as a bare comparison.
        if (e.keyword === 'maximum' && e.params.limit === Number.MAX_SAFE_INTEGER) {
          problems.add(
            C.schemaRange,
            pointer,
            localized('amountTooLarge', { value: show(value), limit: Number(e.params.limit) }),
          );
          break;
        }
        problems.add(
          C.schemaRange,
          pointer,
          localized(
            'range',
            { name, limit: Number(e.params.limit) },
            {
              vi: { comparison: COMPARISONS.vi[comparison] },
              en: { comparison: COMPARISONS.en[comparison] },
            },
          ),
        );
        break;
      }
      case 'minItems':
        problems.add(
          C.schemaMinItems,
          pointer,
          localized('minItems', { name, limit: Number(e.params.limit) }),
        );
        break;
      case 'minLength':
        problems.add(C.schemaMinLength, pointer, localized('minLength', { name }));
        break;
      case 'minProperties':
        problems.add(
          C.schemaMinItems,
          pointer,
          localized('minProperties', { name, limit: Number(e.params.limit) }),
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
        // The meta-schema uses oneOf only for conditions (exactly one of all/any/not).
        problems.add(C.schemaConditions, pointer, localized('conditions'));
        break;
      default:
        problems.add(C.schemaInvalid, pointer, localized('invalid', { name }));
    }
  }
}

/** The meta-schema's patterns, recognised by their source (schemaPath is relative, see above). */
const PATTERN_KIND: Record<string, string> = {};
function patternKind(pattern: string): string | undefined {
  if (Object.keys(PATTERN_KIND).length === 0) {
    const defs = metaPatterns;
    for (const [kind, source] of Object.entries(defs)) PATTERN_KIND[source] = kind;
  }
  return PATTERN_KIND[pattern];
}

function translatePattern(
  e: MetaValidationError,
  pointer: string,
  value: unknown,
  name: string,
  problems: ProblemList,
): void {
  const v = String(value);
  switch (patternKind(String(e.params.pattern))) {
    case 'vi': {
      const w = where(pointer.replace(/\/vi$/, ''));
      problems.add(
        C.missingVi,
        pointer,
        localized('blankVi', {}, { vi: { where: w.vi }, en: { where: w.en } }),
      );
      return;
    }
    case 'url':
      // An https link that fails only for its spaces is not insecure: say what is wrong.
      if (/^https:\/\/\S/.test(v))
        return problems.add(
          C.schemaPattern,
          pointer,
          localized('urlSpace', { value: show(value) }),
        );
      return problems.add(C.insecureUrl, pointer, localized('insecureUrl', { value: show(value) }));
    case 'ref':
      return problems.add(C.remoteRef, pointer, localized('remoteRef', { value: show(value) }));
    case 'code':
      return problems.add(C.schemaPattern, pointer, localized('patternCode'));
    case 'version':
      return problems.add(C.schemaPattern, pointer, localized('patternVersion'));
    case 'id':
      return problems.add(C.schemaPattern, pointer, localized('patternId', { value: v }));
    case 'fieldPath':
      return problems.add(C.schemaPattern, pointer, localized('patternFieldPath', { value: v }));
    case 'birthDateField':
      return problems.add(
        C.schemaPattern,
        pointer,
        localized('patternBirthDateField', { value: v }),
      );
    case 'mime':
      return problems.add(C.schemaPattern, pointer, localized('patternMime', { value: v }));
    case 'date':
      // A fee schedule's from/until: say "a date YYYY-MM-DD", not the regular expression.
      return problems.add(
        C.schemaPattern,
        pointer,
        localized('casesDate', { name, value: show(value) }),
      );
    default:
      problems.add(
        C.schemaPattern,
        pointer,
        localized('pattern', { name, pattern: String(e.params.pattern) }),
      );
  }
}
