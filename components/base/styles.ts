import { css } from 'lit';

/**
 * GOV.UK-style check boxes and radios: a 40 px box or circle with a 2 px border and a large tick
 * or dot, drawn on the native input (`appearance: none` + `::before`) so the input keeps its role,
 * state, keyboard behaviour and label for assistive technology. The label row is the 44 px target.
 *
 * The tick and the dot are drawn with borders, not backgrounds: Windows high contrast (forced
 * colours) repaints borders in the text colour but drops backgrounds, so a background dot would
 * vanish there. Exported for other elements that render their own check box (e.g. a declaration).
 */
export const choiceStyles = css`
  .choice {
    display: flex;
    /* The box stays beside the first line when a long option wraps. */
    align-items: flex-start;
    gap: 0.75rem;
    min-block-size: 44px;
    font-weight: 400;
    margin: 0 0 0.5rem;
    cursor: pointer;
  }
  .choice-text {
    /* Centres the first line of text on the 40 px box; keeps the row at least 44 px tall. */
    padding-block: 0.5rem;
    padding-block: calc((2.5rem - 1lh) / 2);
    overflow-wrap: anywhere;
  }
  input[type='checkbox'],
  input[type='radio'] {
    appearance: none;
    box-sizing: border-box;
    display: grid;
    place-content: center;
    flex: none;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    min-block-size: 0;
    margin: 0;
    padding: 0;
    /* --dvc-color-accent themes the box, tick and dot together (keep it ≥ 3:1, WCAG 1.4.11). */
    border: 2px solid var(--dvc-color-accent, #0b0c0c);
    border-radius: 0;
    background: var(--dvc-color-input-bg, #fff);
    color: var(--dvc-color-accent, #0b0c0c);
    cursor: pointer;
  }
  input[type='radio'] {
    border-radius: 50%;
  }
  input[type='checkbox']::before,
  input[type='radio']::before {
    content: '';
    opacity: 0;
  }
  input[type='checkbox']::before {
    /* An L turned 45°: the large GOV.UK tick. */
    box-sizing: content-box;
    inline-size: 1.25rem;
    block-size: 0.5rem;
    margin-block-start: -0.375rem;
    border: solid currentColor;
    border-width: 0 0 0.3125rem 0.3125rem;
    transform: rotate(-45deg);
  }
  input[type='radio']::before {
    inline-size: 0;
    block-size: 0;
    border: 0.625rem solid currentColor;
    border-radius: 50%;
  }
  input[type='checkbox']:checked::before,
  input[type='radio']:checked::before {
    opacity: 1;
  }
  input[type='checkbox']:focus-visible,
  input[type='radio']:focus-visible {
    /* The yellow ring alone is 1.6:1 on white: the border thickens to 4 px so focus also shows
       as a change of shape (WCAG 2.4.7, 1.4.11). */
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 0;
    border-width: 4px;
    box-shadow: none;
  }
  input[type='checkbox'][aria-invalid='true'],
  input[type='radio'][aria-invalid='true'] {
    border-color: var(--dvc-color-accent, #0b0c0c);
  }
  input[type='checkbox']:disabled,
  input[type='radio']:disabled {
    cursor: not-allowed;
  }
  @media (forced-colors: active) {
    input[type='checkbox'],
    input[type='radio'] {
      border-color: CanvasText;
    }
    input[type='checkbox']::before,
    input[type='radio']::before {
      border-color: CanvasText;
    }
    input[type='checkbox']:focus-visible,
    input[type='radio']:focus-visible {
      outline-color: Highlight;
    }
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
 * Defaults meet WCAG 2.2 AA: text colours ≥ 4.5:1 on white, 44 px targets (2.5.8 asks 24 px;
 * 44 px suits thumbs on cheap phones), a 3 px focus ring that does not rely on colour alone,
 * and sizes in rem/em so 200 % zoom reflows instead of clipping at 360 px.
 */
export const fieldStyles = css`
  ${choiceStyles}
  :host {
    display: block;
    margin-block-end: var(--dvc-field-gap, 1.5rem);
    font: inherit;
    color: var(--dvc-color-text, #1b1b1b);
    max-inline-size: 100%;
  }
  :host([hidden]) {
    display: none;
  }
  label,
  legend {
    display: block;
    font-weight: 700;
    margin-block-end: 0.25rem;
    overflow-wrap: anywhere;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
  }
  .hint {
    display: block;
    color: var(--dvc-color-hint, #505a5f);
    margin-block-end: 0.25rem;
  }
  .badge {
    display: inline-block;
    margin-block-end: 0.25rem;
    padding: 0 0.375rem;
    border: 1px solid currentColor;
    border-radius: var(--dvc-radius, 0);
    color: var(--dvc-color-prefilled, #00584a);
    font-size: 0.875em;
  }
  .error {
    display: block;
    color: var(--dvc-color-error, #b3261e);
    font-weight: 700;
    margin-block-end: 0.25rem;
  }
  :host(:state(invalid)) {
    border-inline-start: 4px solid var(--dvc-color-error, #b3261e);
    padding-inline-start: 0.75rem;
  }
  /* Where CustomStateSet is missing (components/base/custom-state.ts); a rule of its own, as a
     selector list with an unknown :state() would drop both. */
  :host([data-dvc-invalid]) {
    border-inline-start: 4px solid var(--dvc-color-error, #b3261e);
    padding-inline-start: 0.75rem;
  }
  input,
  select,
  textarea {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 44px;
    padding: 0.5rem;
    font: inherit;
    border: 2px solid var(--dvc-color-border, #0b0c0c);
    border-radius: var(--dvc-radius, 0);
    background: var(--dvc-color-input-bg, #fff);
    color: inherit;
  }
  textarea {
    min-block-size: 6em;
    resize: vertical;
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
    box-sizing: border-box;
    min-block-size: 44px;
    min-inline-size: 44px;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: var(--dvc-color-button-text, #0b0c0c);
    background: var(--dvc-color-button-bg, #f3f2f1);
    border: 2px solid var(--dvc-color-border, #0b0c0c);
    border-radius: var(--dvc-radius, 0);
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px currentColor;
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
  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
