import { css } from 'lit';

/**
 * The one stylesheet every field adopts. lit turns a `css` result into a single constructed
 * CSSStyleSheet shared by all instances, so 1,000 fields cost one stylesheet, not 1,000.
 *
 * Defaults meet WCAG 2.2 AA: text colours ≥ 4.5:1 on white, 44 px targets (2.5.8 asks 24 px;
 * 44 px suits thumbs on cheap phones), a 3 px focus ring that does not rely on colour alone,
 * and sizes in rem/em so 200 % zoom reflows instead of clipping at 360 px.
 */
export const fieldStyles = css`
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
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.75rem;
    block-size: 1.75rem;
    min-block-size: 0;
    margin: 0;
    flex: none;
    accent-color: var(--dvc-color-accent, #0b0c0c);
  }
  [aria-invalid='true'] {
    border-color: var(--dvc-color-error, #b3261e);
  }
  :disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input[readonly],
  textarea[readonly] {
    background: var(--dvc-color-readonly-bg, #f3f2f1);
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 44px;
    font-weight: 400;
    margin: 0;
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
