/**
 * The built-in delivery of `<dvc-form>`: sign the payload (browser key or the page's `signer`),
 * fetch the challenge, POST with retries, and show progress, failures and the receipt. Kept as a
 * lit ReactiveController so the form only forwards to it (components/form/form.ts `deliver`).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Procedure } from '../../src/procedure/index.js';
import type { Signer } from '../../src/signing/index.js';
import type { PayloadDocument, SubmissionPayload } from '../../src/submission/index.js';
import type { UiLang } from '../base/i18n.js';
import '../receipt/receipt.js';
import { submissionMessages } from './messages.js';
import {
  SignedSubmission,
  submissionFailureMessage,
  type SignedSubmissionOptions,
  type SignedSubmissionResult,
  type SubmissionProgress,
} from './submit.js';

/** What the form tells the delivery about itself at submit time. */
export interface DeliveryContext {
  action: string;
  challengeEndpoint?: string;
  signer?: Signer;
  maxAttempts?: number;
  /**
   * The payload's documents with their bytes (`form.collectDocumentFiles()`): files without a
   * tus `url` are sent as multipart parts. Default: the payload's `documents`.
   */
  documents?: readonly (PayloadDocument & { file?: Blob })[];
  lang: UiLang;
  /** Backoff, timeout and network options (and test seams). */
  overrides?: DeliveryOptions;
}

/**
 * Tuning of the built-in delivery: backoff (`baseDelayMs`, `maxDelayMs`), per-request
 * `timeoutMs`, a `fetch` wrapper (e.g. to add a CSRF header), and test seams.
 */
export type DeliveryOptions = Partial<
  Pick<
    SignedSubmissionOptions,
    'fetch' | 'sleep' | 'random' | 'newKey' | 'baseDelayMs' | 'maxDelayMs' | 'timeoutMs'
  >
>;

/** The server's answer of the reference receiver (`201`), as far as the receipt reads it. */
export interface DossierReceipt {
  dossierCode?: string;
  receivedAt?: string;
  expectedResultDate?: string;
  /** The payment page when the dossier has a fee (docs/payments.md). */
  paymentUrl?: string;
}

export class FormDeliveryController implements ReactiveController {
  private readonly submission = new SignedSubmission();
  /** Non-null while signing or sending. */
  progress: SubmissionProgress | null = null;
  /** The sentence explaining the last failure (server problem detail or catalog text). */
  failure = '';
  /** The last successful submission. */
  result?: SignedSubmissionResult;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * The unfinished submission: its Idempotency-Key and, after an uncertain failure, its signed
   * bytes. The offline outbox keeps these to send the very same submission later.
   */
  get pending(): { idempotencyKey?: string; jws?: string } {
    const { idempotencyKey, pendingJws } = this.submission;
    return {
      ...(idempotencyKey ? { idempotencyKey } : {}),
      ...(pendingJws ? { jws: pendingJws } : {}),
    };
  }

  /** True while a submission is being signed or sent. */
  get busy(): boolean {
    return this.progress !== null;
  }

  /** Forgets a finished or failed submission (e.g. when a new procedure is loaded). */
  reset(): void {
    this.submission.reset();
    this.progress = null;
    this.failure = '';
    this.result = undefined;
    this.host.requestUpdate();
  }

  /**
   * Signs and sends; resolves with the result, rejects after setting `failure`. Calls made
   * while one is running share it (one POST).
   */
  async deliver(payload: SubmissionPayload, ctx: DeliveryContext): Promise<SignedSubmissionResult> {
    this.failure = '';
    this.progress = { phase: 'signing' };
    this.host.requestUpdate();
    try {
      const result = await this.submission.submit(payload, {
        action: ctx.action,
        ...(ctx.signer ? { signer: ctx.signer } : {}),
        ...(ctx.challengeEndpoint ? { challengeEndpoint: ctx.challengeEndpoint } : {}),
        ...(ctx.maxAttempts ? { maxAttempts: ctx.maxAttempts } : {}),
        ...(ctx.documents ? { documents: ctx.documents } : {}),
        onProgress: (p) => {
          this.progress = p;
          this.host.requestUpdate();
        },
        ...ctx.overrides,
      });
      this.result = result;
      return result;
    } catch (error) {
      const msg = submissionMessages(ctx.lang);
      // An unknown error before sending began came from signing (e.g. a custom signer).
      this.failure =
        submissionFailureMessage(error, ctx.lang) ??
        (this.progress?.phase === 'signing' ? msg.signingFailed : msg.serverFailed);
      throw error;
    } finally {
      this.progress = null;
      this.host.requestUpdate();
    }
  }

  /** Button text while busy ("Đang gửi hồ sơ…"), else undefined. */
  buttonText(lang: UiLang): string | undefined {
    if (!this.progress) return undefined;
    const msg = submissionMessages(lang);
    return this.progress.phase === 'signing' ? msg.signing : msg.sending;
  }

  /** What the live region says: the phase, or the retry progress. */
  statusText(lang: UiLang): string {
    const msg = submissionMessages(lang);
    const p = this.progress;
    if (!p) return '';
    if (p.phase === 'retrying') return msg.retrying(p.attempt, p.maxAttempts);
    return p.phase === 'signing' ? msg.signing : msg.sending;
  }

  /** The receipt of the last successful submission, or nothing. */
  renderReceipt(
    procedure: Pick<Procedure, 'title' | 'processingDays'> | undefined,
    lang: UiLang,
    bringToDesk: readonly string[] = [],
  ) {
    const r = this.result;
    if (!r) return nothing;
    const answer = (r.response ?? {}) as DossierReceipt;
    if (typeof answer.dossierCode !== 'string') return nothing;
    return html`<dvc-receipt
      part="receipt"
      lang=${lang}
      dossier-code=${answer.dossierCode}
      received-at=${answer.receivedAt ?? r.payload.submittedAt}
      expected-result-date=${answer.expectedResultDate ?? ''}
      signed-sha256=${r.signedSha256}
      fee-total=${r.payload.fee.total}
      .delivery=${r.payload.delivery}
      payment-url=${answer.paymentUrl ?? ''}
      .procedure=${procedure}
      .bringToDesk=${bringToDesk}
    ></dvc-receipt>`;
  }
}
