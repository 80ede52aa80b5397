/**
 * Rarely used elements of the one-file bundle (dist/dvc-forms.min.js), defined on first use.
 *
 * Most pages with the script tag hold a `<dvc-form>`; a few hold `<dvc-status-lookup>` or a lone
 * `<dvc-upload>`. Their code (tus, file checks, the QR code, status formatting) is a lazy chunk
 * each, loaded when such an element is in the document: at start-up (module scripts run after
 * the HTML is parsed) or when it is added later. A custom element cannot be defined twice, so a
 * placeholder class cannot be swapped for the real one later: the element stays undefined (and
 * styled by `:not(:defined)`) until its chunk has run, and then upgrades with the properties
 * already set on it.
 *
 * The trade-off: the watch only sees the document's own tree, not other components' shadow
 * roots. A page that puts one of these elements into a shadow root calls
 * `defineElement('dvc-upload')` (exported by the bundle) first, or uses the npm entry, where every
 * element is static. `<dvc-form>` loads the upload element, the receipt and the signing code
 * itself when a procedure needs them.
 */
const LAZY_ELEMENTS = {
  'dvc-upload': () => import('./upload/upload.js'),
  'dvc-status-lookup': () => import('./status-lookup/status-lookup.js'),
  'dvc-receipt': () => import('./receipt/receipt.js'),
  'dvc-dossier': () => import('./dossier/dossier.js'),
  // Used by a form through components/form/lazy-widgets.ts (the same chunks); here for a page
  // that places one itself.
  'dvc-address-field': () => import('./address-field/address-field.js'),
  'dvc-repeat-group': () => import('./repeat-group/repeat-group.js'),
} as const;

/** Tag names of the elements the bundle defines on first use. */
export type LazyElementName = keyof typeof LAZY_ELEMENTS;

const loading = new Map<LazyElementName, Promise<CustomElementConstructor>>();

const isLazy = (name: string): name is LazyElementName =>
  Object.prototype.hasOwnProperty.call(LAZY_ELEMENTS, name);

/**
 * Loads and defines one of the lazy elements now; resolves with its class once defined. A chunk
 * that fails to load (a network error) is tried again on the next call.
 */
export function defineElement(name: LazyElementName): Promise<CustomElementConstructor> {
  let p = loading.get(name);
  if (!p) {
    p = LAZY_ELEMENTS[name]().then(() => customElements.whenDefined(name));
    p.catch((cause: unknown) => {
      loading.delete(name);
      console.error(`dvc-forms: cannot load <${name}>`, cause);
    });
    loading.set(name, p);
  }
  return p;
}

const SELECTOR = Object.keys(LAZY_ELEMENTS).join(',');

function defineIn(node: Node): void {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const el = node as Element;
  const found = el.matches(SELECTOR) ? [el] : [];
  if (el.firstElementChild) found.push(...el.querySelectorAll(SELECTOR));
  for (const f of found) {
    if (isLazy(f.localName) && !loading.has(f.localName)) {
      void defineElement(f.localName).catch(() => undefined);
    }
  }
}

/**
 * Defines the lazy elements present in `doc` now and those added to it later. Stops watching once
 * every lazy element is defined.
 */
export function watchLazyElements(doc: Document = document): void {
  defineIn(doc.documentElement);
  if (loading.size === Object.keys(LAZY_ELEMENTS).length) return;
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) defineIn(n);
    if (loading.size === Object.keys(LAZY_ELEMENTS).length) observer.disconnect();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });
}
