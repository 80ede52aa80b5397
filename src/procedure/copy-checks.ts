/**
 * Format 1.1 `copyFrom`, as lint sees it: the form offers to copy an earlier question's answer
 * into an empty one (WCAG 2.2 SC 3.3.7 Redundant Entry), so the name must be a question asked
 * outside any group (`unknown-copy-source`, with the closest), not the question itself
 * (`copy-from-itself`), asked before it in the form's order (`copy-source-later`: the citizen
 * would meet the offer before the answer exists), and its answer must fit here as it is
 * (`copy-shape-mismatch`: another widget, JSON type, options, or a group's other members). A
 * question inside a group cannot name one (`copy-from-in-group`): its items are many. Format
 * 1.2's `{ field, when }` is checked alike at its `field`; its `when` is checked as every
 * condition is (checks.ts) and must read only answers asked before the question
 * (`copy-condition-later`: otherwise it is undecided when the citizen meets the offer).
 */
import { localized, localizedAt } from './messages.js';
import { AUTHOR_PROBLEM_CODE as C, type ProblemList } from './problems.js';
import { resolveFieldPath } from './schema-paths.js';
import { closest } from './suggest.js';
import { choicesOf } from './option-list-checks.js';
import { declaredTypes } from './widget-checks.js';
import { orderSteps } from '../session/journey.js';
import type { Conditions, Procedure } from './types.js';
import { copySource } from './copy-from.js';
import { readFacts } from '../rules/facts-read.js';

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A question outside any group, in the form's order. */
interface Question {
  field: Obj;
  path: string;
  pointer: string;
}

/** Why the answer of `from` cannot be copied into `to` as it is, or '' when it can. */
function mismatch(procedure: Obj, data: unknown, from: Obj, to: Obj, base: [unknown, unknown]) {
  const [fromBase, toBase] = base;
  if (from['widget'] !== to['widget'] || to['widget'] === 'file') return 'widget';
  const schemaOf = (f: Obj, b: unknown) =>
    typeof f['field'] === 'string' ? resolveFieldPath(data, b, f['field']) : undefined;
  const fromSchema = schemaOf(from, fromBase);
  const toSchema = schemaOf(to, toBase);
  const types = (s: unknown) => JSON.stringify(declaredTypes(data, s)?.sort() ?? null);
  if (types(fromSchema) !== types(toSchema)) return 'type';
  // Every value the source lets the citizen choose must be one this question offers.
  const fromChoices = choicesOf(procedure, from);
  const toChoices = choicesOf(procedure, to);
  if (
    from['optionList'] !== to['optionList'] ||
    (fromChoices && toChoices && fromChoices.some((v) => !toChoices.includes(v)))
  )
    return 'options';
  if (to['widget'] !== 'group') return '';
  // A group's items are copied whole: the same members, each of the same shape.
  const members = (f: Obj) => arr(f['fields']).filter(isObject);
  const theirs = members(from);
  const mine = members(to);
  const item = (s: unknown) => (isObject(s) && isObject(s['items']) ? s['items'] : s);
  if (
    theirs.length !== mine.length ||
    mine.some((m) => {
      const other = theirs.find((t) => t['field'] === m['field']);
      return !other || mismatch(procedure, data, other, m, [item(fromSchema), item(toSchema)]);
    })
  )
    return 'members';
  return '';
}

/**
 * `wellFormed`: the meta-schema accepted the file, so the form's own planner (orderSteps, the
 * one the form builds its pages from) can order the questions: eligibility steps first, and the
 * questions the eligibility rules read moved to a first page when there is no such step. A file
 * it refused is checked in the order written (its other problems come first anyway).
 */
