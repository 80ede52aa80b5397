import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  createRules,
  ELIGIBILITY_STATUS,
  RULE_PROBLEM,
  validationOptions,
  withoutHidden,
  type RuleProblem,
} from '../../../src/rules/index.js';
import type { Procedure } from '../../../src/procedure/types.js';

const load = (name: string): Procedure =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Procedure;

const TODAY = '2025-06-01';
const quiet = { today: TODAY, onProblem: () => {} };

describe('eligibility', () => {
  test('is unknown, not ineligible, while the answers it needs are missing', async () => {
    const r = await createRules(load('family.json'), quiet).evaluate({});
    assert.deepEqual(r.eligibility, {
      status: 'unknown',
      reasons: [],
      undecided: ['child-under-6', 'resides-in-vietnam'],
    });
  });

  test('is eligible when every eligibility rule holds', async () => {
    const r = await createRules(load('family.json'), quiet).evaluate({
      applicant: { residesInVietnam: true },
      child: { birthDate: '2019-06-02' },
    });
    assert.equal(r.eligibility.status, ELIGIBILITY_STATUS.eligible);
    assert.deepEqual(r.eligibility.reasons, []);
  });

  test('lists every failing rule with its reason and remedy, in procedure order', async () => {
    const r = await createRules(load('family.json'), quiet).evaluate({
      applicant: { residesInVietnam: false },
      child: { birthDate: '2019-06-01' },
    });
    assert.deepEqual(r.eligibility, {
      status: 'ineligible',
      reasons: [
        {
          rule: 'child-under-6',
          message: { vi: 'Cháu đã đủ 6 tuổi.', en: 'The child is 6 or older.' },
          remedy: {
            vi: 'Vui lòng làm thủ tục đăng ký khai sinh quá hạn.',
            en: 'Please use the late registration procedure.',
          },
        },
        {
          rule: 'resides-in-vietnam',
          message: {
            vi: 'Người nộp không cư trú tại Việt Nam.',
            en: 'The applicant does not live in Vietnam.',
          },
        },
      ],
      undecided: [],
    });
  });

  test('a definite failure makes the applicant ineligible even while another rule is undecided', async () => {
    const r = await createRules(load('family.json'), quiet).evaluate({
      applicant: { residesInVietnam: false },
    });
    assert.equal(r.eligibility.status, 'ineligible');
    assert.deepEqual(
      r.eligibility.reasons.map((x) => x.rule),
      ['resides-in-vietnam'],
    );
    assert.deepEqual(r.eligibility.undecided, ['child-under-6']);
  });

  test('an invalid date is treated as a missing answer', async () => {
    const r = await createRules(load('family.json'), quiet).evaluate({
      applicant: { residesInVietnam: true },
      child: { birthDate: '2025-02-30' },
    });
    assert.equal(r.eligibility.status, 'unknown');
    assert.deepEqual(r.eligibility.undecided, ['child-under-6']);
  });

  test('uses a default reason when the author wrote none', async () => {
    const p = load('broken.json');
    const r = await createRules(p, quiet).evaluate({ age: 12 });
    assert.deepEqual(r.eligibility.reasons, [
      {
        rule: 'adult',
        message: {
          vi: 'Bạn chưa đáp ứng một điều kiện để nộp hồ sơ thủ tục này.',
          en: 'You do not meet one of the conditions for applying.',
        },
      },
    ]);
  });
});

