/**
 * The validation message catalog, Vietnamese and English (ajv-i18n has no Vietnamese, and its
 * texts are written for developers). Messages are for citizens: plain, polite, and they say what
 * to do ("Nhập …", "Chọn …"), in the style of the GOV.UK error-message guidance.
 *
 * Each entry receives the problem's params plus `label` (the field's label from the procedure's
 * `ui`, when it has one) and `action` (the verb for the widget: enter / choose / upload).
 */
import type { Lang } from '../procedure/types.js';
import { bareLabel } from './labels.js';

export { bareLabel, mentionsLabel } from './labels.js';

/**
 * The label inside a sentence, after a verb ("Nhập họ, chữ đệm và tên"): bare, with its first
 * letter in lower case unless the label starts with an acronym or a name written in capitals
 * ("CCCD", "VNeID") or with a name of two capitalised words ("Việt Nam", "Hà Nội", "Ho Chi Minh
 * City"). Here, not in labels.ts, which the core of the one-file bundle holds for the summary.
 */
export function labelInSentence(label: string): string {
  const bare = bareLabel(label);
  return /^\p{Lu}\p{Ll}/u.test(bare) && !/^\S+\s+\p{Lu}\p{Ll}/u.test(bare)
    ? bare[0]!.toLocaleLowerCase('vi') + bare.slice(1)
    : bare;
}

export interface MessageContext {
  /** The field's label in the message language, when the `ui` names the field. */
  label?: string;
  /** The widget kind: decides "Nhập" (enter), "Chọn" (choose) or "Tải lên" (upload). */
  action: 'enter' | 'choose' | 'upload';
  /** The field is a radio group or a list: one answer picked among the options. */
  choice?: boolean;
  /** The field's widget (`checkbox`, `address`, …), when the `ui` names the field. */
  widget?: string;
  /** For a part of an address (`province`, `commune`, `street`): `label` is the address's. */
  part?: string;
  [param: string]: unknown;
}

type Template = (c: MessageContext) => string;

/**
 * Longest label a choice message repeats. "Chọn Giới tính" reads well; "Chọn Trẻ có được sinh
 * ra tại Việt Nam không?" does not, and a long question in the message buries the instruction.
 */
const MAX_CHOICE_LABEL = 40;

/**
 * Whether a label cannot be repeated inside a message: a question ("… không?"), a sentence stem
 * that the options complete ("Bạn là", "Cuộc hôn nhân trước đã chấm dứt vì"), or, for a radio
 * group or list, a label too long to repeat. The message then says plainly what to do without
 * it, as GOV.UK does ("Select an answer"); it stands next to the question, and the error summary
 * names the question (components/form).
 */
function isQuestion(c: MessageContext): boolean {
  if (c.label === undefined || c.part !== undefined) return false;
  const label = bareLabel(c.label);
  if (/[?？:…]$/.test(label)) return true;
  if (/\s(là|vì|do|bởi|tại|gồm|như sau|is|are|because|as follows)$/iu.test(label)) return true;
  // "About the child’s father" names a topic, not a thing to select.
  if (/^about\s/i.test(label)) return true;
  return !!c.choice && label.length > MAX_CHOICE_LABEL;
}

/** The words for the parts of an address, used with the address's own label. */
const ADDRESS_PARTS: Record<Lang, Record<string, string>> = {
  vi: {
    province: 'tỉnh, thành phố',
    commune: 'xã, phường, đặc khu',
    street: 'số nhà, tên đường hoặc thôn, tổ dân phố',
  },
  en: {
    province: 'the province or city',
    commune: 'the commune, ward or special zone',
    street: 'the house number and street, or village',
  },
};

const capitalise = (s: string) => (s ? s[0]!.toLocaleUpperCase('vi') + s.slice(1) : s);

