import { css } from 'lit';

export const deliveryChoiceStyles = css`
  :host {
    display: block;
    color: var(--dvc-color-text, #1b1b1b);
  }
  h3 {
    margin-block: 0 0.75rem;
  }
  .post {
    border-inline-start: 0.3rem solid var(--dvc-color-border, #b1b4b6);
    padding-inline-start: 1rem;
    margin-block-end: 1rem;
  }
  .money {
    margin-block: 0.5rem;
  }
`;
