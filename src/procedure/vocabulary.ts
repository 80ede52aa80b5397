/**
 * The words a procedure's rules may use. The loader rejects any other fact or operator at
 * authoring time, so a typo never becomes a run-time crash in a citizen's browser.
 */

/**
 * Derived facts computed from the answers (json-rules-engine `fact` names). Any other fact name
 * must be a field path that exists in the procedure's `data` schema.
 */
export const DERIVED_FACTS = {
  /** Age in full years on `today` of the date in `params.field` (ISO `YYYY-MM-DD`). */
  ageInYears: 'ageInYears',
  /** Today's date as ISO `YYYY-MM-DD` (in Asia/Ho_Chi_Minh), injectable for tests. */
  today: 'today',
  /** Whole days from `params.from` to `params.to`; each a field path or "today". */
  daysBetween: 'daysBetween',
  /** Number of items in the list at `params.field` (0 when absent). */
  count: 'count',
} as const;
export type DerivedFact = (typeof DERIVED_FACTS)[keyof typeof DERIVED_FACTS];

/** Parameters each derived fact requires. */
export const DERIVED_FACT_PARAMS: Record<DerivedFact, readonly string[]> = {
  ageInYears: ['field'],
  today: [],
  daysBetween: ['from', 'to'],
  count: ['field'],
};

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
