import type { AuthorProblem, Problem } from '../../src/problem.js';
import type { FieldPath, LocalizedText } from '../../src/procedure/index.js';
import type { FeeResult } from '../../src/rules/index.js';
import type { SubmissionPayload } from '../../src/submission/index.js';

export type { FeeResult };

/**
 * Typed events of `<dvc-form>`. All bubble and are composed, so a host page can listen on any
 * ancestor; `dvc-submit` is cancelable. Field value changes are `dvc-change`
 * (components/base/events.ts), re-dispatched by the fields themselves.
 */

const INIT: EventInit = { bubbles: true, composed: true };

/** What kind of page the form shows. */
export const PAGE_KIND = {
  question: 'question',
  ineligible: 'ineligible',
  review: 'review',
  submitted: 'submitted',
} as const;
export type PageKind = (typeof PAGE_KIND)[keyof typeof PAGE_KIND];

export interface StepChangeDetail {
  /** Id of the page left (undefined on the first page). */
  from?: string;
  /** Id of the page shown: a step id, `<step>/<field>` in one-question-per-page mode, `review`, … */
  to: string;
  kind: PageKind;
  /** 1-based position among the pages counted by the progress text (0 when not counted). */
  index: number;
  total: number;
}

/** The form moved to another page (Continue, Back, a "Sửa" link or the browser's Back button). */
export class DvcStepChangeEvent extends Event {
  static readonly eventName = 'dvc-step-change';
  readonly detail: StepChangeDetail;
  constructor(detail: StepChangeDetail) {
    super(DvcStepChangeEvent.eventName, INIT);
    this.detail = detail;
  }
}

export interface EligibilityReason {
  rule: string;
  message: LocalizedText;
  remedy?: LocalizedText;
}

export interface EligibilityResult {
  status: 'eligible' | 'ineligible' | 'unknown';
  reasons: EligibilityReason[];
}

/** The eligibility questions were answered and the rules decided (fired after the eligibility steps). */
export class DvcEligibilityEvent extends Event {
  static readonly eventName = 'dvc-eligibility';
  readonly detail: EligibilityResult;
  constructor(detail: EligibilityResult) {
    super(DvcEligibilityEvent.eventName, INIT);
    this.detail = detail;
  }
}

export interface InvalidDetail {
  /** Id of the page that was checked (`review` for the final check). */
  page: string;
  problems: Problem[];
}

/** Continue or Submit found problems; they are shown in the error summary. */
export class DvcInvalidEvent extends Event {
  static readonly eventName = 'dvc-invalid';
  readonly detail: InvalidDetail;
  constructor(detail: InvalidDetail) {
    super(DvcInvalidEvent.eventName, INIT);
    this.detail = detail;
  }
}

/**
 * What the applicant submits: the session's `toPayload()` (src/submission `SubmissionPayload`),
 * the very object that is signed (with the challenge's nonce when there is one), verified by the
 * agency's server and stored by the receiver.
 */
export type { SubmissionPayload };

/**
 * The applicant pressed Submit and every answer is valid. Cancel it (`preventDefault()`) to
 * handle delivery yourself; otherwise the form's `submitter` (or a POST to `action`) runs.
 */
export class DvcSubmitEvent extends Event {
  static readonly eventName = 'dvc-submit';
  readonly detail: SubmissionPayload;
  constructor(detail: SubmissionPayload) {
    super(DvcSubmitEvent.eventName, { ...INIT, cancelable: true });
    this.detail = detail;
  }
}

export interface SubmittedDetail {
  payload: SubmissionPayload;
  /** Whatever the submitter returned (for the default POST: the parsed JSON body or null). */
  result: unknown;
}

/** The submission was delivered. */
export class DvcSubmittedEvent extends Event {
  static readonly eventName = 'dvc-submitted';
  readonly detail: SubmittedDetail;
  constructor(detail: SubmittedDetail) {
    super(DvcSubmittedEvent.eventName, INIT);
    this.detail = detail;
  }
}

export const FORM_ERROR_CODE = {
  /** The procedure file could not be fetched. */
  procedureFetch: 'procedure-fetch',
  /** The procedure file was fetched but is broken (see `problems`). */
  procedureInvalid: 'procedure-invalid',
  /** The validator could not be built (e.g. runtime compilation blocked by CSP). */
  validator: 'validator',
  /** The prefill URL could not be fetched or is not a JSON object. */
  prefill: 'prefill',
  /** Delivering the submission failed, or its code (a lazy chunk) could not be loaded. */
  submit: 'submit',
  /** A field element the first page needs (address, repeat group) could not be loaded. */
  elements: 'elements',
  /**
   * The form's engine (rules, validation, the session: a lazy chunk of the one-file bundle) could
   * not be loaded; Try again loads it again.
   */
  engine: 'engine',
} as const;
export type FormErrorCode = (typeof FORM_ERROR_CODE)[keyof typeof FORM_ERROR_CODE];

export interface FormErrorDetail {
  code: FormErrorCode;
  /** A technical message for developers (never shown to the applicant). */
  message: string;
  /** Author problems when the procedure file is broken. */
  problems?: AuthorProblem[];
  cause?: unknown;
}

/** Something went wrong that the applicant cannot fix: the page shows a plain message. */
export class DvcErrorEvent extends Event {
  static readonly eventName = 'dvc-error';
  readonly detail: FormErrorDetail;
  constructor(detail: FormErrorDetail) {
    super(DvcErrorEvent.eventName, INIT);
    this.detail = detail;
  }
}

/** Field paths touched by a change, as the fields report them. */
export type ChangedFields = FieldPath[];

declare global {
  interface HTMLElementEventMap {
    'dvc-step-change': DvcStepChangeEvent;
    'dvc-eligibility': DvcEligibilityEvent;
    'dvc-invalid': DvcInvalidEvent;
    'dvc-submit': DvcSubmitEvent;
    'dvc-submitted': DvcSubmittedEvent;
    'dvc-error': DvcErrorEvent;
  }
}