describe('three-valued conditions', () => {
  const proc = (conditions: unknown): Procedure =>
    ({
      data: {
        type: 'object',
        properties: { a: { type: 'string' }, b: { type: 'string' } },
      },
      ui: { steps: [] },
      documents: [],
      fees: { currency: 'VND', items: [] },
      rules: [{ id: 'r', kind: 'eligibility', conditions }],
    }) as unknown as Procedure;
  const status = async (conditions: unknown, answers: Record<string, unknown>) =>
    (await createRules(proc(conditions), quiet).evaluate(answers)).eligibility.status;
  const a = { fact: 'a', operator: 'equal', value: 'x' };
  const b = { fact: 'b', operator: 'equal', value: 'y' };

  test('any: one true part decides, even with a missing answer', async () => {
    assert.equal(await status({ any: [a, b] }, { a: 'x' }), 'eligible');
    assert.equal(await status({ any: [a, b] }, { a: 'z' }), 'unknown');
    assert.equal(await status({ any: [a, b] }, { a: 'z', b: 'z' }), 'ineligible');
  });

  test('all: one false part decides, even with a missing answer', async () => {
    assert.equal(await status({ all: [a, b] }, { a: 'z' }), 'ineligible');
    assert.equal(await status({ all: [a, b] }, { a: 'x' }), 'unknown');
    assert.equal(await status({ all: [a, b] }, { a: 'x', b: 'y' }), 'eligible');
  });

  test('not of a missing answer stays unknown', async () => {
    assert.equal(await status({ not: a }, {}), 'unknown');
    assert.equal(await status({ not: a }, { a: 'z' }), 'eligible');
    assert.equal(await status({ not: { all: [a] } }, { a: 'x' }), 'ineligible');
  });

  test('a blank string is not an answer', async () => {
    assert.equal(
      await status({ all: [{ fact: 'a', operator: 'notEqual', value: 'x' }] }, { a: '  ' }),
      'unknown',
    );
  });

  test('isAnswered and isNotAnswered decide on missing answers', async () => {
    const answered = { all: [{ fact: 'a', operator: 'isAnswered', value: true }] };
    const notAnswered = { all: [{ fact: 'a', operator: 'isNotAnswered', value: true }] };
    assert.equal(await status(answered, {}), 'ineligible');
    assert.equal(await status(answered, { a: '' }), 'ineligible');
    assert.equal(await status(answered, { a: 'x' }), 'eligible');
    assert.equal(await status(notAnswered, {}), 'eligible');
    assert.equal(await status(notAnswered, { a: 'x' }), 'ineligible');
    // The presence operators need no value.
    assert.equal(
      await status({ all: [{ fact: 'a', operator: 'isAnswered' }] }, { a: 'x' }),
      'eligible',
    );
  });

  test('a value may name another field; a missing one makes the condition unknown', async () => {
    const same = { all: [{ fact: 'a', operator: 'equal', value: { fact: 'b' } }] };
    assert.equal(await status(same, { a: 'x', b: 'x' }), 'eligible');
    assert.equal(await status(same, { a: 'x', b: 'y' }), 'ineligible');
    assert.equal(await status(same, { a: 'x' }), 'unknown');
  });

  test('answers are read through own properties only', async () => {
    const p = proc({ all: [{ fact: 'a', operator: 'isAnswered', value: true }] });
    const answers = JSON.parse('{"__proto__": {"a": "x"}}') as Record<string, unknown>;
    assert.equal((await createRules(p, quiet).evaluate(answers)).eligibility.status, 'ineligible');
  });
});

