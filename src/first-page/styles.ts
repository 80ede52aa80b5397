import { choiceLook, FIELD_BOX, fieldLook, type LookScope } from '../look.js';

/**
 * The stylesheet of the server-rendered first page (src/first-page): the rules `<dvc-form>` and
 * its fields apply to the same elements, for the page's light DOM with the same custom
 * properties, so the first question does not move when the element takes over. The fields' look
 * is src/look.ts's, which the elements use too (components/base/styles.ts): written once. What is
 * here besides is the form's frame (components/form/form.styles.ts: width, progress line,
 * heading), the notice that stands for Continue, and resets of what a site's own rules may set
 * on `label`, `input`, `h2` or `p` (margins, padding, widths). Every selector is under
 * `dvc-form` and the `dvc-fp-` classes, and wins over a site's own element rules.
 *
 * A string, not a file, so the engine serves it with no DOM and no bundler: the demo receiver
 * at `/dvc-first-page.<hash>.css` (named by its content), `dvc-forms first-page` beside the fragment it writes. Linked, never
 * inlined: a strict CSP refuses inline styles.
 */
/** The first page's scope of the shared look: under `dvc-form .dvc-first-page`, `dvc-fp-` classes. */
const AT = 'dvc-form .dvc-first-page ';
const PLAIN_SCOPE: LookScope = { at: AT, cls: (name) => `${AT}.dvc-fp-${name}` };

export const FIRST_PAGE_CSS = `/* dvc-forms: the server-rendered first page inside <dvc-form> (README, "Serve the first page"). */
dvc-form {
  display: block;
  max-width: var(--dvc-max-width, 40em);
  color: var(--dvc-color-text, #1b1b1b);
  background: var(--dvc-color-bg, #fff);
  line-height: 1.5;
  overflow-wrap: anywhere;
  text-align: start;
  text-indent: 0;
  text-transform: none;
  letter-spacing: normal;
  word-spacing: normal;
}
dvc-form .dvc-first-page p {
  margin: 0 0 1em;
}
dvc-form .dvc-first-page .dvc-fp-progress {
  color: var(--dvc-color-hint, #505a5f);
  margin-block-end: 0.25em;
}
dvc-form .dvc-first-page h2.dvc-fp-heading {
  font-size: var(--dvc-font-size-heading, 1.5em);
  font-weight: 700;
  line-height: 1.25;
  margin: 0 0 var(--dvc-space-l, 1em);
}
dvc-form .dvc-first-page .dvc-fp-field {
  margin: 0;
}
dvc-form .dvc-first-page label,
dvc-form .dvc-first-page legend {
  margin: 0;
  padding: 0;
}
dvc-form .dvc-first-page input,
dvc-form .dvc-first-page select,
dvc-form .dvc-first-page textarea {
  margin: 0;
  max-inline-size: none;
}
dvc-form .dvc-first-page p.dvc-fp-status {
  margin: var(--dvc-space-l, 1.5em) 0 0;
  padding: 0.5em 0.75em;
  border-inline-start: 4px solid var(--dvc-color-notice, #1d70b8);
  background: var(--dvc-color-secondary, #f3f2f1);
}
/* The fields' look, shared with the elements (src/look.ts). */
${AT}.dvc-fp-field{${FIELD_BOX}}
${fieldLook(PLAIN_SCOPE)}
${choiceLook(PLAIN_SCOPE)}
`;
