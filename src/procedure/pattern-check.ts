/**
 * The pattern checker the Node CLI gives `loadProcedure` (`LoadOptions.checkPattern`): whether
 * the linear-time engine (re2js) reads a pattern, and if not, the author's sentence and where.
 * Kept out of the loader so the browser's `procedure` chunk loads neither re2js (~45 KB gzip)
 * nor these messages; compiling the validator refuses the same patterns (src/validation/guards.ts).
 */
import { checkLinearPattern } from '../safety/linear-regexp.js';
import type { Lang } from './types.js';
import { RE2_REASONS, UNSUPPORTED_PATTERN } from './cli-check-messages.js';

/** Why lint refuses a pattern: where (0-based index in the pattern, when known) and the sentence. */
export interface PatternRefusal {
  index?: number;
  message: Record<Lang, string>;
}

/** Says whether the linear-time engine reads `pattern` (undefined when it does). */
export type PatternChecker = (pattern: string) => PatternRefusal | undefined;

/** The `PatternChecker` backed by re2js, with messages in Vietnamese and English. */
export const checkPatternSyntax: PatternChecker = (pattern) => {
  const unreadable = checkLinearPattern(pattern);
  if (!unreadable) return undefined;
  const params = {
    value: JSON.stringify(pattern),
    text: unreadable.text ?? '',
    position: unreadable.index === undefined ? '' : String(unreadable.index + 1),
  };
  // An unknown reason (a newer re2js) is shown as RE2 words it rather than dropped.
  const reason = (lang: Lang) => RE2_REASONS[lang][unreadable.reason] ?? unreadable.reason;
  return {
    ...(unreadable.index === undefined ? {} : { index: unreadable.index }),
    message: {
      vi: UNSUPPORTED_PATTERN.vi({ ...params, reason: reason('vi') }),
      en: UNSUPPORTED_PATTERN.en({ ...params, reason: reason('en') }),
    },
  };
};