describe('show and require', () => {
  test('show targets and their contents are hidden while no show rule holds', async () => {
    const r = await createRules(load('family.json'), quiet).evaluate({});
    assert.deepEqual(r.hidden, {
      fields: [
        'spouse',
        'spouse.fullName',
        'spouse.idNumber',
        'spouse.idCard',
        'marriageCertificateNumber',
      ],
      // spouseId is uploaded only through a file field inside the hidden spouse group.
      documents: ['marriageCertificate', 'spouseId'],
    });
    assert.deepEqual(r.visible, {
      fields: [
        'applicant',
        'applicant.fullName',
        'applicant.birthDate',
        'applicant.residesInVietnam',
        'child',
        'child.birthDate',
        'child.birthPlace',
        'maritalStatus',
        'isPoorHousehold',
        'hasDisability',
        'copies',
        'siblings',
        'siblings[].fullName',
        'siblings[].relation',
      ],
      documents: ['birthCertificate', 'povertyCertificate'],
    });
    assert.deepEqual(r.required, { fields: [], documents: ['birthCertificate'] });
  });

  test('a target of several show rules is visible while any of them holds', async () => {
    const s = createRules(load('family.json'), quiet);
    const widowed = await s.evaluate({ maritalStatus: 'widowed' });
    assert.deepEqual(widowed.hidden.fields, [
      'spouse',
      'spouse.fullName',
      'spouse.idNumber',
      'spouse.idCard',
    ]);
    assert.ok(widowed.visible.fields.includes('marriageCertificateNumber'));
    const married = await s.evaluate({ maritalStatus: 'married' });
    assert.deepEqual(married.hidden, { fields: [], documents: [] });
  });

  test('hidden wins: a rule-required field that is hidden is not required', async () => {
    const s = createRules(load('family.json'), quiet);
    // The stale spouse name would make require-certificate hold, but spouse is hidden, so its
    // answer does not count and the certificate is neither required nor shown.
    const r = await s.evaluate({ maritalStatus: 'single', spouse: { fullName: 'Trần Thị B' } });
    assert.deepEqual(r.required, { fields: [], documents: ['birthCertificate'] });
    assert.ok(r.hidden.fields.includes('marriageCertificateNumber'));
  });

  test('a visible rule-required field and document are required', async () => {
    const r = await createRules(load('family.json'), quiet).evaluate({
      maritalStatus: 'married',
      spouse: { fullName: 'Trần Thị B' },
      isPoorHousehold: true,
    });
    assert.deepEqual(r.required, {
      fields: ['marriageCertificateNumber'],
      documents: ['birthCertificate', 'marriageCertificate', 'povertyCertificate'],
    });
  });

  test('validationOptions and withoutHidden hand the result to the validator and the payload', async () => {
    const r = await createRules(load('family.json'), quiet).evaluate({});
    assert.deepEqual(validationOptions(r), {
      hidden: [
        'spouse',
        'spouse.fullName',
        'spouse.idNumber',
        'spouse.idCard',
        'marriageCertificateNumber',
      ],
      required: [],
    });
    const answers = {
      maritalStatus: 'single',
      spouse: { fullName: 'B' },
      marriageCertificateNumber: '12',
      copies: 1,
    };
    assert.deepEqual(withoutHidden(answers, r), { maritalStatus: 'single', copies: 1 });
    assert.deepEqual(answers.spouse, { fullName: 'B' }, 'the caller’s answers are not changed');
  });
});

