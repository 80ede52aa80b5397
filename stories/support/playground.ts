import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { loadProcedure } from '../../src/procedure/load.js';
import type { AuthorProblem } from '../../src/problem.js';
import '../../components/form/form.js';
import { samples } from './journey.js';
import { storyText, type StoryMessageKey } from './messages.js';

type SampleKey = keyof typeof samples;

/** How long typing must pause before the procedure is checked and re-rendered. */
const DEBOUNCE_MS = 400;

/**
 * Story-only element (not part of the library): a textarea for a procedure's JSON, the loader's
 * problems with line and column, and `<dvc-form>` rendering the procedure live. The form only
 * gets text the loader accepted, so a half-typed file never replaces the last good preview.
 */
@customElement('dvc-story-playground')
export class DvcStoryPlayground extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: inherit;
      color: #1b1b1b;
    }
    .layout {
      display: flex;
      flex-wrap: wrap;
      gap: 1.5rem;
    }
    .layout > section {
      flex: 1 1 20rem;
      min-inline-size: 0;
    }
    label {
      display: block;
      font-weight: 700;
      margin-block: 0.75rem 0.25rem;
    }
    .hint {
      color: #505a5f;
      margin: 0 0 0.25rem;
    }
    select,
    textarea {
      box-sizing: border-box;
      inline-size: 100%;
      min-block-size: 44px;
      font: inherit;
      border: 2px solid #0b0c0c;
      padding: 0.5rem;
    }
    textarea {
      font-family: ui-monospace, 'Cascadia Mono', Menlo, monospace;
      font-size: 0.875rem;
      min-block-size: 24rem;
    }
    :focus-visible {
      outline: 3px solid #ffbf47;
    }
    ol {
      padding-inline-start: 1.25rem;
    }
    li {
      margin-block-end: 0.5rem;
    }
    .error {
      color: #b3261e;
      font-weight: 700;
    }
    .warning {
      color: #594d00;
      font-weight: 700;
    }
    code {
      font-family: ui-monospace, Menlo, monospace;
    }
  `;

  /** Interface language of the playground and the form it renders. */
  @property() override lang = 'vi';
  /** The procedure JSON in the editor. */
  @property() text = '';

  @state() private problems: AuthorProblem[] = [];
  /** The last text the loader accepted: what the form shows. */
  @state() private accepted = '';
  @state() private sample: SampleKey = 'khaiSinh';

  private timer?: ReturnType<typeof setTimeout>;

  private get ui(): 'vi' | 'en' {
    return this.lang === 'en' ? 'en' : 'vi';
  }

  private t(key: StoryMessageKey, params?: Record<string, string | number>): string {
    return storyText(this.ui, key, params);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.text) this.text = JSON.stringify(samples[this.sample].procedure, null, 2);
    this.check();
  }

  override disconnectedCallback(): void {
    clearTimeout(this.timer);
    super.disconnectedCallback();
  }

  /** Runs the loader on the editor's text now (the story and tests call it to skip the debounce). */
  check(): void {
    clearTimeout(this.timer);
    const result = loadProcedure(this.text, { file: 'procedure.json' });
    this.problems = result.problems;
    if (result.ok) this.accepted = this.text;
    else this.accepted = '';
  }

  private onInput(e: Event): void {
    this.text = (e.target as HTMLTextAreaElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.check(), DEBOUNCE_MS);
  }

  private onSample(e: Event): void {
    this.sample = (e.target as HTMLSelectElement).value as SampleKey;
    this.text = JSON.stringify(samples[this.sample].procedure, null, 2);
    this.check();
  }

  private renderProblem(p: AuthorProblem) {
    return html`<li>
      <span class=${p.severity}>${this.t(p.severity)}</span>
      · ${this.t('problemAt', { line: p.line, column: p.column })} · <code>${p.code}</code>
      <div>${p.message[this.ui]}</div>
      ${p.pointer ? html`<div class="hint"><code>${p.pointer}</code></div>` : nothing}
    </li>`;
  }

  override render() {
    const today = samples[this.sample].today;
    return html`<div class="layout">
      <section aria-labelledby="editor-heading">
        <h2 id="editor-heading">${this.t('playgroundHeading')}</h2>
        <label for="sample">${this.t('sampleLabel')}</label>
        <select id="sample" @change=${this.onSample}>
          ${(Object.keys(samples) as SampleKey[]).map(
            (key) =>
              html`<option value=${key} ?selected=${key === this.sample}>
                ${samples[key].procedure.title[this.ui]}
              </option>`,
          )}
        </select>
        <label for="editor">${this.t('editorLabel')}</label>
        <p class="hint" id="editor-hint">${this.t('editorHint')}</p>
        <textarea
          id="editor"
          spellcheck="false"
          aria-describedby="editor-hint"
          .value=${this.text}
          @input=${this.onInput}
        ></textarea>
        <div role="status">
          <h3 id="problems-heading">
            ${this.t('problemsHeading', { count: this.problems.length })}
          </h3>
        </div>
        ${
          this.problems.length
            ? html`<ol aria-labelledby="problems-heading">
                ${this.problems.map((p) => this.renderProblem(p))}
              </ol>`
            : html`<p>${this.t('noProblems')}</p>`
        }
      </section>
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">${this.t('previewHeading')}</h2>
        ${
          this.accepted
            ? html`<dvc-form
                .procedureData=${this.accepted}
                today=${today}
                lang=${this.ui}
              ></dvc-form>`
            : html`<p>${this.t('previewBlocked')}</p>`
        }
      </section>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'dvc-story-playground': DvcStoryPlayground;
  }
}
