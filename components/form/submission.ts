/**
 * Submission for `<dvc-form>`: Submit checks every page, the declaration and the delivery
 * choice, builds the payload from the session's decision, dispatches `dvc-submit`, then delivers
 * it (a `submitter`, or signing, challenge and transport from the lazy components/submission
 * chunk) and, when the network is gone, hands the very submission to the drafts outbox.
 */
import type { DvcErrorSummary } from '../error-summary/error-summary.js';
import type { FormDeliveryController } from '../submission/form-delivery.js';
import { DvcErrorEvent, DvcSubmitEvent, DvcSubmittedEvent, FORM_ERROR_CODE } from './events.js';
import { sha256Hex, type SubmissionPayload } from '../../src/submission/index.js';
import { DELIVERY_TARGET } from '../delivery-choice/controller.js';
import type { DvcForm } from './form.js';
import { loadedEngine } from './engine-link.js';
import { DECLARATION_ID, HELPER_ID, INELIGIBLE, REVIEW, SUBMITTED } from './journey.js';

export class FormSubmission {
  constructor(private readonly form: DvcForm) {}

  /** Signing, challenge, transport with retries, and the receipt (components/submission). */
  delivery?: FormDeliveryController;

  deliveryLoading?: Promise<FormDeliveryController>;

  /** Set from the first click on Submit until that submission is over. */
  submitInProgress = false;

  /**
   * Starts (once) loading signing, transport and the receipt: when the review page renders, so
   * the chunk is there by the time Submit is pressed, or on Submit at the latest.
   */
  loadDelivery(): Promise<FormDeliveryController> {
    this.deliveryLoading ??= import('../submission/form-delivery.js').then(
      ({ FormDeliveryController }) => {
        this.delivery = new FormDeliveryController(this.form);
        this.form.requestUpdate();
        return this.delivery;
      },
    );
    // A failed chunk load is retried on the next attempt (a click on Submit).
    this.deliveryLoading.catch(() => (this.deliveryLoading = undefined));
    return this.deliveryLoading;
  }

  async onSubmit(): Promise<void> {
    // A second click while the first is still being checked, signed or sent does nothing.
    if (this.submitInProgress) return;
    this.submitInProgress = true;
    try {
      await this.submitOnce();
    } finally {
      this.submitInProgress = false;
    }
  }

  async submitOnce(): Promise<void> {
    if (!this.form.validator || !this.form.loaded || !this.form.session || this.form.submitting)
      return;
    // The files go into the session's decision and its payload.
    this.form.session.setDocuments(this.form.collectDocuments());
    void this.form.evaluateRules();
    await this.form.settled();
    const rules = this.form.rulesResult!;
    if (rules.eligibility.status === 'ineligible') {
      await this.form.navigation.goTo(INELIGIBLE);
      return;
    }
    this.form.submitFailed = false;
    const { problems } = this.form.validate();
    const visibleFields = this.form.pages.flatMap((p) => p.fields);
    const byField = this.form.formDocuments.withDocumentProblems(
      this.form.problemsByField(problems, visibleFields),
      visibleFields,
    );
    const shown = new Map(byField);
    loadedEngine()!.addUnowned(this.form, problems, shown);
    if (!this.form.declarationAccepted) {
      shown.set(DECLARATION_ID, [
        { code: 'declaration', path: '', message: this.form.msg.declarationRequired, params: {} },
      ]);
    }
    if (this.form.assistedBy && !this.form.helperConfirmed) {
      shown.set(HELPER_ID, [
        {
          code: 'declaration',
          path: '',
          message: this.form.msg.helperDeclarationRequired,
          params: {},
        },
      ]);
    }
    const deliveryProblems = await this.form.deliveryChoice.check(
      this.form.loaded,
      this.form.uiLang,
    );
    if (deliveryProblems.length > 0) shown.set(DELIVERY_TARGET, deliveryProblems);
    this.form.shown = shown;
    if (shown.size > 0) {
      await this.form.navigation.showProblems(REVIEW, problems, [...shown.keys()]);
      return;
    }
    const delivery = await this.form.deliveryChoice.payloadValue(
      this.form.loaded,
      this.form.uiLang,
    );
    // The one payload: what the session decided, as the agency's server will decide it again.
    const payload = this.form.session.toPayload({
      procedureSha256: this.form.procedureSha256 ?? (await sha256Hex(this.form.procedureText)),
      lang: this.form.uiLang,
      ...(this.form.assistedBy
        ? {
            assistedBy: this.form.assistedBy,
            // Both boxes were ticked (checked above); the helper's statement as it was shown.
            assistance: {
              applicantConfirmed: true,
              helperConfirmed: true,
              helperStatement: this.form.msg.helperDeclarationLabel,
            },
          }
        : {}),
      ...(delivery ? { delivery } : {}),
      now: this.form.now(),
    });
    if (!this.form.dispatchEvent(new DvcSubmitEvent(payload))) return;
    this.form.submitting = true;
    this.form.submitFailed = false;
    try {
      const result = await this.form.deliverPayload(payload);
      this.form.submitting = false;
      await this.form.navigation.goTo(SUBMITTED);
      this.form.dispatchEvent(new DvcSubmittedEvent({ payload, result }));
    } catch (cause) {
      this.form.submitting = false;
      // No network: kept in the outbox and sent when the connection is back (docs/reliability.md).
      const queued =
        !this.form.submitter &&
        !!this.form.draftController &&
        (await this.form.draftController.queueIfOffline(payload, cause, {
          action: this.form.action,
          challengeEndpoint: this.form.challengeEndpoint || undefined,
          // Files without an upload endpoint wait in the outbox with it (multipart).
          documents: this.form.collectDocumentFiles(),
          // The very submission that failed: its key and, when it was sent, its signed bytes.
          submission: this.delivery?.pending ?? {},
        }));
      // The notice that says it will be sent when the network is back takes focus itself (as
      // the summary does when sending failed): the button the person pressed says nothing of
      // what happened, and the notice is no live region while it takes focus (DraftNotice).
      if (queued) return;
      this.form.submitFailed = true;
      console.error('dvc-form: the submission failed', cause);
      this.form.dispatchEvent(
        new DvcErrorEvent({
          code: FORM_ERROR_CODE.submit,
          message: 'The submission failed',
          cause,
        }),
      );
      await this.form.updateComplete;
      this.form.renderRoot.querySelector<DvcErrorSummary>('dvc-error-summary')?.focus();
    }
  }

  /**
   * The built-in delivery (`<dvc-form>`'s `deliver` unless a subclass overrides it): the
   * `submitter` when set, else the payload is signed and POSTed to `action`.
   */
  async deliver(payload: SubmissionPayload): Promise<unknown> {
    if (this.form.submitter) return this.form.submitter(payload, this.form);
    if (!this.form.action) throw new Error('dvc-form has neither a submitter nor an action');
    // Challenge, signing (this browser's key or `signer`), POST with retries: components/submission.
    const delivery = await this.loadDelivery();
    return delivery.deliver(payload, {
      action: this.form.action,
      challengeEndpoint: this.form.challengeEndpoint,
      signer: this.form.signer,
      maxAttempts: this.form.maxAttempts,
      documents: this.form.collectDocumentFiles(),
      lang: this.form.uiLang,
      // The outbox takes the Idempotency-Key and the signed bytes from the delivery's
      // submission (queueIfOffline below), so fetch is not wrapped.
      ...(this.form.deliveryOptions ? { overrides: this.form.deliveryOptions } : {}),
    });
  }
}