describe('fees', () => {
  test('charges only items whose condition holds, times the quantity', async () => {
    const s = createRules(load('family.json'), quiet);
    const onTime = await s.evaluate({ child: { birthDate: '2025-05-01' }, copies: 3 });
    assert.deepEqual(onTime.fee, {
      total: 24000,
      currency: 'VND',
      items: [
        {
          id: 'copy',
          label: { vi: 'Bản sao trích lục', en: 'Extract copies' },
          amount: 8000,
          quantity: 3,
          subtotal: 24000,
          reductions: [],
        },
      ],
    });
    const late = await s.evaluate({ child: { birthDate: '2025-01-01' }, copies: 3 });
    assert.deepEqual(
      late.fee.items.map((i) => [i.id, i.quantity, i.subtotal]),
      [
        ['registration', 1, 15001],
        ['copy', 3, 24000],
      ],
    );
    assert.equal(late.fee.total, 39001);
  });

  test('a missing, negative or fractional quantity is 0, 0 and rounded down', async () => {
    const s = createRules(load('family.json'), quiet);
    const q = async (copies: unknown) => (await s.evaluate({ copies })).fee.items[0]!.quantity;
    assert.equal(await q(undefined), 0);
    assert.equal(await q(-2), 0);
    assert.equal(await q(2.7), 2);
    assert.equal(await q('4'), 4);
    assert.equal(await q('bốn'), 0);
  });

  test('a reduction is rounded to the nearest đồng in the applicant’s favour and limited to its items', async () => {
    const r = await createRules(load('family.json'), quiet).evaluate({
      child: { birthDate: '2025-01-01' },
      copies: 1,
      hasDisability: true,
    });
    assert.deepEqual(r.fee.items[0], {
      id: 'registration',
      label: { vi: 'Lệ phí đăng ký quá hạn', en: 'Late registration fee' },
      amount: 15001,
      quantity: 1,
      // 50% of 15,001 is 7,500.5: the reduction is 7,501.
      subtotal: 7500,
      reductions: [
        { id: 'disability', label: { vi: 'Giảm cho người khuyết tật' }, percent: 50, amount: 7501 },
      ],
    });
    assert.deepEqual(r.fee.items[1]!.reductions, []);
    assert.equal(r.fee.total, 7500 + 8000);
  });

  test('reductions do not stack: the most favourable one applies', async () => {
    const r = await createRules(load('family.json'), quiet).evaluate({
      child: { birthDate: '2025-01-01' },
      copies: 2,
      hasDisability: true,
      isPoorHousehold: true,
    });
    assert.deepEqual(
      r.fee.items.map((i) => [i.id, i.subtotal, i.reductions.map((x) => [x.id, x.amount])]),
      [
        ['registration', 0, [['poor', 15001]]],
        ['copy', 0, [['poor', 16000]]],
      ],
    );
    assert.equal(r.fee.total, 0);
  });
});

describe('incremental evaluation', () => {
  test('re-runs only the units whose dependencies overlap the change', async () => {
    const s = createRules(load('family.json'), quiet);
    assert.deepEqual(s.dependencies(), {
      'rule:child-under-6': ['child.birthDate'],
      'rule:resides-in-vietnam': ['applicant.residesInVietnam'],
      'rule:show-spouse': ['maritalStatus'],
      'rule:show-certificate-when-widowed': ['maritalStatus'],
      'rule:require-certificate': ['spouse.fullName'],
      'rule:require-poverty-proof': ['isPoorHousehold'],
      'fee:registration': ['child.birthDate'],
      'reduction:disability': ['hasDisability'],
      'reduction:poor': ['isPoorHousehold'],
    });
    const answers: Record<string, unknown> = {};
    await s.evaluate(answers);
    assert.equal(s.lastEvaluation.evaluated.length, 9);

    answers['copies'] = 2;
    let r = await s.evaluate(answers, ['copies']);
    assert.deepEqual(s.lastEvaluation.evaluated, []);
    assert.equal(r.fee.total, 16000, 'the quantity is read on every evaluation');

    // A change to a parent covers the fields inside it.
    answers['child'] = { birthDate: '2025-01-01' };
    r = await s.evaluate(answers, ['child']);
    assert.deepEqual(s.lastEvaluation.evaluated, ['rule:child-under-6', 'fee:registration']);
    assert.equal(r.fee.total, 31001);

    // A JSON pointer works as well as a dot path; spouse is hidden, so the rule sees no name.
    answers['spouse'] = { fullName: 'Trần Thị B' };
    r = await s.evaluate(answers, ['/spouse/fullName']);
    assert.deepEqual(s.lastEvaluation.evaluated, ['rule:require-certificate']);
    assert.deepEqual(r.required.fields, []);

    // Showing spouse changes what require-certificate reads, so it runs again in a second round.
    answers['maritalStatus'] = 'married';
    r = await s.evaluate(answers, ['maritalStatus']);
    assert.deepEqual(s.lastEvaluation.evaluated, [
      'rule:show-spouse',
      'rule:show-certificate-when-widowed',
      'rule:require-certificate',
    ]);
    assert.equal(s.lastEvaluation.reused.length, 6);
    assert.deepEqual(r.required.fields, ['marriageCertificateNumber']);

    // The incremental result equals a full evaluation of the same answers.
    const full = await createRules(load('family.json'), quiet).evaluate(answers);
    assert.deepEqual(r, full);
  });

  test('without `changed` everything runs again', async () => {
    const s = createRules(load('family.json'), quiet);
    await s.evaluate({});
    await s.evaluate({ copies: 1 });
    assert.equal(s.lastEvaluation.evaluated.length, 9);
  });
});

