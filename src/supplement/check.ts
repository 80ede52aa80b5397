/**
 * The one decision on a supplement's content, used by the applicant's form (to show problems at
 * the fields) and by `verifySupplement` (to accept or refuse): exactly the requested items are
 * present, and each is valid against the procedure — the schema, the rules and the document
 * rules — once merged into the dossier's answers and documents.
 *
 * The browser does not hold the dossier's other answers (they are personal data and the status
 * look-up never returns them), so it checks with `base` empty and keeps only the problems of the
 * requested items; the server passes the dossier's verified payload as `base`. A question whose
 * validity depends on other answers (a cross-field check) can therefore be refused by the server
 * after the form accepted it: the refusal names the item and the applicant corrects it.
 */
import { canonicalize } from '../jcs/canonicalize.js';
import type { Lang } from '../procedure/types.js';
import type { Problem } from '../problem.js';
import {
  escapeToken,
  getAt,
  isWithinPath,
  pathKey,
  pointerToFieldPath,
  removeAt,
  setAt,
} from '../session/field-path.js';
import { withAuthorMessages } from '../session/field-messages.js';
import type { ProcedureModel } from '../session/model.js';
import type { DocumentProblem } from '../session/session.js';
import type { PayloadDocument } from '../submission/payload.js';
import type { SupplementItems } from './payload.js';
import { SUPPLEMENT_MESSAGES } from './messages.js';

export const SUPPLEMENT_PROBLEM = {
  /** A requested answer or document is absent. */
  missing: 'supplement-item-missing',
  /** An answer or a file the clerk did not ask for. */
  notRequested: 'supplement-item-not-requested',
  /** A requested question the rules hide once merged (it no longer applies). */
  hidden: 'supplement-item-hidden',
  /** An answer that differs from its normalised form (the form always signs the normalised one). */
  notNormalized: 'supplement-answer-not-normalized',
} as const;
export type SupplementProblemCode = (typeof SUPPLEMENT_PROBLEM)[keyof typeof SUPPLEMENT_PROBLEM];

/** A problem with a supplement, located in the supplement payload. */
export type SupplementProblem =
  | {
      kind: 'item';
      code: SupplementProblemCode;
      /** JSON pointer into the supplement payload (`/answers/applicant.phone`, `/documents/0`). */
      pointer: string;
      /** The field path or slot id concerned. */
      item: string;
      message: string;
      params: Record<string, string | number>;
    }
  | { kind: 'answer'; pointer: string; item: string; problem: Problem }
  | { kind: 'document'; pointer: string; item: string; problem: DocumentProblem };

export interface SupplementCheckInput {
  items: SupplementItems;
  /** The supplement's answers, keyed by field path. */
  answers: Readonly<Record<string, unknown>>;
  documents: readonly PayloadDocument[];
  /** The dossier's answers and documents (server side); empty in the browser. */
  base?: { answers: Record<string, unknown>; documents: readonly PayloadDocument[] };
  /** `YYYY-MM-DD` in Vietnam for the rules: the supplement's date. */
  today?: string;
  lang?: Lang;
}