/** Per-language helpers used by the templates. */
const VI = {
  /** The field as the subject of a sentence ("Họ và tên phải…"). */
  subject: (c: MessageContext, fallback = 'Thông tin này') =>
    c.part !== undefined && c.label !== undefined
      ? `${capitalise(ADDRESS_PARTS.vi[c.part] ?? 'thông tin')} (${labelInSentence(c.label)})`
      : c.label === undefined
        ? fallback
        : isQuestion(c)
          ? 'Câu trả lời'
          : bareLabel(c.label),
  /** The field after a verb ("Nhập họ và tên"). */
  object: (c: MessageContext, fallback: string) =>
    c.part !== undefined && c.label !== undefined
      ? `${ADDRESS_PARTS.vi[c.part] ?? 'thông tin'} cho ${labelInSentence(c.label)}`
      : c.label === undefined
        ? fallback
        : labelInSentence(c.label),
  verb: (c: MessageContext) =>
    c.action === 'choose' ? 'Chọn' : c.action === 'upload' ? 'Tải lên' : 'Nhập',
  num: (n: unknown) =>
    typeof n === 'number' ? n.toLocaleString('vi-VN').replace(/\u00a0/g, ' ') : String(n),
};
/**
 * English labels that begin with a nation's name or adjective keep its capital inside a sentence
 * ("Vietnamese passport number"); names of two capitalised words keep theirs in both languages
 * (labelInSentence).
 */
const EN_NATION =
  /^(?:Vietnam|Vietnamese|Viet|Kinh|Lao|Laotian|Khmer|Cambodian|Thai|Chinese|Taiwanese|Japanese|Korean|English|British|French|German|Russian|American|Australian)\b/;
/** Labels that need no article: one already there, or a clause ("What the certificate is for"). */
const EN_NO_ARTICLE =
  /^(?:the|a|an|your|his|her|their|its|our|my|this|that|these|those|any|some|each|every|all|no|one|another|what|which|who|whose|where|when|why|how|whether)\s/i;

/**
 * The label after an English verb or preposition, with the article English needs ("Enter the
 * expiry date of the driving licence"). A label in Vietnamese, shown for want of an English one,
 * takes none ("Enter tổ chức").
 */
function enLabelInSentence(label: string): string {
  const bare = bareLabel(label);
  const first = bare.split(/\s/, 1)[0]!;
  if (/[\u00c0-\u1ef9]/u.test(first) || EN_NO_ARTICLE.test(bare)) return labelInSentence(bare);
  return `the ${EN_NATION.test(bare) ? bare : labelInSentence(bare)}`;
}

const EN = {
  subject: (c: MessageContext, fallback = 'This answer') =>
    c.part !== undefined && c.label !== undefined
      ? `${capitalise(ADDRESS_PARTS.en[c.part] ?? 'this part')} (${labelInSentence(c.label)})`
      : c.label === undefined
        ? fallback
        : isQuestion(c)
          ? 'The answer'
          : bareLabel(c.label),
  object: (c: MessageContext, fallback: string) =>
    c.part !== undefined && c.label !== undefined
      ? `${ADDRESS_PARTS.en[c.part] ?? 'this part'} for ${enLabelInSentence(c.label)}`
      : c.label === undefined
        ? fallback
        : enLabelInSentence(c.label),
  verb: (c: MessageContext) =>
    c.action === 'choose' ? 'Select' : c.action === 'upload' ? 'Upload' : 'Enter',
  num: (n: unknown) => (typeof n === 'number' ? n.toLocaleString('en-GB') : String(n)),
};

