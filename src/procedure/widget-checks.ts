/**
 * Does a widget fit the answer it collects? Each widget gives one kind of JSON value (what the
 * components put in the answers, components/base/widgets.ts and components/form/field-events.ts):
 *
 * | widget | gives |
 * |---|---|
 * | `text`, `textarea`, `email`, `id-number` | a string |
 * | `phone` | a string, a Vietnamese number only (not for an `intl-phone` answer) |
 * | `date` | a string `YYYY-MM-DD` (so not for a format refusing dates: `email`, `vn-mobile`…) |
 * | `number` | a number (integer or not) |
 * | `checkbox` without options | `true` or `false` |
 * | `checkbox` with `options`/`optionList` | a list of option values |
 * | `select`, `radio` | one option value, typed as the option is (a string inside a group, whose items keep the strings); nothing at all without `options`/`optionList` (the form never offers the `enum` itself) |
 * | `address` | an object `{ province, commune, street }` |
 * | `group` | a list of item objects (lint also reads its items on an object) |
 * | `file` | no answer (a document) |
 *
 * A widget whose value the schema never accepts (a `number` on a string personal ID, a `date`
 * on a boolean, a `select` with nothing to choose) leaves the citizen with an error they cannot
 * fix: reported as `widget-type-mismatch` at the widget's `widget` member, with the widget that
 * fits.
 */
import { TYPE_NAMES } from './message-words.js';
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { deref } from './schema-paths.js';
import { FOREIGN_FORMATS, VN_FORMATS } from './vocabulary.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The JSON type of a value as a schema names it (`integer` for a whole number). */
export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/**
 * The JSON types a schema accepts (following `$ref`): its `type`, or else the types of its
 * `enum`/`const` values; undefined when it says nothing.
 */
