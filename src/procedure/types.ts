/**
 * The procedure definition format, version 1 — the product's central contract.
 *
 * These types mirror `schemas/procedure.schema.json`; a test fails when the two drift apart.
 * Everything an author writes is untrusted text: components escape it, links go through an
 * allow-list, and the loader rejects prototype-pollution keys, unsafe patterns and deep nesting.
 */

/** The interface languages. Vietnamese is required everywhere, English optional. */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Text shown to people: Vietnamese required, English optional (falls back to Vietnamese). */
export interface LocalizedText {
  vi: string;
  en?: string;
}

/** Service kinds of Decree 42/2022/NĐ-CP Art. 11(1). */
export const SERVICE_KIND = {
  /** DVCTT toàn trình: the whole process online. */
  fullOnline: 'toan-trinh',
  /** DVCTT một phần: anything that is not full-online. */
  partialOnline: 'mot-phan',
} as const;
export type ServiceKind = (typeof SERVICE_KIND)[keyof typeof SERVICE_KIND];

export const RESULT_DELIVERY = {
  online: 'online',
  post: 'post',
  inPerson: 'in-person',
} as const;
export type ResultDelivery = (typeof RESULT_DELIVERY)[keyof typeof RESULT_DELIVERY];

export interface LegalReference {
  /** Citation, e.g. "Luật Hộ tịch 60/2014/QH13, Điều 16". */
  title: LocalizedText;
  /** https link; only hosts on the link allow-list are rendered as links. */
  url?: string;
}

/**
 * A field path: dot-separated property names from the root of `data`
 * (e.g. `child.birthDate`). Items of a repeatable group are addressed as
 * `siblings[].fullName` in `ui` and rules that apply to each item.
 */
export type FieldPath = string;

/**
 * The applicant's answers as a JSON Schema 2020-12 (an object schema). Only local `$ref`s
 * (`#/$defs/...`) are allowed. Vietnamese formats: see `VN_FORMATS` in src/validation.
 */
export type DataSchema = JsonSchema & { type: 'object' };

/** A JSON Schema 2020-12 document or sub-schema (kept open: ajv checks it). */
export interface JsonSchema {
  [keyword: string]: unknown;
}

export const WIDGETS = [
  'text',
  'textarea',
  'number',
  'date',
  'select',
  'radio',
  'checkbox',
  'address',
  'id-number',
  'phone',
  'email',
  'group',
  'file',
] as const;
export type Widget = (typeof WIDGETS)[number];

export interface FieldOption {
  /** The value stored in the answers; must be one of the schema's `enum`/`const` values. */
  value: string | number | boolean;
  label: LocalizedText;
}

/** (1.1) A shared option list (`Procedure.optionLists`). */
export interface OptionList {
  /** Where the list comes from (a legal text or a catalogue), for authors and clerks. */
  source?: LegalReference;
  /** The options, values unique. */
  options: FieldOption[];
}

export interface FieldUi {
  /** Path of the answer in `data`; inside a group, relative to the group's item. */
  field: FieldPath;
  widget: Widget;
  label: LocalizedText;
  hint?: LocalizedText;
  placeholder?: LocalizedText;
  /** HTML autocomplete token, e.g. "name", "tel", "bday". */
  autocomplete?: string;
  inputmode?: 'none' | 'text' | 'decimal' | 'numeric' | 'tel' | 'search' | 'email' | 'url';
  /** Labels for the values of an enum (select, radio, checkbox group). */
  options?: FieldOption[];
  /**
   * Format 1.1: the options come from a shared list instead — an id of the procedure's
   * `optionLists` or a list dvc-forms ships (`countries`, `ethnic-groups`, `religions`). The
   * answer must be one of the list's values (checked in the form, `check` and verify).
   */
  optionList?: string;
  /** Widget `group`: the fields of each item (paths relative to the item). */
  fields?: FieldUi[];
  /** Widget `group`: label of the "add another" button. */
  addLabel?: LocalizedText;
  /** Widget `group`: how one item is named in headings, e.g. "Người con". */
  itemLabel?: LocalizedText;
  /** Widget `file`: id of the document slot in `documents`. */
  document?: string;
  /**
   * Format 1.1: the author's own error messages for this question, by JSON Schema keyword
   * (`required`, `pattern`, `minLength`, `format`…), replacing the built-in ones in the form,
   * `check` and verify. Name the question in each (GOV.UK): "Nhập họ và tên của người mẹ".
   */
  messages?: Partial<Record<FieldMessageKeyword, LocalizedText>>;
  /**
   * Format 1.1: an earlier question (its `field`) whose answer this empty question offers to
   * reuse with one button (WCAG 2.2 SC 3.3.7 Redundant Entry): the mother's name as the
   * requester's. Same widget and shape; never inside a group; the answer is copied, not linked.
   * Format 1.2: `{ field, when }`, the offer made only while `when` holds (the requester is the
   * mother), evaluated by the rules as a fee item's `when` is.
   */
  copyFrom?: FieldPath | CopyFrom;
}

