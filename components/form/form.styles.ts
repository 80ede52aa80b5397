import { css } from 'lit';

/**
 * The form's frame. Its host takes the page's font (`font: inherit`) but not the page's centred
 * or justified text, indent, capitals or letter spacing (a CMS's `body{text-align:justify}`
 * justified every question); a reader's own text-spacing rule on every element still wins, as
 * it matches this host too.
 */
export const formStyles = css`
  :host {
    display: block;
    max-width: var(--dvc-max-width, 40em);
    color: var(--dvc-color-text, #1b1b1b);
    background: var(--dvc-color-bg, #fff);
    font: inherit;
    line-height: 1.5;
    overflow-wrap: anywhere;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    font-size: var(--dvc-font-size-heading, 1.5em);
    line-height: 1.25;
    margin: 0 0 var(--dvc-space-l, 1em);
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 2px;
  }
  h3 {
    font-size: 1.2em;
    margin: var(--dvc-space-l, 1.25em) 0 0.625em;
  }
  p {
    margin: 0 0 1em;
  }
  .status {
    padding: 1em 0;
  }
  .error-page h2 {
    color: var(--dvc-color-text, #1b1b1b);
  }
  .progress,
  .hint {
    color: var(--dvc-color-hint, #505a5f);
  }
  .progress {
    margin-block-end: 0.25em;
  }
  .assisted {
    border-inline-start: 6px solid var(--dvc-color-notice, #1d70b8);
    padding: 0.5em 1em;
    background: var(--dvc-color-secondary, #f3f2f1);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
    margin-block-start: var(--dvc-space-l, 1.5em);
  }
  button {
    min-height: 44px;
    min-width: 44px;
    padding: 0.5em 1.25em;
    font: inherit;
    font-weight: 700;
    border: 2px solid transparent;
    border-radius: var(--dvc-radius, 0);
    cursor: pointer;
  }
  button.primary {
    background: var(--dvc-color-primary, #00703c);
    color: var(--dvc-color-primary-text, #fff);
    box-shadow: 0 2px 0 #002d18;
  }
  button.secondary {
    background: var(--dvc-color-secondary, #f3f2f1);
    color: var(--dvc-color-text, #1b1b1b);
    box-shadow: 0 2px 0 #929191;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  button:focus-visible,
  a:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    outline-offset: 0;
    box-shadow: 0 0 0 5px var(--dvc-color-text, #1b1b1b);
  }
  a {
    color: var(--dvc-color-link, #1d70b8);
    text-underline-offset: 0.15em;
  }
  .checkbox {
    display: flex;
    align-items: flex-start;
    gap: 0.75em;
  }
  .checkbox input {
    flex: none;
    width: 44px;
    height: 44px;
    margin: 0;
    accent-color: var(--dvc-color-text, #1b1b1b);
  }
  .checkbox label {
    padding-block: 0.6em;
  }
  .error {
    color: var(--dvc-color-error, #b3261e);
    font-weight: 700;
  }
  /* The upload element draws its own fieldset and drop zone. */
  .document {
    margin-block-end: var(--dvc-space-l, 1.5em);
  }
  .requirements {
    margin: 0 0 0.75em;
    padding-inline-start: 1.25em;
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
  @media (prefers-reduced-motion: no-preference) {
    button {
      transition: background-color 0.1s ease-in-out;
    }
  }
`;
