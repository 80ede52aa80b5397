/**
 * Does a widget fit the answer it collects? A single-choice widget (`radio`, `select`) on a list
 * answer (`"type": "array"`) leaves the citizen with an error they cannot fix — the widget gives
 * one text value, the schema wants a list — and a multiple-choice `checkbox` with options on a
 * single answer fails the other way round. Reported as `widget-type-mismatch` at
 * the widget's `widget` member, with the widget that fits.
 */
import { localized } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { deref } from './schema-paths.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The schema's declared JSON types (following `$ref`), or undefined when it declares none. */
function declaredTypes(root: unknown, schema: unknown): string[] | undefined {
  const s = deref(root, schema);
  if (!isObject(s)) return undefined;
  const type = s['type'];
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  return undefined;
}

function formatOf(root: unknown, schema: unknown): unknown {
  const s = deref(root, schema);
  return isObject(s) ? s['format'] : undefined;
}

/** Checks one `ui` field (`field` at `pointer`) against its resolved `schema`. */
export function checkWidgetType(
  root: unknown,
  field: Obj,
  schema: unknown,
  pointer: string,
  problems: ProblemList,
): void {
  const widget = field['widget'];
  const types = declaredTypes(root, schema);
  if (typeof widget !== 'string' || !types || types.length === 0) return;
  const list = types.includes('array');
  const onlyList = types.every((t) => t === 'array' || t === 'null');
  const hasOptions = Array.isArray(field['options']) && field['options'].length > 0;
  let fits: string | undefined;
  if ((widget === 'radio' || widget === 'select') && onlyList) fits = 'checkbox';
  // The phone widget refuses what is not a Vietnamese number: an intl-phone answer needs text.
  else if (widget === 'phone' && formatOf(root, schema) === 'intl-phone') fits = 'text';
  else if (widget === 'checkbox' && hasOptions && !list) fits = 'radio';
  if (!fits) return;
  problems.add(
    C.widgetTypeMismatch,
    `${pointer}/widget`,
    localized('widgetTypeMismatch', {
      widget,
      path: String(field['field']),
      type: types.join(', '),
      fits,
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
