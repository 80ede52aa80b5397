import { css } from 'lit';

/**
 * Styles of `<dvc-upload>` on top of the shared field styles. The drop zone and buttons keep
 * 44 px targets; progress bars have a visible border so they read in forced-colours mode.
 */
export const uploadStyles = css`
  .requirements {
    margin: 0 0 0.5em;
    padding-inline-start: 1.25em;
    color: var(--dvc-color-hint, #505a5f);
  }
  .drop {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    padding: 1em;
    border: 2px dashed var(--dvc-color-border, #0b0c0c);
    border-radius: var(--dvc-radius, 0);
    background: var(--dvc-color-input-bg, #fff);
  }
  /* A finger cannot drag a file onto the page: on a touch screen only the buttons are offered. */
  @media (hover: none) and (pointer: coarse) {
    .drop-hint {
      display: none;
    }
  }
  .drop.over {
    border-style: solid;
    background: var(--dvc-color-drop-bg, #e8f1f8);
  }
  .chooser {
    position: relative;
  }
  /* The real input stays focusable and in the accessibility tree; its label is the button. */
  .chooser input {
    position: absolute;
    inset: 0;
    opacity: 0;
    inline-size: 100%;
    block-size: 100%;
    min-block-size: 0;
    padding: 0;
    border: 0;
    cursor: pointer;
  }
  .chooser label {
    display: inline-flex;
    align-items: center;
    box-sizing: border-box;
    min-block-size: 44px;
    margin: 0;
    padding: 0.5em 0.75em;
    font-weight: 400;
    color: var(--dvc-color-button-text, #0b0c0c);
    background: var(--dvc-color-button-bg, #f3f2f1);
    border: 2px solid var(--dvc-color-border, #0b0c0c);
    border-radius: var(--dvc-radius, 0);
  }
  .chooser input:focus-visible + label {
    outline: 3px solid var(--dvc-color-focus, #ffbf47);
    box-shadow: inset 0 0 0 2px currentColor;
  }
  .chooser input:disabled + label {
    opacity: 0.6;
  }
  .errors {
    margin: 0 0 0.5em;
    padding: 0;
    list-style: none;
  }
  .files {
    list-style: none;
    margin: 0.75em 0 0;
    padding: 0;
  }
  .file {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 0.75em;
    padding-block: 0.75em;
    border-block-end: 1px solid var(--dvc-color-border, #b1b4b6);
  }
  .thumb {
    inline-size: 4em;
    block-size: 4em;
    object-fit: cover;
    border: 1px solid var(--dvc-color-border, #b1b4b6);
  }
  .icon {
    display: grid;
    place-items: center;
    /* As wide as a thumbnail (4em of the field's text) in its own smaller text. */
    inline-size: calc(4em / 0.875);
    block-size: calc(4em / 0.875);
    font-size: 0.875em;
    font-weight: 700;
    border: 1px solid var(--dvc-color-border, #b1b4b6);
  }
  .name {
    font-weight: 700;
    overflow-wrap: anywhere;
    margin: 0;
  }
  .meta,
  .status {
    margin: 0;
    color: var(--dvc-color-hint, #505a5f);
  }
  .status.failed {
    color: var(--dvc-color-error, #b3261e);
    font-weight: 700;
  }
  progress {
    inline-size: 100%;
    block-size: 0.75em;
    border: 1px solid currentColor;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    grid-column: 1 / -1;
  }
`;
