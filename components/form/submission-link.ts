/**
 * Submit, the payload and the hand-over to delivery (submission.ts) as a lazy chunk of the
 * one-file bundle: the Submit button is on the review page, so no one needs this code before the
 * first question is usable (issue 22 point 1; docs/performance.md). `FormLoading` loads it right
 * after the form is ready (and `settled()` waits for that). A click on Submit before it has
 * arrived waits for it, never fails for it; a chunk that cannot load is a `dvc-error` with code
 * `submit` and the form's "not sent" summary, and the next click tries to load it again.
 */
import type { DvcErrorSummary } from '../error-summary/error-summary.js';
import type { FormDeliveryController } from '../submission/form-delivery.js';
import type { SubmissionPayload } from '../../src/submission/index.js';
import { DvcErrorEvent, FORM_ERROR_CODE } from './events.js';
import type { DvcForm } from './form.js';
import type { FormSubmission } from './submission.js';
import { loadOnce } from '../base/load-once.js';

export class FormSubmissionLink {
  private flow?: FormSubmission;
  private reported = false;
  private readonly loadChunk = loadOnce(() =>
    import('./submission.js').then(({ FormSubmission }) => {
      this.flow = new FormSubmission(this.form);
      this.reported = false;
      return this.flow;
    }),
  );

  constructor(private readonly form: DvcForm) {}

  /** Signing, challenge, transport and the receipt, once their own chunk has arrived. */
  get delivery(): FormDeliveryController | undefined {
    return this.flow?.delivery;
  }

  /** Loads the submission chunk (once; again after a failed load). */
  load(): Promise<FormSubmission> {
    return this.loadChunk();
  }

  /**
   * Loads the chunk right after ready; never rejects. A failure is reported once (a `dvc-error`
   * like the other lazy parts); Submit tries again.
   */
  preload(): Promise<void> {
    return this.load().then(
      () => undefined,
      (cause: unknown) => this.report(cause),
    );
  }

  private report(cause: unknown): void {
    if (this.reported) return;
    this.reported = true;
    console.error('dvc-form: the submission code cannot be loaded', cause);
    this.form.dispatchEvent(
      new DvcErrorEvent({
        code: FORM_ERROR_CODE.submit,
        message: 'The submission code cannot be loaded',
        cause,
      }),
    );
  }

  /** Starts loading signing and transport (from the review page); see FormSubmission. */
  loadDelivery(): Promise<FormDeliveryController> {
    return this.load().then((flow) => flow.loadDelivery());
  }

  /** Submit: waits for the chunk when it has not arrived yet, then checks, builds and sends. */
  async onSubmit(): Promise<void> {
    let flow: FormSubmission;
    try {
      flow = this.flow ?? (await this.load());
    } catch (cause) {
      this.reported = false;
      this.report(cause);
      this.form.submitFailed = true;
      await this.form.updateComplete;
      this.form.renderRoot.querySelector<DvcErrorSummary>('dvc-error-summary')?.focus();
      return;
    }
    await flow.onSubmit();
  }

  /** The built-in delivery (`<dvc-form>`'s `deliver`); see FormSubmission. */
  async deliver(payload: SubmissionPayload): Promise<unknown> {
    return (this.flow ?? (await this.load())).deliver(payload);
  }
}
