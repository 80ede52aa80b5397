/** Detail of {@link DvcChangeEvent}: the field's `name` and its new, typed value. */
export interface DvcChangeDetail<T = unknown> {
  readonly name: string;
  readonly value: T;
}

/**
 * Fired by every field when its value is committed (native `change`, a picker selection,
 * normalisation on blur, a repeat-group edit). Bubbles and crosses shadow roots so `<dvc-form>`
 * can listen once at its root.
 */
export class DvcChangeEvent<T = unknown> extends Event {
  static readonly eventName = 'dvc-change' as const;
  readonly detail: DvcChangeDetail<T>;

  constructor(detail: DvcChangeDetail<T>) {
    super(DvcChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface HTMLElementEventMap {
    'dvc-change': DvcChangeEvent;
  }
}
