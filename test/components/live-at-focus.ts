/**
 * What a screen reader is given at the moment focus moves to an element of a shadow root: the
 * element's role and aria-live, and every live region (role status, alert or log, or aria-live
 * other than off) that holds its text then. An element that is itself, or whose text is in, a
 * live region when it takes focus is read twice: as the region's news and again as the focused
 * element (WAI-ARIA APG; GOV.UK).
 */
export interface FocusArrival {
  /** The focused element's tag, classes and `data-kind` ("div.draft-notice[data-kind=outbox]"). */
  element: string;
  role: string | null;
  ariaLive: string | null;
  /** Its text, spaces collapsed. */
  text: string;
  /** The live regions holding that text at that moment, as `element` is written. */
  liveWithText: string[];
}

const collapse = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

function describe(el: Element): string {
  const kind = el.getAttribute('data-kind');
  return (
    el.localName +
    [...el.classList].map((c) => `.${c}`).join('') +
    (kind ? `[data-kind=${kind}]` : '')
  );
}

/** Records each arrival of focus in `root` from now on (synchronously, as focus moves). */
export function watchFocusArrivals(root: ShadowRoot): FocusArrival[] {
  const seen: FocusArrival[] = [];
  root.addEventListener(
    'focusin',
    (e) => {
      const el = e.composedPath()[0] as Element;
      // The message of a notice is its paragraph (its button's name is not news).
      const text = collapse((el.querySelector('p') ?? el).textContent);
      const live = [...root.querySelectorAll('[role], [aria-live]')].filter((r) => {
        const liveness = r.getAttribute('aria-live');
        const role = r.getAttribute('role');
        return liveness
          ? liveness !== 'off'
          : role === 'status' || role === 'alert' || role === 'log';
      });
      seen.push({
        element: describe(el),
        role: el.getAttribute('role'),
        ariaLive: el.getAttribute('aria-live'),
        text,
        liveWithText: live
          .filter((r) => text !== '' && collapse(r.textContent).includes(text))
          .map(describe),
      });
    },
    true,
  );
  return seen;
}
