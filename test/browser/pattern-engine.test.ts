import { expect } from '@open-wc/testing';
import { createValidator } from '../../src/validation/index.js';
import { CompileError } from '../../src/errors.js';
import type { Procedure } from '../../src/procedure/types.js';

/**
 * In the browser the loader does not load re2js to check pattern syntax (the CLI does, as
 * `unsupported-pattern`): a pattern re2js cannot read must still be refused when the validator
 * is compiled, as a CompileError naming where it is, not re2js's own error from inside ajv.
 */
const procedure = (pattern: string): Procedure =>
  ({
    formatVersion: 1,
    code: '1.000003',
    version: '1.0.0',
    data: { type: 'object', properties: { name: { type: 'string', pattern } } },
    ui: { steps: [] },
  }) as unknown as Procedure;

describe('author patterns the linear-time engine cannot read (browser)', () => {
  it('are a CompileError with the pointer and the construct', async () => {
    let error: unknown;
    try {
      await createValidator(procedure('^\\d{3}\\s\\p{Script=Latin}$'));
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(CompileError);
    expect((error as CompileError).message).to.equal(
      '/data/properties/name/pattern: unsafe pattern (the linear-time engine (RE2) cannot read it: invalid character class range "\\p{Script=Latin}" at character 9)',
    );
  });

  it('what both engines read compiles and matches as ECMAScript does', async () => {
    const v = await createValidator(procedure('^\\p{Lu}\\p{L}+$'));
    expect(v.validate({ name: 'Đạt' }).valid).to.equal(true);
    expect(v.validate({ name: 'đạt' }).problems.map((p) => p.code)).to.deep.equal(['pattern']);
  });
});
