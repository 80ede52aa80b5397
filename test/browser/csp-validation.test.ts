import { expect } from '@open-wc/testing';

/**
 * Validation where webmasters embed the form: under `script-src 'self';
 * require-trusted-types-for 'script'` (no 'unsafe-eval'). The module `dvc-forms compile` wrote
 * (test/browser/csp/fixtures/compiled-keywords.js, kept fresh by test/src/cli/compile.test.ts)
 * must validate; compiling at run time must throw CspCompileError naming `dvc-forms compile`, and
 * the page must see exactly one CSP violation (ajv's `new Function`), which also proves the
 * header applied.
 */
describe('validation under a strict Content-Security-Policy', () => {
  it('validates with the compiled module and refuses runtime compilation', async () => {
    const frame = document.createElement('iframe');
    const message = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('csp/validation-page.ts did not report: a module failed to load')),
        8000,
      );
      const onMessage = (e: MessageEvent) => {
        // Known by its tag alone (only that page sends it): in WebKit (MiniBrowser 2.4x) the
        // message's source is not `frame.contentWindow` for this page, so checking it made the
        // test wait for a message it had received.
        if (e.data?.source !== 'csp-validation') return;
        window.removeEventListener('message', onMessage);
        clearTimeout(timer);
        resolve(e.data as Record<string, unknown>);
      };
      window.addEventListener('message', onMessage);
    });
    frame.src = new URL('./csp/validation.html?dvc-csp=strict', import.meta.url).href;
    document.body.append(frame);
    try {
      const data = await message;
      expect(data.error).to.equal(undefined);
      const report = data.report as Record<string, Record<string, unknown>>;
      expect(report.invalid).to.deep.equal({
        valid: false,
        problems: [
          {
            code: 'too-short',
            path: '/fullName',
            message: 'Họ, chữ đệm và tên phải có ít nhất 2 ký tự',
            params: { limit: 2, label: 'Họ, chữ đệm và tên' },
          },
          {
            code: 'format.vn-mobile',
            path: '/mobile',
            message: 'Số điện thoại có đầu số không đúng. Hãy kiểm tra lại, ví dụ 0912 345 678',
            params: { format: 'vn-mobile', reason: 'prefix', label: 'Số điện thoại' },
          },
        ],
        value: { fullName: 'A', accept: true, mobile: '0951234567', email: 'an@example.com' },
      });
      expect(report.valid).to.deep.equal({
        valid: true,
        value: { fullName: 'An', accept: true, mobile: '0912345678' },
      });
      expect(report.runtime.name).to.equal('CspCompileError');
      expect(report.runtime.code).to.equal('csp-compile');
      expect(report.runtime.message).to.contain('`dvc-forms compile <procedure.json> --out <dir>`');
      // Trusted Types refuses ajv's `new Function(string)` before script-src is consulted.
      expect(data.violations).to.deep.equal([
        { directive: 'require-trusted-types-for', blockedURI: 'trusted-types-sink' },
      ]);
    } finally {
      frame.remove();
    }
  });
});
