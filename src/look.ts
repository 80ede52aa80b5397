/**
 * The look the form's fields (components/base/styles.ts, in their shadow roots) and the
 * server-rendered first page (src/first-page/styles.ts, in the page's light DOM) share, written
 * once: the plain page must look exactly like the elements, so that nothing moves when the form
 * takes it over, and two copies would drift. src/ cannot import components/, so it lives here
 * as plain CSS text; the elements wrap it with lit's `unsafeCSS` (our own constant CSS, never
 * author text) and the first page's stylesheet uses it as it is.
 *
 * Each function returns the rules for one scope: `at` goes before every element selector (the
 * first page's `dvc-form .dvc-first-page `, nothing in a shadow root) and `cls` names a class
 * (`choice` is `.choice` in the elements, `.dvc-fp-choice` on the plain page). No comments or
 * indentation in the strings: they are shipped as they are, in the core bundle.
 *
 * Defaults meet WCAG 2.2 AA: text ≥ 4.5:1 on white, 44 px targets (2.5.8 asks 24 px; 44 px suits
 * thumbs on cheap phones), a 3 px focus ring that does not rely on colour alone, sizes in em
 * so 200 % zoom reflows instead of clipping at 360 px. em, not rem: the form's text is the page's
 * (`font: inherit`), and many CMS themes shrink the root (Bootstrap 3's `html{font-size:10px}`,
 * `62.5%`) and set the text size on `body`; rem sizes then shrank boxes, spacing and the heading
 * to 10 px units, a heading smaller than the text it heads (docs/compatibility.md, host pages).
 */

/** How a scope names its selectors. */
export interface LookScope {
  /** Put before every element selector (with its trailing space), e.g. `dvc-form .page `. */
  at: string;
  /** The selector of a class of the look (`choice`, `choice-text`, `hint`). */
  cls: (name: string) => string;
}

/** In a shadow root: the elements' own class names. */
export const SHADOW_SCOPE: LookScope = { at: '', cls: (name) => `.${name}` };

/**
 * GOV.UK-style check boxes and radios: a 40 px box or circle with a 2 px border and a large tick
 * or dot, drawn on the native input (`appearance: none` + `::before`) so the input keeps its role,
 * state, keyboard behaviour and label for assistive technology. Only a checked input has the
 * `::before`, centred by absolute position: a hidden one on every choice, centred in a grid,
 * looked the same to the pixel and cost ≈ 30 % more style and layout per radio question
 * (docs/performance.md, round 9). The label row (`choice`, its box beside the first line when a
 * long option wraps) is the 44 px target; `choice-text` centres the first line on the box. The
 * tick and the dot are borders, not backgrounds: forced colours (Windows high contrast) repaint
 * borders and drop backgrounds. `--dvc-color-accent` themes box, tick and dot together (keep it
 * ≥ 3:1, WCAG 1.4.11). Focused, the yellow ring alone is 1.6:1 on white, so the border thickens
 * to 4 px: focus also shows as a change of shape (2.4.7, 1.4.11).
 */
export function choiceLook({ at, cls }: LookScope): string {
  const box = `${at}input[type='checkbox']`;
  const dot = `${at}input[type='radio']`;
  return (
    `${cls('choice')}{display:flex;align-items:flex-start;gap:0.75em;min-block-size:44px;font-weight:400;margin:0 0 0.5em;cursor:pointer}` +
    `${cls('choice-text')}{padding-block:0.5em;padding-block:calc((2.5em - 1lh) / 2);overflow-wrap:anywhere}` +
    `${box},${dot}{appearance:none;box-sizing:border-box;position:relative;flex:none;inline-size:2.5em;block-size:2.5em;min-block-size:0;margin:0;padding:0;border:2px solid var(--dvc-color-accent, #0b0c0c);border-radius:0;background:var(--dvc-color-input-bg, #fff);color:var(--dvc-color-accent, #0b0c0c);cursor:pointer}` +
    `${dot}{border-radius:50%}` +
    `${box}:checked::before,${dot}:checked::before{content:'';position:absolute;inset:0;margin:auto}` +
    `${box}:checked::before{box-sizing:content-box;inline-size:1.25em;block-size:0.5em;inset-block-start:-0.375em;border:solid currentColor;border-width:0 0 0.3125em 0.3125em;transform:rotate(-45deg)}` +
    `${dot}:checked::before{inline-size:0;block-size:0;border:0.625em solid currentColor;border-radius:50%}` +
    `${box}:focus-visible,${dot}:focus-visible{outline:3px solid var(--dvc-color-focus, #ffbf47);outline-offset:0;border-width:4px;box-shadow:none}` +
    `@media (forced-colors: active){${box},${dot},${box}:checked::before,${dot}:checked::before{border-color:CanvasText}${box}:focus-visible,${dot}:focus-visible{outline-color:Highlight}}`
  );
}

/**
 * A question's label (or legend), hint, fieldset and text boxes (input, select, textarea), and
 * the focus ring of every control: the field's own rules, not its host's (the elements' `:host`,
 * the plain page's `.dvc-fp-field`, share `FIELD_BOX`).
 */
export function fieldLook({ at, cls }: LookScope): string {
  return (
    `${at}label,${at}legend{display:block;font-weight:700;margin-block-end:0.25em;overflow-wrap:anywhere}` +
    `${at}fieldset{margin:0;padding:0;border:0;min-inline-size:0}` +
    `${at}legend{padding:0}` +
    `${cls('hint')}{display:block;color:var(--dvc-color-hint, #505a5f);margin-block-end:0.25em}` +
    `${at}input,${at}select,${at}textarea{box-sizing:border-box;inline-size:100%;min-block-size:44px;padding:0.5em;font:inherit;border:2px solid var(--dvc-color-border, #0b0c0c);border-radius:var(--dvc-radius, 0);background:var(--dvc-color-input-bg, #fff);color:inherit}` +
    `${at}textarea{min-block-size:6em;resize:vertical}` +
    `${at}:focus-visible{outline:3px solid var(--dvc-color-focus, #ffbf47);outline-offset:0;box-shadow:inset 0 0 0 2px currentColor}` +
    `@media (forced-colors: active){${at}:focus-visible{outline-color:Highlight}}`
  );
}

/** A question's own box: the elements' `:host`, the plain page's `.dvc-fp-field`. */
export const FIELD_BOX =
  'display:block;margin-block-end:var(--dvc-field-gap, 1.5em);max-inline-size:100%';

/**
 * A field's own buttons (a date's calendar button, a repeat group's, an upload's): a 44 px
 * target with the field's border. Declarations only: the elements' `button`, the light first
 * page's placeholders (components/form/light-questions.ts) under their own selector.
 */
export const FIELD_BUTTON =
  'box-sizing:border-box;min-block-size:44px;min-inline-size:44px;padding:0.5em 0.75em;font:inherit;color:var(--dvc-color-button-text, #0b0c0c);background:var(--dvc-color-button-bg, #f3f2f1);border:2px solid var(--dvc-color-border, #0b0c0c);border-radius:var(--dvc-radius, 0);cursor:pointer';

/** A date's text box and calendar button in one row (`row`), and the button's icon. */
export function dateRowLook({ at, cls }: LookScope): string {
  const row = cls('row');
  return (
    `${row}{display:flex;gap:0.5em;max-inline-size:20em}` +
    `${row} input{flex:1 1 auto;min-inline-size:0}` +
    `${row} button{flex:none;padding:0.5em}` +
    `${at}svg{inline-size:1.5em;block-size:1.5em;vertical-align:middle;fill:currentColor}`
  );
}
