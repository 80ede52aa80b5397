/* global document, MutationObserver */
// Loaded before mocha on every test page (web-test-runner.config.mjs): a focusable element kept
// at the very end of the page, after every fixture, as any real page has a control or a link
// after a form. Without it, Tab on a fixture's last control leaves the page: Chromium then blurs
// the control, but Firefox and WebKit move the focus to the browser's own UI without blurring
// it, so no `change` fires and a test of "Tab out commits the value" could not run there. With
// it, Tab moves to this element in every engine and the control blurs as on a real page.
const end = document.createElement('div');
end.id = 'dvc-test-page-end';
end.tabIndex = 0;
end.textContent = 'Cuối trang';
// Out of the flow and of the tests' sight: it never moves when a fixture grows (a layout-shift
// test measures the page) and takes no room.
end.style.cssText =
  'position: fixed; left: 0; bottom: 0; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);';
// A module script runs once the body is parsed; every element added to the body later (the
// fixtures' containers) is followed by this one again.
function keepLast() {
  if (document.body.lastElementChild !== end) document.body.append(end);
}
keepLast();
new MutationObserver(keepLast).observe(document.body, { childList: true });
