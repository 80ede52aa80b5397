/**
 * The words a procedure's rules may use. The loader rejects any other fact or operator at
 * authoring time, so a typo never becomes a run-time crash in a citizen's browser.
 */

/**
 * Derived facts computed from the answers (json-rules-engine `fact` names). Any other fact name
 * must be a field path that exists in the procedure's `data` schema.
 */
export const DERIVED_FACTS = {
  /**
   * Age in full years of the date in `params.field` (ISO `YYYY-MM-DD`) on `params.at` (a date
   * field or "today", the submission date; "today" when absent).
   */
  ageInYears: 'ageInYears',
  /** Today's date as ISO `YYYY-MM-DD` (in Asia/Ho_Chi_Minh), injectable for tests. */
  today: 'today',
  /** Whole days from `params.from` to `params.to`; each a field path or "today". */
  daysBetween: 'daysBetween',
  /** Number of items in the list at `params.field` (0 when absent). */
  count: 'count',
  /** Full calendar months from `params.from` to `params.to` (format 1.1; month-end rule). */
  monthsBetween: 'monthsBetween',
  /** Full years from `params.from` to `params.to` (format 1.1). */
  yearsBetween: 'yearsBetween',
  /**
   * The date `params.of` (a date field or "today") moved by `params.addYears`, `params.addMonths`
   * and `params.addDays` (format 1.1), as ISO `YYYY-MM-DD`: "issued at most 6 months ago" is
   * `date(of issueDate, addMonths 6)` `dateOnOrAfter` today.
   */
  date: 'date',
} as const;
export type DerivedFact = (typeof DERIVED_FACTS)[keyof typeof DERIVED_FACTS];

/** Parameters each derived fact requires. */
export const DERIVED_FACT_PARAMS: Record<DerivedFact, readonly string[]> = {
  ageInYears: ['field'],
  today: [],
  daysBetween: ['from', 'to'],
  count: ['field'],
  monthsBetween: ['from', 'to'],
  yearsBetween: ['from', 'to'],
  date: ['of'],
};

/** Parameters a derived fact may have besides its required ones (format 1.1). */
export const DERIVED_FACT_OPTIONAL_PARAMS: Record<DerivedFact, readonly string[]> = {
  ageInYears: ['at'],
  today: [],
  daysBetween: [],
  count: [],
  monthsBetween: [],
  yearsBetween: [],
  date: ['addYears', 'addMonths', 'addDays'],
};

/** The word a date parameter may hold instead of a field path: the submission date. */
export const TODAY_WORD = 'today';

/** Parameters that name a date: a date field path or `"today"`. The others name any field. */
export const DATE_PARAMS: Readonly<Record<DerivedFact, readonly string[]>> = {
  ageInYears: ['at'],
  today: [],
  daysBetween: ['from', 'to'],
  count: [],
  monthsBetween: ['from', 'to'],
  yearsBetween: ['from', 'to'],
  date: ['of'],
};

/** A condition node that stands for the procedure's named condition (format 1.1). */
export const CONDITION_REF = 'condition';

/** Parameters holding a whole number of years, months or days (`date`). */
export const NUMBER_PARAMS: ReadonlySet<string> = new Set(['addYears', 'addMonths', 'addDays']);

/**
 * Set comparisons (format 1.1): the fact is a list (a checkbox group's answers) or one value, the
 * `value` a list. `containsAny`: at least one of the values is among the fact's; `containsAll`:
 * every one is; `containsNone`: none is. (`in`/`notIn` test one value against a list.)
 */
export const SET_OPERATORS = ['containsAny', 'containsAll', 'containsNone'] as const;

/**
 * Date comparisons (format 1.1): the fact and the value are ISO dates — a date field, `today`,
 * a `date` fact, or a literal `"YYYY-MM-DD"`. Compared as calendar days.
 */
export const DATE_OPERATORS = [
  'dateBefore',
  'dateOnOrBefore',
  'dateAfter',
  'dateOnOrAfter',
] as const;

/** json-rules-engine's built-in operators plus ours. */
export const OPERATORS = [
  'equal',
  'notEqual',
  'lessThan',
  'lessThanInclusive',
  'greaterThan',
  'greaterThanInclusive',
  'in',
  'notIn',
  'contains',
  'doesNotContain',
  // Ours: presence tests, so authors do not compare against null or "".
  'isAnswered',
  'isNotAnswered',
  ...DATE_OPERATORS,
  ...SET_OPERATORS,
] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * Vietnamese string formats a `data` schema may use (`"format": "vn-personal-id"`), besides
 * ajv-formats' standard ones (date, email, …). Implemented in src/validation/formats.ts, each
 * citing its legal source; see docs/domain/vietnam.md §2.
 */
export const VN_FORMATS = [
  'vn-personal-id',
  'vn-cmnd',
  'vn-mobile',
  'vn-tax-code',
  'vn-social-insurance',
  'vn-postal-code',
  'vn-province-2025',
  'vn-commune-2025',
  'vn-person-name',
] as const;
export type VnFormat = (typeof VN_FORMATS)[number];

/**
 * Formats for foreign parties (format 1.1; src/validation/foreign-formats.ts): `intl-phone` an
 * international phone number (E.164 after normalisation, checked with libphonenumber-js),
 * `passport-number` a passport's document number (ICAO 9303).
 */
export const FOREIGN_FORMATS = ['intl-phone', 'passport-number'] as const;
export type ForeignFormat = (typeof FOREIGN_FORMATS)[number];