export function declaredTypes(root: unknown, schema: unknown): string[] | undefined {
  const s = deref(root, schema);
  if (!isObject(s)) return undefined;
  const type = s['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  const values = Array.isArray(s['enum'])
    ? s['enum']
    : Object.hasOwn(s, 'const')
      ? [s['const']]
      : undefined;
  return values ? [...new Set(values.map(jsonType))] : undefined;
}

/** Whether a value of JSON type `given` is one of `types` (a whole number is a number too). */
export const accepts = (types: readonly string[], given: string): boolean =>
  types.includes(given) || (given === 'integer' && types.includes('number'));

/** String formats that refuse every `YYYY-MM-DD` date (the `date` widget's only value). */
const REFUSE_DATES: ReadonlySet<unknown> = new Set([
  'time',
  'date-time',
  'duration',
  'uri',
  'url',
  'email',
  'ipv4',
  'ipv6',
  'uuid',
  'json-pointer',
  ...VN_FORMATS,
  ...FOREIGN_FORMATS,
]);

function formatOf(root: unknown, schema: unknown): unknown {
  const s = deref(root, schema);
  return isObject(s) ? s['format'] : undefined;
}

/** The widget that gives a value of the first of `types` (the one to suggest). */
function widgetFor(types: readonly string[], format: unknown): string {
  const type = types.find((t) => t !== 'null') ?? 'string';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'checkbox';
  if (type === 'array') return 'checkbox';
  if (type === 'object') return 'address';
  if (format === 'date') return 'date';
  if (format === 'email') return 'email';
  if (format === 'vn-personal-id' || format === 'vn-cmnd') return 'id-number';
  if (format === 'vn-mobile') return 'phone';
  return 'text';
}

/**
 * The JSON types `widget` can give (see the table above); undefined for a widget that gives no
 * answer (`file`) or is unknown (the meta-schema reports it). `choices` are the values of the
 * question's `options` or own `optionList` (undefined for a shipped list: strings).
 */
function givenTypes(
  widget: string,
  field: Obj,
  choices: readonly unknown[] | undefined,
  inGroup: boolean,
): string[] | undefined {
  const listed = typeof field['optionList'] === 'string';
  const hasChoices = (Array.isArray(field['options']) && field['options'].length > 0) || listed;
  switch (widget) {
    case 'text':
    case 'textarea':
    case 'email':
    case 'id-number':
    case 'phone':
    case 'date':
      return ['string'];
    case 'number':
      return ['number', 'integer'];
    case 'checkbox':
      return hasChoices ? ['array'] : ['boolean'];
    case 'select':
    case 'radio':
      // The form offers only `options`/`optionList` (components/form/questions.ts optionsOf),
      // never the schema's `enum`: without them there is nothing to choose.
      if (!hasChoices) return [];
      // A repeat group keeps the strings its elements give; the form types only top-level answers.
      if (inGroup || !choices) return ['string'];
      return [...new Set(choices.map(jsonType))];
    case 'address':
      return ['object'];
    default:
      return undefined;
  }
}

/**
 * Checks one `ui` field (`field` at `pointer`) against its resolved `schema`. `choices`: the
 * values of its options (own or from an own option list); `inGroup`: it is a group's item field.
 */
export function checkWidgetType(
  root: unknown,
  field: Obj,
  schema: unknown,
  pointer: string,
  problems: ProblemList,
  choices?: readonly unknown[],
  inGroup = false,
): void {
  const widget = field['widget'];
  if (typeof widget !== 'string') return;
  const path = String(field['field']);
  const at = `${pointer}/widget`;
  const given = givenTypes(widget, field, choices, inGroup);
  // A choice widget with nothing to choose gives nothing, whatever the schema.
  if (given && given.length === 0) {
    problems.add(C.widgetTypeMismatch, at, localized('widgetWithoutOptions', { widget, path }));
    return;
  }
  const types = declaredTypes(root, schema);
  if (!types || types.length === 0) return;
  const list = types.includes('array');
  const onlyList = types.every((t) => t === 'array' || t === 'null');
  const hasOptions = Array.isArray(field['options']) && field['options'].length > 0;
  const format = formatOf(root, schema);
  let fits: string | undefined;
  if ((widget === 'radio' || widget === 'select') && onlyList) fits = 'checkbox';
  // The phone widget refuses what is not a Vietnamese number: an intl-phone answer needs text.
  else if (widget === 'phone' && format === 'intl-phone') fits = 'text';
  else if (widget === 'checkbox' && hasOptions && !list) fits = 'radio';
  if (fits) {
    problems.add(
      C.widgetTypeMismatch,
      at,
      localized('widgetTypeMismatch', { widget, path, type: types.join(', '), fits }),
    );
    return;
  }
  if (given && !given.some((g) => accepts(types, g))) {
    const gives = given.find((g) => g !== 'integer') ?? given[0]!;
    problems.add(
      C.widgetTypeMismatch,
      at,
      localized(
        'widgetGives',
        { widget, path, type: types.join(', '), fits: widgetFor(types, format) },
        { vi: { gives: TYPE_NAMES.vi[gives]! }, en: { gives: TYPE_NAMES.en[gives]! } },
      ),
    );
    return;
  }
  // The date widget gives `YYYY-MM-DD`, which no other string format accepts.
  if (widget === 'date' && REFUSE_DATES.has(format))
    problems.add(
      C.widgetTypeMismatch,
      at,
      localized('widgetDateFormat', {
        path,
        format: String(format),
        fits: widgetFor(types, format),
      }),
    );
}

/** A label as a message would quote it: without "(không bắt buộc)"-style notes and end marks. */
const labelWords = (label: string): string =>
  label
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[?:.!]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi');

/**
 * Warns (`message-without-question`) when a question's own error message does not name it:
 * GOV.UK's advice, and the error summary links each message to its question, so "Nhập đúng định
 * dạng" alone leaves the person guessing which one. The label must appear in the message
 * (letter case aside), per language given.
 */
export function checkFieldMessages(field: Obj, pointer: string, problems: ProblemList): void {
  const messages = field['messages'];
  const label = field['label'];
  if (!isObject(messages) || !isObject(label)) return;
  for (const [keyword, text] of Object.entries(messages)) {
    if (!isObject(text)) continue;
    for (const lang of ['vi', 'en'] as const) {
      const message = text[lang];
      const question = typeof label[lang] === 'string' ? labelWords(label[lang] as string) : '';
      if (typeof message !== 'string' || question === '') continue;
      if (message.toLocaleLowerCase('vi').includes(question)) continue;
      problems.add(
        C.messageWithoutQuestion,
        `${pointer}/messages/${keyword}/${lang}`,
        localized('messageWithoutQuestion', { keyword, label: String(label[lang]) }),
        { severity: 'warning' },
      );
    }
  }
}