export interface SupplementCheck {
  problems: SupplementProblem[];
  /** The merged answers, normalised (what the dossier's answers become). */
  normalised: Record<string, unknown>;
  /** The merged documents: the dossier's, those of the requested slots replaced. */
  documents: PayloadDocument[];
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** `/answers/<path>` with the path as one escaped token (a key of the answers object). */
const answerPointer = (path: string, inner = '') => `/answers/${escapeToken(path)}${inner}`;

export async function checkSupplement(
  model: ProcedureModel,
  input: SupplementCheckInput,
): Promise<SupplementCheck> {
  const lang = input.lang ?? 'vi';
  const { fields, documents: slots } = input.items;
  const problems: SupplementProblem[] = [];
  const item = (
    code: SupplementProblemCode,
    pointer: string,
    name: string,
    params: Record<string, string | number> = {},
    message = SUPPLEMENT_MESSAGES[code]({ item: name, ...params })[lang],
  ) =>
    problems.push({
      kind: 'item',
      code,
      pointer,
      item: name,
      message,
      params: { item: name, ...params },
    });

  // Exactly the requested items.
  for (const key of Object.keys(input.answers))
    if (!fields.includes(key)) item(SUPPLEMENT_PROBLEM.notRequested, answerPointer(key), key);
  input.documents.forEach((d, i) => {
    if (!slots.includes(d.slot))
      item(SUPPLEMENT_PROBLEM.notRequested, `/documents/${i}/slot`, d.slot);
  });
  const left = fields.filter((path) => !own(input.answers, path));
  const asked = requiredWording(model, left, lang);
  for (const path of left)
    item(
      SUPPLEMENT_PROBLEM.missing,
      answerPointer(path),
      path,
      { what: 'answer' },
      asked.get(path),
    );
  for (const slot of slots)
    if (!input.documents.some((d) => d.slot === slot))
      item(SUPPLEMENT_PROBLEM.missing, '/documents', slot, { what: 'document' });

  // Merged into the dossier: the requested answers and slots replaced by the supplement's.
  let answers = input.base?.answers ?? {};
  for (const path of fields) {
    answers = removeAt(answers, path);
    if (own(input.answers, path)) answers = setAt(answers, path, input.answers[path]);
  }
  const kept = (input.base?.documents ?? []).filter((d) => !slots.includes(d.slot));
  const added = input.documents.filter((d) => slots.includes(d.slot));
  const documents = [...kept, ...added];
  const state = await model
    .createSession({
      ...(input.today ? { today: input.today } : {}),
      lang,
      answers,
      documents,
    })
    .check();

  // Server side, the dossier's answers are at hand: the rules decide (hidden questions, required
  // ones) as they would for the whole dossier. In the browser they are not: the rules cannot be
  // evaluated, so each requested answer is validated by the schema alone (no rule hides or
  // requires it) and normalised the same way — what the receiver will compare with.
  const alone = input.base
    ? undefined
    : model.validator.validate(answers, { lang, hidden: [], required: [] });
  const answerProblems = alone ? alone.problems : state.problems;
  const normalised = alone ? alone.value : state.normalised;
  const requestedOf = (pointer: string) => {
    const path = pointerToFieldPath(pointer);
    return fields.find((f) => isWithinPath(path, f));
  };
  const hidden = new Set(alone ? [] : state.hidden.fields.map(pathKey));
  for (const path of fields)
    if (own(input.answers, path) && hidden.has(pathKey(path)))
      item(SUPPLEMENT_PROBLEM.hidden, answerPointer(path), path);
  for (const p of answerProblems) {
    const path = requestedOf(p.path);
    // An answer left out is reported once, as missing; other answers are not the applicant's now.
    if (path === undefined || !own(input.answers, path)) continue;
    const inner = p.path.slice(toPointerOf(path).length);
    problems.push({
      kind: 'answer',
      pointer: answerPointer(path, inner.startsWith('/') ? inner : ''),
      item: path,
      problem: p,
    });
  }
  // The browser signs the normalised values it gets back here; only a received payload can differ.
  if (input.base && !problems.some((p) => p.kind === 'answer'))
    for (const path of fields) {
      if (!own(input.answers, path) || hidden.has(pathKey(path))) continue;
      const normal = getAt(normalised, path);
      if (canonicalize(normal ?? null) !== canonicalize(input.answers[path] ?? null))
        item(SUPPLEMENT_PROBLEM.notNormalized, answerPointer(path), path);
    }
  for (const p of state.documents.problems) {
    if (!slots.includes(p.slot)) continue;
    // Missing files are reported above, per slot.
    if (p.index === undefined) continue;
    const index = p.index - kept.length;
    if (index < 0) continue;
    problems.push({ kind: 'document', pointer: `/documents/${index}`, item: p.slot, problem: p });
  }
  return { problems, normalised, documents };
}

/**
 * What the form says of each of `paths` left empty where it is required: the question's own
 * `required` message, or the engine's worded for its widget and label ("Chọn nơi thường trú…",
 * "Hãy chọn một câu trả lời" for a question), never one line for every kind of question.
 */
function requiredWording(
  model: ProcedureModel,
  paths: readonly string[],
  lang: Lang,
): Map<string, string> {
  const out = new Map<string, string>();
  if (paths.length === 0) return out;
  const { problems } = model.validator.validate({}, { lang, hidden: [], required: [...paths] });
  for (const p of withAuthorMessages(problems, model.procedure, lang)) {
    if (p.code !== 'required') continue;
    const path = paths.find((f) => toPointerOf(f) === p.path);
    if (path !== undefined && !out.has(path)) out.set(path, p.message);
  }
  return out;
}

/** `child.birthDate` → `/child/birthDate`. */
function toPointerOf(path: string): string {
  return path
    .split('.')
    .map((t) => `/${escapeToken(t)}`)
    .join('');
}
