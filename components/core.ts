// The elements every form page needs: the form, its fields and the error summary. Both
// entries start from here: components/index.ts (npm, every element static) and
// components/bundle.ts (dist/dvc-forms.min.js, rarely used elements in lazy chunks).
export { DvcChangeEvent, type DvcChangeDetail } from './base/events.js';
export { DvcFieldElement, type FieldValidity } from './base/field-element.js';
export type { FieldOptionItem } from './base/options.js';
export type { UiLang } from './base/i18n.js';
export { DvcTextField } from './text-field/text-field.js';
export { DvcTextareaField } from './textarea-field/textarea-field.js';
export { DvcNumberField } from './number-field/number-field.js';
export { DvcDateField } from './date-field/date-field.js';
export { DvcSelectField } from './select-field/select-field.js';
export { DvcRadioGroup } from './radio-group/radio-group.js';
export { DvcCheckboxField, DvcCheckboxGroup } from './checkbox-field/checkbox-field.js';
export { DvcIdNumberField } from './id-number-field/id-number-field.js';
export { DvcPhoneField } from './phone-field/phone-field.js';
export { DvcEmailField } from './email-field/email-field.js';
export {
  DvcErrorSummary,
  DvcErrorSelectEvent,
  type ErrorSummaryItem,
} from './error-summary/error-summary.js';
export { DvcForm, type Submitter } from './form/form.js';
export { provideCompiled } from './form/provide.js';
export {
  DvcStepChangeEvent,
  DvcEligibilityEvent,
  DvcInvalidEvent,
  DvcSubmitEvent,
  DvcSubmittedEvent,
  DvcErrorEvent,
  FORM_ERROR_CODE,
  PAGE_KIND,
  type SubmissionPayload,
} from './form/events.js';
// The address field and the repeat group are not here: the bundle loads them when a form (or
// the page) uses them (components/form/lazy-widgets.ts, lazy-elements.ts); the npm entry
// (components/index.ts) exports their classes.
export type { AddressValue } from './address-field/address-field.js';
export type { RepeatFieldSpec, RepeatItem } from './repeat-group/repeat-group.js';