describe('broken rules never throw', () => {
  test('each broken rule is undecidable and reported once, with a pointer', async () => {
    const logged: RuleProblem[] = [];
    const s = createRules(load('broken.json'), { today: TODAY, onProblem: (p) => logged.push(p) });
    assert.deepEqual(
      s.problems.map((p) => [p.code, p.pointer]),
      [
        [RULE_PROBLEM.unknownFact, '/rules/1/conditions/all/0/fact'],
        [RULE_PROBLEM.unknownOperator, '/rules/2/conditions/any/0/operator'],
        [RULE_PROBLEM.malformed, '/rules/3/conditions/all/0/value'],
        [RULE_PROBLEM.malformed, '/rules/4/conditions/all'],
        [RULE_PROBLEM.malformed, ''.concat('/rules/5/conditions')],
        [RULE_PROBLEM.badParams, '/rules/6/conditions/all/0/params/field'],
      ],
    );
    assert.deepEqual(s.problems[0]!.message, {
      vi: '"rule:typo-fact" dùng dữ kiện "agee" không có trong biểu mẫu. Quy tắc này được coi là chưa xác định.',
      en: '"rule:typo-fact" uses the fact "agee", which is not in the form. The rule is treated as undecidable.',
    });

    const r = await s.evaluate({ age: 30, province: '01' });
    assert.equal(r.eligibility.status, 'unknown');
    assert.deepEqual(r.eligibility.undecided, [
      'typo-fact',
      'not-a-list',
      'reference',
      'bad-params',
      'in-null',
    ]);
    // A show rule that cannot be decided does not show its target.
    assert.deepEqual(r.hidden.fields, ['note']);
    const runtime = r.problems.filter((p) => p.code === RULE_PROBLEM.runtime);
    assert.equal(runtime.length, 1);
    assert.equal(runtime[0]!.unit, 'rule:in-null');
    assert.equal(runtime[0]!.pointer, '/rules/7/conditions');

    await s.evaluate({ age: 31, province: '01' });
    assert.equal(logged.length, 7, 'a run-time failure is logged once, not on every evaluation');
  });

  test('conditions nested too deep are refused before they can overflow the stack', async () => {
    let node: Record<string, unknown> = { fact: 'age', operator: 'equal', value: 1 };
    for (let i = 0; i < 5000; i++) node = { not: node };
    const p = load('broken.json');
    p.rules = [{ id: 'deep', kind: 'eligibility', conditions: node as never }];
    const s = createRules(p, quiet);
    assert.deepEqual(
      s.problems.map((x) => x.code),
      [RULE_PROBLEM.malformed],
    );
    assert.equal((await s.evaluate({ age: 1 })).eligibility.status, 'unknown');
  });

  test('non-object answers and rules without conditions do not throw', async () => {
    const p = load('broken.json');
    p.rules = [{ id: 'empty', kind: 'show', targets: { fields: ['note'] } } as never];
    const s = createRules(p, quiet);
    const r = await s.evaluate(null as never);
    assert.deepEqual(r.hidden.fields, ['note']);
    assert.equal(s.problems[0]!.code, RULE_PROBLEM.malformed);
  });

  test('an invalid `today` option is a programming error', () => {
    assert.throws(() => createRules(load('family.json'), { today: '01/06/2025' }), {
      name: 'DvcError',
      code: 'invalid-argument',
    });
  });
});
