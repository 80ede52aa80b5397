// "Usable form" probe, loaded as the first (classic, blocking) script of both benchmark pages.
// It records performance.now() — milliseconds since navigation start — at the first moment the
// last question of the page is in the DOM and really takes focus (deep in shadow roots). It
// wakes up on DOM mutations (microtask-precise), watching exactly the shadow roots on the path to
// the target, plus a frame-by-frame fallback; it never polls in a busy loop.
(() => {
  const me = document.currentScript;
  const kind = me.dataset.kind;
  const target = me.dataset.target;
  const watched = new WeakSet();
  const observers = [];
  let done = false;

  const deepActive = () => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };

  const watch = (root) => {
    if (!root || watched.has(root)) return;
    watched.add(root);
    const o = new MutationObserver(check);
    o.observe(root, { childList: true, subtree: true });
    observers.push(o);
  };

  const findInput = () => {
    if (kind === 'plain') return document.getElementById(target);
    const form = document.querySelector('dvc-form');
    if (!form || !form.shadowRoot) return null;
    watch(form.shadowRoot);
    const field = form.shadowRoot.getElementById(`field-${target}`);
    if (!field) return null;
    // A question not yet upgraded to its element (<dvc-form light-first-page>): its plain control.
    if (!field.shadowRoot) return field.querySelector('input, select, textarea');
    watch(field.shadowRoot);
    return field.shadowRoot.querySelector('input, select, textarea');
  };

  function check() {
    if (done) return;
    const input = findInput();
    if (!input || input.disabled || input.readOnly || !input.isConnected) return;
    input.focus();
    if (deepActive() !== input) return;
    done = true;
    window.__benchUsable = performance.now();
    for (const o of observers) o.disconnect();
  }

  const frame = () => {
    check();
    if (!done) requestAnimationFrame(frame);
  };
  watch(document);
  requestAnimationFrame(frame);
})();