const vi: Record<string, Template> = {
  required: (c) => {
    if (c.widget === 'checkbox' && c.label !== undefined)
      return `Đánh dấu vào ô “${bareLabel(c.label)}” để tiếp tục`;
    if (isQuestion(c))
      return c.action === 'enter' ? 'Hãy nhập câu trả lời' : 'Hãy chọn một câu trả lời';
    const verb = c.part === 'street' ? 'Nhập' : c.part !== undefined ? 'Chọn' : VI.verb(c);
    return `${verb} ${VI.object(c, 'thông tin bắt buộc này')}`;
  },
  'dependent-required': (c) =>
    `${VI.verb(c)} ${VI.object(c, 'thông tin này')} (cần có khi đã khai ${labelInSentence(String(c.dependsOnLabel ?? c.dependsOn))})`,
  'unknown-property': (c) => `Biểu mẫu không có mục “${String(c.property)}”. Hãy bỏ thông tin này`,
  type: (c) => {
    switch (c.expected) {
      case 'number':
        return `${VI.subject(c)} phải là một số`;
      case 'integer':
        return `${VI.subject(c)} phải là một số nguyên`;
      case 'boolean':
        return isQuestion(c) || c.label === undefined
          ? 'Hãy chọn Có hoặc Không'
          : `Chọn Có hoặc Không cho “${bareLabel(c.label)}”`;
      case 'array':
        return `${VI.subject(c)} phải là một danh sách`;
      case 'object':
        return `${VI.subject(c)} phải là một nhóm thông tin`;
      case 'null':
        return `${VI.subject(c)} phải để trống`;
      default:
        return `${VI.subject(c)} phải là chữ hoặc số được gõ vào`;
    }
  },
  enum: (c) =>
    isQuestion(c)
      ? 'Hãy chọn một câu trả lời trong danh sách có sẵn'
      : `Chọn ${VI.object(c, 'một giá trị')} trong danh sách có sẵn`,
  const: (c) =>
    c.allowed === true
      ? c.label === undefined
        ? 'Đánh dấu vào ô này để tiếp tục'
        : `Đánh dấu vào ô “${bareLabel(c.label)}” để tiếp tục`
      : `${VI.subject(c)} không đúng giá trị được chấp nhận`,
  'too-short': (c) => `${VI.subject(c)} phải có ít nhất ${VI.num(c.limit)} ký tự`,
  'too-long': (c) => `${VI.subject(c)} không được dài quá ${VI.num(c.limit)} ký tự`,
  pattern: (c) => `${VI.subject(c)} chưa đúng định dạng`,
  'too-small': (c) => `${VI.subject(c)} phải từ ${VI.num(c.limit)} trở lên`,
  'too-small-exclusive': (c) => `${VI.subject(c)} phải lớn hơn ${VI.num(c.limit)}`,
  'too-large': (c) => `${VI.subject(c)} không được lớn hơn ${VI.num(c.limit)}`,
  'too-large-exclusive': (c) => `${VI.subject(c)} phải nhỏ hơn ${VI.num(c.limit)}`,
  'not-multiple': (c) => `${VI.subject(c)} phải là bội số của ${VI.num(c.multipleOf)}`,
  'too-few-items': (c) =>
    c.label
      ? `Thêm ít nhất ${VI.num(c.limit)} mục vào ${VI.object(c, '')}`
      : `Thêm ít nhất ${VI.num(c.limit)} mục`,
  'too-many-items': (c) => `${VI.subject(c)} chỉ được có tối đa ${VI.num(c.limit)} mục`,
  'duplicate-items': (c) =>
    `${VI.subject(c)} có mục ${VI.num(c.first)} và mục ${VI.num(c.second)} trùng nhau. Hãy bỏ một mục`,
  'too-few-properties': (c) => `${VI.subject(c)} cần có ít nhất ${VI.num(c.limit)} thông tin`,
  'too-many-properties': (c) => `${VI.subject(c)} chỉ được có tối đa ${VI.num(c.limit)} thông tin`,
  'one-of': (c) =>
    c.matches === 'many'
      ? `${VI.subject(c)} chỉ được khớp với một lựa chọn`
      : `${VI.subject(c)} chưa khớp với lựa chọn nào được chấp nhận`,
  'any-of': (c) => `${VI.subject(c)} chưa khớp với lựa chọn nào được chấp nhận`,
  not: (c) => `${VI.subject(c)} không được có giá trị này`,
  // Not a problem code: the summary line of a problem no question on the page owns (an anyOf
  // whose branches ask for different answers, a `not` on a group), which the page still refuses.
  // No question shows this problem, so the message says what to look at and where to turn.
  'no-question': (c) => {
    const about = c.label === undefined ? '' : ` về “${bareLabel(c.label)}”`;
    return `Các câu trả lời${about} chưa đáp ứng một yêu cầu của thủ tục, nhưng biểu mẫu không chỉ ra được câu cần sửa. Hãy xem lại các câu trả lời${about}: điền câu còn để trống, sửa câu chưa đúng. Nếu vẫn không tiếp tục được, hãy liên hệ cơ quan giải quyết hoặc nộp hồ sơ trực tiếp tại Bộ phận Một cửa`;
  },
  contains: (c) =>
    typeof c.maxContains === 'number'
      ? `${VI.subject(c)} cần có từ ${VI.num(c.minContains ?? 1)} đến ${VI.num(c.maxContains)} mục phù hợp`
      : `${VI.subject(c)} cần có ít nhất ${VI.num(c.minContains ?? 1)} mục phù hợp`,
  'property-name': (c) => `Tên mục “${String(c.property)}” không hợp lệ`,
  'not-allowed': (c) => `${VI.subject(c)} không được khai ở đây`,
  // Only hostile or broken input nests this deep: a form never produces it (see index.ts).
  'too-deep': (c) =>
    `Thông tin gửi lên lồng nhau quá ${VI.num(c.limit)} tầng nên không thể kiểm tra. Hãy điền lại biểu mẫu`,
  invalid: (c) => `${VI.subject(c)} chưa đúng. Hãy kiểm tra lại`,
  // Formats
  'format.date': (c) => `${VI.subject(c)} phải là một ngày có thật, ví dụ 15/03/2025`,
  'format.date-time': (c) => `${VI.subject(c)} phải là ngày và giờ có thật`,
  'format.time': (c) => `${VI.subject(c)} phải là giờ có thật, ví dụ 14:30`,
  'format.email': (c) =>
    `Nhập ${VI.object(c, 'địa chỉ thư điện tử')} đúng dạng, ví dụ ten@example.com`,
  'format.uri': (c) => `${VI.subject(c)} phải là một địa chỉ trang web đầy đủ, ví dụ https://…`,
  'format.vn-personal-id': (c) => {
    const s = VI.subject(c, 'Số định danh cá nhân');
    switch (c.reason) {
      case 'province':
        return `${s} không đúng: 3 chữ số đầu không phải mã nơi đăng ký khai sinh. Hãy kiểm tra lại số in trên thẻ Căn cước`;
      case 'century':
        return `${s} không đúng: chữ số thứ 4 không hợp lệ. Hãy kiểm tra lại số in trên thẻ Căn cước`;
      default:
        return `${s} phải gồm đúng 12 chữ số`;
    }
  },
  'personal-id-birth-year': (c) =>
    `${VI.subject(c, 'Số định danh cá nhân')} không khớp với năm sinh ${String(c.birthYear)}. Hãy kiểm tra lại số định danh hoặc ngày sinh`,
  'commune-not-in-province': (c) =>
    `${VI.subject(c, 'Xã, phường')} không thuộc tỉnh, thành phố đã chọn. Hãy chọn lại xã, phường hoặc tỉnh, thành phố`,
  'format.vn-cmnd': (c) => `${VI.subject(c, 'Số chứng minh nhân dân')} phải gồm 9 hoặc 12 chữ số`,
  'format.intl-phone': (c) => {
    const s = VI.subject(c, 'Số điện thoại');
    switch (c.reason) {
      case 'characters':
        return `${s} chỉ gồm dấu + và chữ số, ví dụ +44 20 7946 0958`;
      case 'country-code':
        return `${s} phải bắt đầu bằng dấu + và mã quốc gia, ví dụ +44 20 7946 0958`;
      case 'length':
        return `${s} có số chữ số không đúng với quốc gia của mã đã nhập. Hãy kiểm tra lại`;
      default:
        return `${s} không phải là số điện thoại có thật của quốc gia đó. Hãy kiểm tra lại`;
    }
  },
  'format.passport-number': (c) =>
    c.reason === 'length'
      ? `${VI.subject(c, 'Số hộ chiếu')} phải có từ 6 đến 9 ký tự, như in trên hộ chiếu`
      : `${VI.subject(c, 'Số hộ chiếu')} chỉ gồm chữ cái không dấu và chữ số, như in trên hộ chiếu, ví dụ C1234567`,
  'format.vn-mobile': (c) => {
    const s = VI.subject(c, 'Số điện thoại di động');
    return c.reason === 'prefix'
      ? `${s} có đầu số không đúng. Hãy kiểm tra lại, ví dụ 0912 345 678`
      : `${s} phải gồm 10 chữ số, ví dụ 0912 345 678`;
  },
  'format.vn-tax-code': (c) => {
    const s = VI.subject(c, 'Mã số thuế');
    return c.reason === 'checksum' || c.reason === 'province' || c.reason === 'century'
      ? `${s} không đúng. Hãy kiểm tra lại từng chữ số`
      : `${s} phải gồm 10 chữ số, 13 chữ số (dạng 0123456789-001) hoặc là số định danh cá nhân 12 chữ số`;
  },
  'format.vn-social-insurance': (c) =>
    c.reason === 'province' || c.reason === 'century'
      ? `${VI.subject(c, 'Mã số bảo hiểm xã hội')} không đúng. Hãy kiểm tra lại`
      : `${VI.subject(c, 'Mã số bảo hiểm xã hội')} phải gồm 10 chữ số, hoặc là số định danh cá nhân 12 chữ số`,
  'format.vn-postal-code': (c) => `${VI.subject(c, 'Mã bưu chính')} phải gồm 5 chữ số`,
  'format.vn-province-2025': (c) =>
    `Chọn ${VI.object(c, 'tỉnh, thành phố')} trong danh sách 34 tỉnh, thành phố hiện nay`,
  'format.vn-commune-2025': (c) =>
    `Chọn ${VI.object(c, 'xã, phường, đặc khu')} trong danh sách xã, phường, đặc khu hiện nay`,
  'format.vn-person-name': (c) =>
    `${VI.subject(c, 'Họ và tên')} chỉ được gồm chữ cái, dấu cách, dấu nháy (') hoặc gạch nối (-), không có chữ số`,
  format: (c) => `${VI.subject(c)} chưa đúng định dạng`,
};

