/**
 * Nothing moves under a finger (WCAG 2.5.2 pointer cancellation, GOV.UK "don't move things the
 * person is about to press"): a press anywhere on the page moves focus at pointer-down, so the
 * field it leaves is validated before the press ends. Had its error appeared or gone at once,
 * everything below would shift (an error line and its summary line, about 80–100 px) and the
 * release would land on something else: the browser then dispatches no click on the control
 * under the finger. This controller says whether a press may be under way and runs the work
 * that changes the layout once the press has completed.
 *
 * A press lasts from the primary pointer's `pointerdown` to the `click` it ends with (after the
 * click's own handlers and default action, so the control the person aimed at is chosen first).
 * A tap's focus change and click come after `pointerup`, so the press is not over at pointerup;
 * a press with no click (released elsewhere, right button, cancelled by a scroll) ends a moment
 * after release.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How long after release a press that ends without a click is still waited for. */
const NO_CLICK_MS = 600;

export class PointerPress implements ReactiveController {
  private pressed = false;
  private waiting: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('pointerdown', this.onDown, true);
    window.addEventListener('pointerup', this.onRelease, true);
    window.addEventListener('pointercancel', this.onRelease, true);
    window.addEventListener('click', this.onClick, true);
  }

  hostDisconnected(): void {
    window.removeEventListener('pointerdown', this.onDown, true);
    window.removeEventListener('pointerup', this.onRelease, true);
    window.removeEventListener('pointercancel', this.onRelease, true);
    window.removeEventListener('click', this.onClick, true);
    this.end();
  }

  /** Whether a press may be under way. */
  get active(): boolean {
    return this.pressed;
  }

  /** Runs `work` now, or once the press under way has completed. */
  afterPress(work: () => void): void {
    if (this.pressed) this.waiting.push(work);
    else work();
  }

  private onDown = (e: PointerEvent): void => {
    if (!e.isPrimary) return;
    this.pressed = true;
    clearTimeout(this.timer);
  };

  private onRelease = (e: PointerEvent): void => {
    if (!e.isPrimary || !this.pressed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(this.end, NO_CLICK_MS);
  };

  private onClick = (): void => {
    if (!this.pressed) return;
    clearTimeout(this.timer);
    // After this click's listeners and its default action (a radio becomes checked).
    this.timer = setTimeout(this.end, 0);
  };

  private end = (): void => {
    clearTimeout(this.timer);
    this.pressed = false;
    for (const work of this.waiting.splice(0)) work();
  };
}
