/* global window, Node */
// Loaded after mocha on every test page (web-test-runner.config.mjs). A failed assertion about
// an element (`expect(el).to.equal(null)`) leaves the element in the error's `actual`; the test
// runner sends each result with structuredClone, which cannot copy an element, so the page never
// reported and the run ended 120 s later with "Browser tests did not finish", naming no test.
// After each test, a value of a failure that cannot be cloned is replaced by its description
// (an element by its start tag and text), so the failure is reported with its name.
const describe = (value) => {
  if (value instanceof Node) {
    const tag =
      value instanceof window.Element ? value.outerHTML.split('>')[0] + '>' : value.nodeName;
    const text = (value.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    return text ? `${tag} ${text}` : tag;
  }
  return String(value);
};

const cloneable = (value) => {
  try {
    window.structuredClone(value);
    return true;
  } catch {
    return false;
  }
};

window.mocha.suite.afterEach(function cloneSafeErrors() {
  const err = this.currentTest?.err;
  if (!err) return;
  for (const key of ['actual', 'expected']) {
    if (key in err && !cloneable(err[key])) err[key] = describe(err[key]);
  }
});