const en: Record<string, Template> = {
  required: (c) => {
    if (c.widget === 'checkbox' && c.label !== undefined)
      return `Tick “${bareLabel(c.label)}” to continue`;
    if (isQuestion(c)) return c.action === 'enter' ? 'Enter an answer' : 'Select an answer';
    const verb = c.part === 'street' ? 'Enter' : c.part !== undefined ? 'Select' : EN.verb(c);
    return `${verb} ${EN.object(c, 'this required answer')}`;
  },
  'dependent-required': (c) =>
    `${EN.verb(c)} ${EN.object(c, 'this answer')} (needed because you gave ${enLabelInSentence(String(c.dependsOnLabel ?? c.dependsOn))})`,
  'unknown-property': (c) => `The form has no “${String(c.property)}” field. Remove this answer`,
  type: (c) => {
    switch (c.expected) {
      case 'number':
        return `${EN.subject(c)} must be a number`;
      case 'integer':
        return `${EN.subject(c)} must be a whole number`;
      case 'boolean':
        return isQuestion(c) || c.label === undefined
          ? 'Select yes or no'
          : `Select yes or no for “${bareLabel(c.label)}”`;
      case 'array':
        return `${EN.subject(c)} must be a list`;
      case 'object':
        return `${EN.subject(c)} must be a group of answers`;
      case 'null':
        return `${EN.subject(c)} must be left empty`;
      default:
        return `${EN.subject(c)} must be typed text`;
    }
  },
  enum: (c) =>
    isQuestion(c)
      ? 'Select an answer from the list'
      : `Select ${EN.object(c, 'a value')} from the list`,
  const: (c) =>
    c.allowed === true
      ? c.label === undefined
        ? 'Tick this box to continue'
        : `Tick “${bareLabel(c.label)}” to continue`
      : `${EN.subject(c)} does not have an accepted value`,
  'too-short': (c) => `${EN.subject(c)} must be ${EN.num(c.limit)} characters or more`,
  'too-long': (c) => `${EN.subject(c)} must be ${EN.num(c.limit)} characters or fewer`,
  pattern: (c) => `${EN.subject(c)} is not in the right format`,
  'too-small': (c) => `${EN.subject(c)} must be ${EN.num(c.limit)} or more`,
  'too-small-exclusive': (c) => `${EN.subject(c)} must be more than ${EN.num(c.limit)}`,
  'too-large': (c) => `${EN.subject(c)} must be ${EN.num(c.limit)} or less`,
  'too-large-exclusive': (c) => `${EN.subject(c)} must be less than ${EN.num(c.limit)}`,
  'not-multiple': (c) => `${EN.subject(c)} must be a multiple of ${EN.num(c.multipleOf)}`,
  'too-few-items': (c) =>
    c.label
      ? `Add at least ${EN.num(c.limit)} ${c.limit === 1 ? 'item' : 'items'} to ${EN.object(c, '')}`
      : `Add at least ${EN.num(c.limit)} ${c.limit === 1 ? 'item' : 'items'}`,
  'too-many-items': (c) => `${EN.subject(c)} can have at most ${EN.num(c.limit)} items`,
  'duplicate-items': (c) =>
    `${EN.subject(c)} has the same item twice (items ${EN.num(c.first)} and ${EN.num(c.second)}). Remove one of them`,
  'too-few-properties': (c) =>
    `${EN.subject(c)} needs at least ${EN.num(c.limit)} ${c.limit === 1 ? 'answer' : 'answers'}`,
  'too-many-properties': (c) => `${EN.subject(c)} can have at most ${EN.num(c.limit)} answers`,
  'one-of': (c) =>
    c.matches === 'many'
      ? `${EN.subject(c)} must match only one of the accepted options`
      : `${EN.subject(c)} does not match any accepted option`,
  'any-of': (c) => `${EN.subject(c)} does not match any accepted option`,
  not: (c) => `${EN.subject(c)} cannot have this value`,
  'no-question': (c) => {
    const about = c.label === undefined ? '' : ` about ${enLabelInSentence(c.label)}`;
    return `Your answers${about} do not meet one of the procedure's requirements, but the form cannot tell which question to change. Look over your answers${about}: fill in any left empty, correct any that is wrong. If you still cannot continue, contact the agency or apply in person at the one-stop shop (Bộ phận Một cửa)`;
  },
  contains: (c) =>
    typeof c.maxContains === 'number'
      ? `${EN.subject(c)} needs between ${EN.num(c.minContains ?? 1)} and ${EN.num(c.maxContains)} matching items`
      : `${EN.subject(c)} needs at least ${EN.num(c.minContains ?? 1)} matching ${c.minContains === 1 || c.minContains === undefined ? 'item' : 'items'}`,
  'property-name': (c) => `“${String(c.property)}” is not a valid field name`,
  'not-allowed': (c) => `${EN.subject(c)} cannot be given here`,
  'too-deep': (c) =>
    `The answers are nested more than ${EN.num(c.limit)} levels deep and cannot be checked. Fill in the form again`,
  invalid: (c) => `${EN.subject(c)} is not valid. Check it and try again`,
  'format.date': (c) => `${EN.subject(c)} must be a real date, for example 15/03/2025`,
  'format.date-time': (c) => `${EN.subject(c)} must be a real date and time`,
  'format.time': (c) => `${EN.subject(c)} must be a real time, for example 14:30`,
  'format.email': (c) =>
    `Enter ${EN.object(c, 'an email address')} in the correct format, like name@example.com`,
  'format.uri': (c) => `${EN.subject(c)} must be a full web address, like https://…`,
  'format.vn-personal-id': (c) => {
    const s = EN.subject(c, 'Personal identification number');
    switch (c.reason) {
      case 'province':
        return `${s} is not valid: the first 3 digits are not a birth-registration code. Check the number on the citizen identity card`;
      case 'century':
        return `${s} is not valid: the 4th digit is not possible. Check the number on the citizen identity card`;
      default:
        return `${s} must be exactly 12 digits`;
    }
  },
  'personal-id-birth-year': (c) =>
    `${EN.subject(c, 'Personal identification number')} does not match the year of birth ${String(c.birthYear)}. Check the number or the date of birth`,
  'commune-not-in-province': (c) =>
    `${EN.subject(c, 'The commune')} is not in the chosen province. Choose the commune or the province again`,
  'format.vn-cmnd': (c) => `${EN.subject(c, 'Old identity card number')} must be 9 or 12 digits`,
  'format.intl-phone': (c) => {
    const s = EN.subject(c, 'Phone number');
    switch (c.reason) {
      case 'characters':
        return `${s} must contain only + and digits, like +44 20 7946 0958`;
      case 'country-code':
        return `${s} must start with + and the country code, like +44 20 7946 0958`;
      case 'length':
        return `${s} has the wrong number of digits for its country. Check it`;
      default:
        return `${s} is not a real phone number of that country. Check it`;
    }
  },
  'format.passport-number': (c) =>
    c.reason === 'length'
      ? `${EN.subject(c, 'Passport number')} must be 6 to 9 characters, as printed in the passport`
      : `${EN.subject(c, 'Passport number')} must contain only letters A to Z and digits, as printed in the passport, like C1234567`,
  'format.vn-mobile': (c) => {
    const s = EN.subject(c, 'Mobile number');
    return c.reason === 'prefix'
      ? `${s} does not start with a Vietnamese mobile prefix. Check it, for example 0912 345 678`
      : `${s} must be 10 digits, like 0912 345 678`;
  },
  'format.vn-tax-code': (c) => {
    const s = EN.subject(c, 'Tax code');
    return c.reason === 'checksum' || c.reason === 'province' || c.reason === 'century'
      ? `${s} is not valid. Check each digit`
      : `${s} must be 10 digits, 13 digits (like 0123456789-001) or a 12-digit personal identification number`;
  },
  'format.vn-social-insurance': (c) =>
    c.reason === 'province' || c.reason === 'century'
      ? `${EN.subject(c, 'Social insurance number')} is not valid. Check it and try again`
      : `${EN.subject(c, 'Social insurance number')} must be 10 digits, or a 12-digit personal identification number`,
  'format.vn-postal-code': (c) => `${EN.subject(c, 'Postal code')} must be 5 digits`,
  'format.vn-province-2025': (c) =>
    `Select ${EN.object(c, 'a province or city')} from the list of the 34 current provinces and cities`,
  'format.vn-commune-2025': (c) =>
    `Select ${EN.object(c, 'a commune, ward or special zone')} from the list of current communes`,
  'format.vn-person-name': (c) =>
    `${EN.subject(c, 'Full name')} can only contain letters, spaces, apostrophes (') and hyphens (-), not digits`,
  format: (c) => `${EN.subject(c)} is not in the right format`,
};

export const MESSAGES: Record<Lang, Record<string, Template>> = { vi, en };

/** The message for `code` in `lang`; formats without their own entry use the `format` entry. */
export function message(lang: Lang, code: string, context: MessageContext): string {
  const catalog = MESSAGES[lang];
  const template =
    catalog[code] ?? (code.startsWith('format.') ? catalog.format : undefined) ?? catalog.invalid;
  return template(context);
}