export function checkCopySources(procedure: Obj, problems: ProblemList, wellFormed = false): void {
  const data = procedure['data'];
  const ui = procedure['ui'];
  if (!isObject(data) || !isObject(ui)) return;
  const written: Question[] = [];
  arr(ui['steps']).forEach((s, i) => {
    if (!isObject(s)) return;
    arr(s['fields']).forEach((f, j) => {
      if (!isObject(f) || typeof f['field'] !== 'string') return;
      const pointer = `/ui/steps/${i}/fields/${j}`;
      written.push({ field: f, path: f['field'], pointer });
      arr(f['fields']).forEach((m, k) => {
        if (isObject(m) && m['copyFrom'] !== undefined)
          problems.add(
            C.copyFromInGroup,
            `${pointer}/fields/${k}/copyFrom`,
            localized('copyFromInGroup', { group: String(f['field']) }),
          );
      });
    });
  });
  // The planner keeps each question's object, so its place in the file is found by identity.
  const placed = new Map<unknown, Question>(written.map((q) => [q.field, q]));
  const questions = wellFormed
    ? orderSteps(procedure as unknown as Procedure)
        .flatMap((step) => step.fields.map((f) => placed.get(f)))
        .filter((q): q is Question => q !== undefined)
    : written;
  questions.forEach((q, index) => {
    const name = copySource(q.field);
    if (name === undefined) return;
    const at = `${q.pointer}/copyFrom${typeof q.field['copyFrom'] === 'string' ? '' : '/field'}`;
    if (wellFormed) conditionLater(procedure, questions, index, problems);
    if (name === q.path) return problems.add(C.copyFromItself, at, localized('copyFromItself'));
    const source = questions.findIndex((o) => o.path === name && o.field['widget'] !== 'file');
    if (source < 0)
      return problems.add(
        C.unknownCopySource,
        at,
        localized('unknownCopySource', {
          name,
          suggestion: closest(
            name,
            questions.filter((o) => o.field['widget'] !== 'file').map((o) => o.path),
          ),
        }),
      );
    const from = questions[source]!;
    if (source > index)
      return problems.add(
        C.copySourceLater,
        at,
        // Written above but asked after: the planner moved this question to the eligibility page.
        written.indexOf(from) < written.indexOf(q)
          ? localized('copySourceAfterEligibility', { name })
          : localizedAt('copySourceLater', { name }, { place: from.pointer }),
      );
    const reason = mismatch(procedure, data, from.field, q.field, [data, data]);
    if (reason)
      problems.add(
        C.copyShapeMismatch,
        at,
        localized(
          'copyShapeMismatch',
          { name, path: q.path },
          { vi: { reason: REASONS_VI[reason] }, en: { reason: REASONS_EN[reason] } },
        ),
      );
  });
}

/** `copy-condition-later`: the first answer the `when` of `questions[index]` reads too late. */
function conditionLater(
  procedure: Obj,
  questions: Question[],
  index: number,
  problems: ProblemList,
): void {
  const copy = questions[index]!.field['copyFrom'];
  if (!isObject(copy) || !isObject(copy['when'])) return;
  const read: string[] = [];
  // A derived fact reads the fields its string parameters name (ageInYears of a birth date).
  readFacts(
    copy['when'] as Conditions,
    (fact, params) => read.push(fact, ...Object.values(params ?? {}).map(String)),
    (procedure as unknown as Procedure).conditions,
  );
  const key = (p: string) => p.replace(/\[\]/g, '');
  for (const fact of read) {
    const later = questions.findIndex(
      (o, i) =>
        i >= index && (key(fact) === key(o.path) || key(fact).startsWith(`${key(o.path)}.`)),
    );
    if (later < 0) continue;
    const pointer = `${questions[index]!.pointer}/copyFrom/when`;
    return problems.add(
      C.copyConditionLater,
      pointer,
      later === index
        ? localized('copyConditionItself', { fact })
        : localizedAt('copyConditionLater', { fact }, { place: questions[later]!.pointer }),
    );
  }
}

const REASONS_VI: Record<string, string> = {
  widget: 'hai câu hỏi dùng widget khác nhau (hoặc là câu hỏi tải tệp, không có câu trả lời)',
  type: 'hai câu trả lời có kiểu khác nhau trong "data"',
  options: 'câu hỏi nguồn có lựa chọn mà câu hỏi này không có',
  members: 'hai nhóm không có cùng các câu hỏi thành phần',
};
const REASONS_EN: Record<string, string> = {
  widget: 'the two questions use different widgets (or one uploads files and has no answer)',
  type: 'the two answers have different types in "data"',
  options: 'the source question has options this question lacks',
  members: 'the two groups do not ask the same member questions',
};
