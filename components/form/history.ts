/**
 * The browser's Back and Forward buttons for `<dvc-form>`: each form keeps its own page in
 * `history.state`, so two forms on one page never move each other.
 *
 * `history.state.dvcForms` maps a form's key to its page: `{ "ho-so-1": "nguoi-khai", … }`.
 * Every entry a form pushes carries the current page of every other form too (they are in the
 * state it copies), so going Back restores the page each form showed at that point: only the form
 * that moved last changes. The host page's own keys in `history.state` are kept; the URL is never
 * changed.
 *
 * The key is the form's `id` when it has one (give each form an id when a page has several and
 * they may be added or removed), else its procedure code and its position among the page's
 * `<dvc-form>` elements.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Key of the forms' pages in `history.state`, beside the host page's own keys. */
export const HISTORY_STATE_KEY = 'dvcForms';

export type HistoryMode = 'push' | 'replace';

export interface FormHistoryOptions {
  /** The form's own key without position: its `id`, or its procedure code. */
  key: () => { id: string; fallback: string };
  /** Shows `page` after Back/Forward, if the form knows it and the person reached it. */
  restore: (page: string) => void;
}

function pagesIn(state: unknown): Record<string, unknown> {
  const pages = (state as Record<string, unknown> | null)?.[HISTORY_STATE_KEY];
  return pages && typeof pages === 'object' && !Array.isArray(pages)
    ? (pages as Record<string, unknown>)
    : {};
}

export class FormHistoryController implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: FormHistoryOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  /** This form's key in `history.state.dvcForms`. */
  get key(): string {
    const { id, fallback } = this.options.key();
    if (id) return `#${id}`;
    const root = this.host.getRootNode() as Document | ShadowRoot;
    const all = root.querySelectorAll ? [...root.querySelectorAll(this.host.localName)] : [];
    const position = Math.max(0, all.indexOf(this.host));
    return `${fallback}@${position}`;
  }

  /** Records `page` as this form's page: a new entry (`push`) or the current one (`replace`). */
  record(page: string, mode: HistoryMode): void {
    const base =
      history.state && typeof history.state === 'object' ? (history.state as object) : {};
    const next = { ...base, [HISTORY_STATE_KEY]: { ...pagesIn(base), [this.key]: page } };
    if (mode === 'push') history.pushState(next, '');
    else history.replaceState(next, '');
  }

  private onPopState = (e: PopStateEvent): void => {
    const page = pagesIn(e.state)[this.key];
    if (typeof page === 'string') this.options.restore(page);
  };
}
