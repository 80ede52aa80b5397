/**
 * Format 1.1 author wording: a question's `messages` (by JSON Schema keyword) replace the
 * built-in message of its problems — in the session, hence in the form, `check` and verify
 * alike. Codes, paths and params stay as they are: only the sentence is the author's.
 */
import type { Problem } from '../problem.js';
import type { FieldUi, Lang, LocalizedText, Procedure } from '../procedure/types.js';
import { KEYWORD_CODES } from '../validation/index.js';
import { pathKey, pointerToFieldPath } from './field-path.js';

/** Problem code → keyword (`too-short` → `minLength`); the first keyword of a shared code. */
const KEYWORD_OF_CODE = new Map<string, string>();
for (const [keyword, code] of Object.entries(KEYWORD_CODES))
  if (!KEYWORD_OF_CODE.has(code)) KEYWORD_OF_CODE.set(code, keyword);

/** The keyword a problem code answers to: `format` for every `format…` code. */
export function keywordOfProblem(code: string): string | undefined {
  if (code === 'format' || code.startsWith('format.')) return 'format';
  return KEYWORD_OF_CODE.get(code);
}

type Messages = Map<string, Partial<Record<string, LocalizedText>>>;
const cache = new WeakMap<Procedure, Messages>();

/** Each question's messages by field key (`siblings.fullName` for a group's item field). */
function messagesOf(procedure: Procedure): Messages {
  let map = cache.get(procedure);
  if (map) return map;
  map = new Map();
  const add = (fields: readonly FieldUi[] | undefined, prefix: string): void => {
    for (const f of fields ?? []) {
      if (f.messages && typeof f.messages === 'object')
        map!.set(pathKey(prefix + f.field), f.messages);
      if (f.widget === 'group') add(f.fields, `${prefix}${f.field}[].`);
    }
  };
  for (const step of procedure.ui?.steps ?? []) add(step.fields, '');
  cache.set(procedure, map);
  return map;
}

/** `problems` with the author's message where the question has one for the problem's keyword. */
export function withAuthorMessages(
  problems: Problem[],
  procedure: Procedure,
  lang: Lang,
): Problem[] {
  const messages = messagesOf(procedure);
  if (messages.size === 0) return problems;
  return problems.map((p) => {
    const keyword = keywordOfProblem(p.code);
    const text = keyword ? messages.get(pathKey(pointerToFieldPath(p.path)))?.[keyword] : undefined;
    return text ? { ...p, message: (lang === 'en' && text.en) || text.vi } : p;
  });
}