/** Format 1.2: a `copyFrom` offered only while its conditions hold. */
export interface CopyFrom {
  field: FieldPath;
  when: Conditions;
}

/** The keywords a question's own error messages may be given for (`FieldUi.messages`). */
export const FIELD_MESSAGE_KEYWORDS = [
  'required',
  'pattern',
  'minLength',
  'maxLength',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'enum',
  'const',
  'type',
  'minItems',
  'maxItems',
  'uniqueItems',
] as const;
export type FieldMessageKeyword = (typeof FIELD_MESSAGE_KEYWORDS)[number];

export interface Step {
  /** Unique id, used in URLs and history state. */
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  /** `eligibility` steps hold the questions the eligibility rules need and come first. */
  kind?: 'eligibility' | 'questions' | 'documents';
  fields: FieldUi[];
}

export interface UiSpec {
  steps: Step[];
  /** Ask one question per page instead of one step per page. */
  oneQuestionPerPage?: boolean;
}

/** Forms of a dossier document (bản chính / bản sao / bản sao có chứng thực / bản điện tử). */
export const DOCUMENT_FORM = {
  original: 'original',
  copy: 'copy',
  certifiedCopy: 'certified-copy',
  electronic: 'electronic',
} as const;
export type DocumentForm = (typeof DOCUMENT_FORM)[keyof typeof DOCUMENT_FORM];

/** One required dossier document (thành phần hồ sơ). */
export interface DocumentSpec {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  form: DocumentForm;
  copies: number;
  /** Always required; when false, a `require` rule can make it required. */
  required: boolean;
  /**
   * Accepted MIME types (SVG and HTML are never accepted). `accept`, `maxSizeBytes` and
   * `maxFiles` are required unless the document is brought to the desk (`atDesk`); code that
   * uploads reads them through {@link UploadedDocumentSpec}.
   */
  accept?: string[];
  maxSizeBytes?: number;
  maxFiles?: number;
  /**
   * (1.1) Brought to the desk (usually the original), never uploaded: listed on the receipt's
   * checklist; a submission carrying files for it is refused. Needs no upload limits.
   */
  atDesk?: boolean;
  /** (1.1) The date field asking the document's issue date: shown and required with it. */
  issueDateField?: FieldPath;
  /** (1.1) The date field asking until when the document is valid: shown and required with it. */
  validUntilField?: FieldPath;
  /** (1.1) A document not in Vietnamese needs a certified Vietnamese translation. */
  translation?: boolean;
  /** (1.1) A document issued abroad must be consular-legalised unless a treaty exempts it. */
  legalisation?: boolean;
  /** Suggest the phone camera ("environment" for documents, "user" for portraits). */
  capture?: 'user' | 'environment';
  /** Resize and re-encode a portrait photo in the browser. */
  photo?: { width: number; height: number; mimeType?: 'image/jpeg' | 'image/png' };
}

/** The upload limits, present on every document that is not brought to the desk. */
export type UploadLimitMember = 'accept' | 'maxSizeBytes' | 'maxFiles';
export const UPLOAD_LIMIT_MEMBERS = [
  'accept',
  'maxSizeBytes',
  'maxFiles',
] as const satisfies readonly UploadLimitMember[];

/** A document uploaded online (not `atDesk`): the meta-schema requires its upload limits. */
export type UploadedDocumentSpec = DocumentSpec &
  Required<Pick<DocumentSpec, UploadLimitMember>> & { atDesk?: false };

/**
 * Whether `doc` is uploaded online, with its limits: false for a document brought to the desk.
 * A loaded procedure has the limits on every other document (the meta-schema requires them);
 * they are checked here too so that the type is never a promise the value breaks.
 */
export function isUploadedDocument(doc: DocumentSpec): doc is UploadedDocumentSpec {
  return (
    doc.atDesk !== true &&
    Array.isArray(doc.accept) &&
    typeof doc.maxSizeBytes === 'number' &&
    typeof doc.maxFiles === 'number'
  );
}

/**
 * json-rules-engine conditions (https://github.com/CacheControl/json-rules-engine/blob/master/docs/rules.md).
 * A `fact` is a field path (`child.birthDate`) or a derived fact: `ageInYears` (params.field),
 * `today`, `daysBetween` (params.from, params.to; either may be "today"), `count` (params.field).
 */
export type Conditions =
  | { all: ConditionNode[]; name?: string; priority?: number }
  | { any: ConditionNode[]; name?: string; priority?: number }
  | { not: ConditionNode; name?: string; priority?: number };

export type ConditionNode =
  | Conditions
  /** Format 1.1: the procedure's named condition `condition` (top-level `conditions`). */
  | { condition: string }
  | {
      fact: string;
      operator: string;
      /** Needed by every operator but `isAnswered`/`isNotAnswered`, which ignore it. */
      value?: unknown;
      params?: Record<string, unknown>;
      path?: string;
      name?: string;
    };

