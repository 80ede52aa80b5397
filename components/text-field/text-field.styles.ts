import { css } from 'lit';

export const textFieldStyles = css`
  :host {
    display: block;
    margin-block-end: var(--dvc-field-gap, 1.5rem);
    font: inherit;
    color: var(--dvc-color-text, #1b1b1b);
  }
  label {
    display: block;
    font-weight: 700;
    margin-block-end: 0.25rem;
  }
  .hint {
    display: block;
    color: var(--dvc-color-hint, #505a5f);
    margin-block-end: 0.25rem;
  }
  .error {
    display: block;
    color: var(--dvc-color-error, #b3261e);
    font-weight: 700;
    margin-block-end: 0.25rem;
  }
  input {
    box-sizing: border-box;
    width: 100%;
    min-height: 44px;
    padding: 0.5rem;
    font: inherit;
    border: 2px solid var(--dvc-color-border, #0b0c0c);
    border-radius: var(--dvc-radius, 0);
    background: var(--dvc-color-input-bg, #fff);
    color: inherit;
  }
  input[aria-invalid='true'] {
    border-color: var(--dvc-color-error, #b3261e);
  }
  input:focus-visible {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px currentColor;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;
