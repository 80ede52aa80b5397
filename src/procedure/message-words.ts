/**
 * Words that go into the procedure messages (messages.ts) as parameters, per language: type
 * names, comparisons, the sides of a bound, why a pattern is refused, what an id names. Apart
 * from the catalogs so messages.ts stays within the 700-line limit; each check imports only the
 * word lists it says.
 */
import type { Lang } from './types.js';

/** Type names as authors know them. */
export const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  vi: {
    string: 'một chuỗi văn bản',
    number: 'một số',
    integer: 'một số nguyên',
    boolean: 'true hoặc false',
    object: 'một đối tượng {…}',
    array: 'một mảng […]',
    null: 'null',
  },
  en: {
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    object: 'an object {…}',
    array: 'a list […]',
    null: 'null',
  },
};

/** The two sides of a bound, as `impossible-bounds` names them. */
export const BOUND_NAMES: Record<Lang, Record<string, [string, string]>> = {
  vi: {
    Length: ['Độ dài tối thiểu', 'độ dài tối đa'],
    Items: ['Số phần tử tối thiểu', 'số phần tử tối đa'],
    Properties: ['Số mục tối thiểu', 'số mục tối đa'],
    imum: ['Giá trị nhỏ nhất', 'giá trị lớn nhất'],
  },
  en: {
    Length: ['minimum length', 'maximum length'],
    Items: ['minimum number of items', 'maximum number of items'],
    Properties: ['minimum number of members', 'maximum number of members'],
    imum: ['minimum', 'maximum'],
  },
};

/** "số" / "number" and "số nguyên" / "whole number", for `impossible-bounds` between numbers. */
export const NUMBER_KINDS: Record<Lang, Record<'number' | 'integer', string>> = {
  vi: { number: 'số', integer: 'số nguyên' },
  en: { number: 'number', integer: 'whole number' },
};

export const COMPARISONS: Record<Lang, Record<string, string>> = {
  vi: { '>=': 'lớn hơn hoặc bằng', '<=': 'nhỏ hơn hoặc bằng', '>': 'lớn hơn', '<': 'nhỏ hơn' },
  en: {
    '>=': 'greater than or equal to',
    '<=': 'less than or equal to',
    '>': 'greater than',
    '<': 'less than',
  },
};

export const UNSAFE_REASONS: Record<Lang, Record<string, string>> = {
  vi: {
    'nested-quantifier': 'lặp lồng trong lặp',
    'overlapping-alternation': 'các nhánh "|" chồng lấn trong vòng lặp',
    'adjacent-quantifiers': 'hai vòng lặp liền nhau khớp cùng ký tự',
  },
  en: {
    'nested-quantifier': 'a repetition inside a repetition',
    'overlapping-alternation': 'overlapping "|" branches inside a repetition',
    'adjacent-quantifiers': 'two adjacent repetitions matching the same characters',
  },
};
/** The constructs refused by the linear-time pattern engine (src/safety/linear-regex.ts). */
export const NON_LINEAR_CONSTRUCTS: Record<Lang, Record<string, string>> = {
  vi: {
    lookahead: 'lookahead',
    lookbehind: 'lookbehind',
    backreference: 'tham chiếu ngược',
    'unsupported-escape': 'ký tự thoát không hỗ trợ',
  },
  en: {
    lookahead: 'a lookahead',
    lookbehind: 'a lookbehind',
    backreference: 'a backreference',
    'unsupported-escape': 'an unsupported escape',
  },
};

/** What an id names, for duplicate-id messages. */
export const ID_KINDS: Record<Lang, Record<string, string>> = {
  vi: {
    step: 'bước',
    rule: 'quy tắc',
    document: 'giấy tờ',
    fee: 'khoản phí',
    reduction: 'khoản miễn giảm',
  },
  en: { step: 'step', rule: 'rule', document: 'document', fee: 'fee item', reduction: 'reduction' },
};