export const RULE_KIND = {
  /** The conditions must hold for the applicant to be eligible; otherwise `reason` and `remedy` are shown. */
  eligibility: 'eligibility',
  /** The targets are visible only while the conditions hold. */
  show: 'show',
  /** The targets are required while the conditions hold. */
  require: 'require',
  /**
   * Format 1.1: the conditions must hold, or `field` gets the problem `message` (a cross-field
   * check: "the issue date must be before the expiry date"), in the form, `check` and verify.
   */
  check: 'check',
} as const;
export type RuleKind = (typeof RULE_KIND)[keyof typeof RULE_KIND];

export interface RuleTargets {
  /** Field paths. */
  fields?: FieldPath[];
  /** Document ids. */
  documents?: string[];
}

export interface Rule {
  id: string;
  kind: RuleKind;
  /** What the rule checks, for authors and clerks. */
  description?: LocalizedText;
  conditions: Conditions;
  /** `eligibility`: why the applicant cannot apply, in plain language. */
  reason?: LocalizedText;
  /** `eligibility`: what the applicant can do instead. */
  remedy?: LocalizedText;
  /** `show` and `require`: what the rule applies to. */
  targets?: RuleTargets;
  /** `check`: the field whose problem it is (a field path without `[]`). */
  field?: FieldPath;
  /** `check`: the problem shown at the field and in the error summary when the conditions fail. */
  message?: LocalizedText;
}

export interface FeeItem {
  id: string;
  label: LocalizedText;
  /** Amount in VND (integer, no decimals). */
  amount: number;
  /** Multiply by the number in this field (e.g. number of copies requested). */
  quantityField?: FieldPath;
  /** Charged only while these conditions hold; always charged when absent. */
  when?: Conditions;
  legalBasis?: LegalReference;
  /**
   * Format 1.1: amounts in force between dates; the entry whose `from`…`until` (inclusive, either
   * open) contains the submission date applies, else `amount`.
   */
  schedule?: FeeScheduleEntry[];
}

export interface FeeScheduleEntry {
  /** First day in force (ISO date); open when absent. */
  from?: string;
  /** Last day in force (ISO date); open when absent. */
  until?: string;
  /** Amount in VND. */
  amount: number;
}

export interface FeeReduction {
  id: string;
  label: LocalizedText;
  /** 100 = exemption (miễn), less = reduction (giảm). Exactly one of `percent` and `amount`. */
  percent?: number;
  /** Format 1.1: a fixed reduction in VND off the item's subtotal (never below 0). */
  amount?: number;
  /** Fee item ids this applies to; all items when absent. */
  items?: string[];
  when: Conditions;
  legalBasis?: LegalReference;
}

export interface FeeSpec {
  currency: 'VND';
  items: FeeItem[];
  reductions?: FeeReduction[];
}

export interface Declaration {
  /** The commitment (cam đoan) the applicant must accept before submitting. */
  text: LocalizedText;
  /**
   * (1.1) The tick-box text, e.g. "Chúng tôi đã đọc và đồng ý…" for two applicants; unset: the
   * form's built-in wording.
   */
  label?: LocalizedText;
}

/** (1.1) The author's wording of the "cannot apply" page; unset members: the built-in wording. */
export interface IneligiblePage {
  heading?: LocalizedText;
  /** The words before each remedy, e.g. "Cách khắc phục: ". */
  remedyLabel?: LocalizedText;
}

/** Personal data of the procedure (docs/privacy.md). */
export interface Privacy {
  /**
   * Answers that identify the applicant themself (field paths such as "applicant.personalId"):
   * the status look-up needs the dossier code plus one of them.
   */
  identifyingFields?: string[];
  /** Days the receiver keeps a dossier; unset: the receiver's default. */
  retentionDays?: number;
}

export interface Procedure {
  $schema?: string;
  /** 1, or 1.1 for files that use the format 1.1 features; 1.0 files keep working unchanged. */
  formatVersion: 1 | 1.1 | 1.2;
  /** National procedure code (mã TTHC), `d.dddddd`, e.g. "1.001193". */
  code: string;
  /** Version of this procedure file (semver); payloads record it. */
  version: string;
  title: LocalizedText;
  description: LocalizedText;
  agency: LocalizedText;
  legalBasis: LegalReference[];
  serviceKind: ServiceKind;
  /** Statutory processing time in working days (0 = same day). */
  processingDays: number;
  resultDelivery: ResultDelivery[];
  /**
   * Postage in đồng for returning the result by post; when absent, the agency's tariff (the
   * form's `postage` attribute and verify's `postage` option) applies.
   */
  postage?: number;
  data: DataSchema;
  ui: UiSpec;
  documents: DocumentSpec[];
  fees: FeeSpec;
  rules: Rule[];
  /**
   * Format 1.1: named conditions, referenced as `{ "condition": "<name>" }` from the conditions of
   * rules, fee items and reductions (and from each other, without loops).
   */
  conditions?: Record<string, Conditions>;
  /**
   * Format 1.1: option lists defined once and named by several questions' `optionList` (ids must
   * not be those of the shipped lists).
   */
  optionLists?: Record<string, OptionList>;
  declaration: Declaration;
  ineligible?: IneligiblePage;
  privacy?: Privacy;
}
