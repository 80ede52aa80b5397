/**
 * The stylesheet of the server-rendered first page (src/first-page): the rules `<dvc-form>` and
 * its fields apply to the same elements (components/form/form.styles.ts, components/base/
 * styles.ts), written for the page's light DOM with the same custom properties, so the first
 * question does not move when the element takes over. Every selector is under `dvc-form` and
 * the `dvc-fp-` classes, and wins over a site's own `label`, `input` or `h2` rules.
 *
 * A string, not a file, so the engine serves it with no DOM and no bundler: the demo receiver
 * at `/dvc-first-page.<hash>.css` (named by its content), `dvc-forms first-page` beside the fragment it writes. Linked, never
 * inlined: a strict CSP refuses inline styles.
 */
export const FIRST_PAGE_CSS = `/* dvc-forms: the server-rendered first page inside <dvc-form> (README, "Serve the first page"). */
dvc-form {
  display: block;
  max-width: var(--dvc-max-width, 40rem);
  color: var(--dvc-color-text, #1b1b1b);
  background: var(--dvc-color-bg, #fff);
  line-height: 1.5;
  overflow-wrap: anywhere;
}
dvc-form .dvc-first-page p {
  margin: 0 0 1rem;
}
dvc-form .dvc-first-page .dvc-fp-progress {
  color: var(--dvc-color-hint, #505a5f);
  margin-block-end: 0.25rem;
}
dvc-form .dvc-first-page h2.dvc-fp-heading {
  font-size: var(--dvc-font-size-heading, 1.5rem);
  font-weight: 700;
  line-height: 1.25;
  margin: 0 0 var(--dvc-space-l, 1.5rem);
}
dvc-form .dvc-first-page .dvc-fp-field {
  display: block;
  margin: 0 0 var(--dvc-field-gap, 1.5rem);
  max-inline-size: 100%;
}
dvc-form .dvc-first-page label,
dvc-form .dvc-first-page legend {
  display: block;
  font-weight: 700;
  margin: 0 0 0.25rem;
  padding: 0;
  overflow-wrap: anywhere;
}
dvc-form .dvc-first-page fieldset {
  margin: 0;
  padding: 0;
  border: 0;
  min-inline-size: 0;
}
dvc-form .dvc-first-page .dvc-fp-hint {
  display: block;
  color: var(--dvc-color-hint, #505a5f);
  margin-block-end: 0.25rem;
}
dvc-form .dvc-first-page input,
dvc-form .dvc-first-page select,
dvc-form .dvc-first-page textarea {
  box-sizing: border-box;
  inline-size: 100%;
  max-inline-size: none;
  min-block-size: 44px;
  margin: 0;
  padding: 0.5rem;
  font: inherit;
  border: 2px solid var(--dvc-color-border, #0b0c0c);
  border-radius: var(--dvc-radius, 0);
  background: var(--dvc-color-input-bg, #fff);
  color: inherit;
}
dvc-form .dvc-first-page textarea {
  min-block-size: 6em;
  resize: vertical;
}
dvc-form .dvc-first-page .dvc-fp-choice {
  display: flex;
  align-items: flex-start;
  gap: 0.75rem;
  min-block-size: 44px;
  font-weight: 400;
  margin: 0 0 0.5rem;
  cursor: pointer;
}
dvc-form .dvc-first-page .dvc-fp-choice-text {
  padding-block: 0.5rem;
  padding-block: calc((2.5rem - 1lh) / 2);
  overflow-wrap: anywhere;
}
dvc-form .dvc-first-page input[type='checkbox'],
dvc-form .dvc-first-page input[type='radio'] {
  appearance: none;
  display: grid;
  place-content: center;
  flex: none;
  inline-size: 2.5rem;
  block-size: 2.5rem;
  min-block-size: 0;
  margin: 0;
  padding: 0;
  border: 2px solid var(--dvc-color-accent, #0b0c0c);
  border-radius: 0;
  background: var(--dvc-color-input-bg, #fff);
  color: var(--dvc-color-accent, #0b0c0c);
  cursor: pointer;
}
dvc-form .dvc-first-page input[type='radio'] {
  border-radius: 50%;
}
dvc-form .dvc-first-page input[type='checkbox']::before,
dvc-form .dvc-first-page input[type='radio']::before {
  content: '';
  opacity: 0;
}
dvc-form .dvc-first-page input[type='checkbox']::before {
  box-sizing: content-box;
  inline-size: 1.25rem;
  block-size: 0.5rem;
  margin-block-start: -0.375rem;
  border: solid currentColor;
  border-width: 0 0 0.3125rem 0.3125rem;
  transform: rotate(-45deg);
}
dvc-form .dvc-first-page input[type='radio']::before {
  inline-size: 0;
  block-size: 0;
  border: 0.625rem solid currentColor;
  border-radius: 50%;
}
dvc-form .dvc-first-page input:checked::before {
  opacity: 1;
}
dvc-form .dvc-first-page :focus-visible {
  outline: 3px solid var(--dvc-color-focus, #ffbf47);
  outline-offset: 0;
  box-shadow: inset 0 0 0 2px currentColor;
}
dvc-form .dvc-first-page input[type='checkbox']:focus-visible,
dvc-form .dvc-first-page input[type='radio']:focus-visible {
  border-width: 4px;
  box-shadow: none;
}
dvc-form .dvc-first-page p.dvc-fp-status {
  margin: var(--dvc-space-l, 1.5rem) 0 0;
  padding: 0.5rem 0.75rem;
  border-inline-start: 4px solid var(--dvc-color-notice, #1d70b8);
  background: var(--dvc-color-secondary, #f3f2f1);
}
@media (forced-colors: active) {
  dvc-form .dvc-first-page input[type='checkbox'],
  dvc-form .dvc-first-page input[type='radio'],
  dvc-form .dvc-first-page input::before {
    border-color: CanvasText;
  }
  dvc-form .dvc-first-page :focus-visible {
    outline-color: Highlight;
  }
}
`;
