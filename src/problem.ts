import type { Lang } from './procedure/types.js';

/**
 * A problem with the applicant's answers: data, not an exception.
 * `path` is a JSON pointer into the answers (e.g. `/child/birthDate`), `message` is in the
 * requested language, `params` carries the values the message was built from.
 */
export interface Problem {
  code: string;
  path: string;
  message: string;
  params: Record<string, unknown>;
}

/**
 * A problem with a procedure file, for its author: where it is (JSON pointer, 1-based line and
 * column of the offending value or key) and what is wrong, in Vietnamese and English.
 */
export interface AuthorProblem {
  code: string;
  severity: 'error' | 'warning';
  pointer: string;
  line: number;
  column: number;
  message: Record<Lang, string>;
}
