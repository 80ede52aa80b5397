/**
 * Texts of the rules module, Vietnamese first. Author-facing problems (a broken rule) are shown
 * to procedure authors and logged; the default eligibility reason is shown to citizens.
 */
import type { Lang, LocalizedText } from '../procedure/types.js';

export const RULE_PROBLEM = {
  malformed: 'rule-malformed',
  unknownFact: 'rule-unknown-fact',
  unknownOperator: 'rule-unknown-operator',
  badParams: 'rule-bad-params',
  runtime: 'rule-runtime-error',
  showCycle: 'rule-show-cycle',
  contradictoryRequire: 'rule-require-never-visible',
} as const;
export type RuleProblemCode = (typeof RULE_PROBLEM)[keyof typeof RULE_PROBLEM];

type Params = Record<string, string>;
type Template = (p: Params) => string;

const CATALOG: Record<RuleProblemCode, Record<Lang, Template>> = {
  'rule-malformed': {
    vi: (p) =>
      `Điều kiện của "${p['unit']}" không đúng cấu trúc: ${p['detail']}. Quy tắc này được coi là chưa xác định.`,
    en: (p) =>
      `The conditions of "${p['unit']}" are malformed: ${p['detail']}. The rule is treated as undecidable.`,
  },
  'rule-unknown-fact': {
    vi: (p) =>
      `"${p['unit']}" dùng dữ kiện "${p['fact']}" không có trong biểu mẫu. Quy tắc này được coi là chưa xác định.`,
    en: (p) =>
      `"${p['unit']}" uses the fact "${p['fact']}", which is not in the form. The rule is treated as undecidable.`,
  },
  'rule-unknown-operator': {
    vi: (p) =>
      `"${p['unit']}" dùng phép so sánh "${p['operator']}" không được hỗ trợ. Quy tắc này được coi là chưa xác định.`,
    en: (p) =>
      `"${p['unit']}" uses the unsupported operator "${p['operator']}". The rule is treated as undecidable.`,
  },
  'rule-bad-params': {
    vi: (p) =>
      `Dữ kiện "${p['fact']}" trong "${p['unit']}" cần tham số "${p['param']}" là một đường dẫn trường có trong biểu mẫu.`,
    en: (p) =>
      `The fact "${p['fact']}" in "${p['unit']}" needs the parameter "${p['param']}" to be a field path of the form.`,
  },
  'rule-runtime-error': {
    vi: (p) =>
      `Không đánh giá được "${p['unit']}": ${p['detail']}. Quy tắc này được coi là chưa xác định.`,
    en: (p) =>
      `"${p['unit']}" could not be evaluated: ${p['detail']}. The rule is treated as undecidable.`,
  },
  'rule-show-cycle': {
    vi: () =>
      'Các quy tắc hiển thị phụ thuộc vòng vào nhau nên không ổn định; kết quả hiển thị có thể chưa chính xác.',
    en: () =>
      'The show rules depend on each other in a cycle and do not settle; visibility may be wrong.',
  },
  'rule-require-never-visible': {
    vi: (p) =>
      `Quy tắc "${p['unit']}" bắt buộc "${p['target']}", nhưng điều kiện của nó mâu thuẫn với mọi quy tắc hiển thị "${p['target']}", nên trường này không bao giờ được yêu cầu.`,
    en: (p) =>
      `Rule "${p['unit']}" requires "${p['target']}", but its conditions contradict every rule that shows "${p['target']}", so it is never required.`,
  },
};

export function ruleProblemMessage(code: RuleProblemCode, params: Params): Record<Lang, string> {
  const t = CATALOG[code];
  return { vi: t.vi(params), en: t.en(params) };
}

/** Shown when an eligibility rule fails and its author gave no `reason`. */
export const DEFAULT_INELIGIBLE_REASON: LocalizedText = {
  vi: 'Bạn chưa đáp ứng một điều kiện để nộp hồ sơ thủ tục này.',
  en: 'You do not meet one of the conditions for applying.',
};
