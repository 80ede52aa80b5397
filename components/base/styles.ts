import { css, unsafeCSS } from 'lit';
import { choiceLook, FIELD_BOX, FIELD_BUTTON, fieldLook, SHADOW_SCOPE } from '../../src/look.js';

/**
 * GOV.UK-style check boxes and radios (src/look.ts, `choiceLook`: written once with the
 * server-rendered first page's, which must look the same). Exported for other elements that
 * render their own check box (e.g. a declaration).
 */
export const choiceStyles = css`
  ${unsafeCSS(choiceLook(SHADOW_SCOPE))}
  input[type='checkbox'][aria-invalid='true'],
  input[type='radio'][aria-invalid='true'] {
    border-color: var(--dvc-color-accent, #0b0c0c);
  }
  input[type='checkbox']:disabled,
  input[type='radio']:disabled {
    cursor: not-allowed;
  }
  @media (forced-colors: active) {
    input[type='checkbox']:disabled,
    input[type='radio']:disabled,
    input[type='checkbox']:disabled::before,
    input[type='radio']:disabled::before {
      border-color: GrayText;
    }
  }
`;

/**
 * The one stylesheet every field adopts. lit turns a `css` result into a single constructed
 * CSSStyleSheet shared by all instances, so 1,000 fields cost one stylesheet, not 1,000.
 *
 * The question's box, label, hint and text boxes and the focus ring are src/look.ts's
 * (`FIELD_BOX`, `fieldLook`), shared with the server-rendered first page; the rest (the
 * prefilled badge, errors, disabled and read-only states, buttons) is the elements' own. WCAG
 * 2.2 AA defaults: see src/look.ts.
 */
export const fieldStyles = css`
  ${choiceStyles}
  :host {
    ${unsafeCSS(FIELD_BOX)};
    font: inherit;
    color: var(--dvc-color-text, #1b1b1b);
  }
  :host([hidden]) {
    display: none;
  }
  ${unsafeCSS(fieldLook(SHADOW_SCOPE))}
  .badge {
    display: inline-block;
    margin-block-end: 0.25em;
    padding: 0 0.375em;
    border: 1px solid currentColor;
    border-radius: var(--dvc-radius, 0);
    color: var(--dvc-color-prefilled, #00584a);
    font-size: 0.875em;
  }
  .error {
    display: block;
    color: var(--dvc-color-error, #b3261e);
    font-weight: 700;
    margin-block-end: 0.25em;
  }
  :host(:state(invalid)) {
    border-inline-start: 4px solid var(--dvc-color-error, #b3261e);
    padding-inline-start: 0.75em;
  }
  /* Where CustomStateSet is missing (components/base/custom-state.ts); a rule of its own, as a
     selector list with an unknown :state() would drop both. */
  :host([data-dvc-invalid]) {
    border-inline-start: 4px solid var(--dvc-color-error, #b3261e);
    padding-inline-start: 0.75em;
  }
  [aria-invalid='true'] {
    border-color: var(--dvc-color-error, #b3261e);
  }
  /* Only native controls are dimmed. A bare :disabled would also match disabled field hosts
     (form-associated custom elements match it) inside a repeat group and dim their labels and
     hints to 2.8:1; WCAG 1.4.3 exempts inactive controls, not the text around them. */
  input:disabled,
  select:disabled,
  textarea:disabled,
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input[readonly],
  textarea[readonly] {
    background: var(--dvc-color-readonly-bg, #f3f2f1);
  }
  button {
    ${unsafeCSS(FIELD_BUTTON)};
  }
  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
