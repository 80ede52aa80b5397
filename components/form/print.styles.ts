import { css } from 'lit';

/**
 * The form printed (a citizen prints the review page to keep or to check with someone): the
 * answers and the declaration on paper, without the buttons and "Change" links, which do
 * nothing there, nor the drafts' question and notices (about keeping the application on this
 * device: nothing to do on paper), and in black on white. In the review pages' chunk, adopted when it arrives
 * (review-page.ts): the question pages are rarely printed, and the core pays no byte for it.
 */
export const formPrintStyles = css`
  @media print {
    :host {
      max-width: none;
      color: #000;
      background: #fff;
    }
    button,
    .buttons,
    .action,
    .draft-notices,
    .draft-kept,
    [part~='change-link'] {
      display: none !important;
    }
    .review-section,
    .row,
    .declaration {
      break-inside: avoid;
    }
  }
`;

/** Adds `formPrintStyles` to the form's shadow root once (where constructed sheets exist). */
export function adoptPrintStyles(root: ShadowRoot | null): void {
  const sheet = formPrintStyles.styleSheet;
  if (!root || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
