/**
 * The sentence for a problem no question owns (components/form/unowned-problems.ts): no field
 * shows it, so it says what to look at and where to turn when that does not help.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { message } from '../../../src/validation/messages.js';

test('the no-question sentence names its object and says what the person can do, in vi and en', () => {
  const about = { label: 'Người đi đăng ký (nếu có)', action: 'enter' as const };
  assert.equal(
    message('vi', 'no-question', about),
    'Các câu trả lời về “Người đi đăng ký” chưa đáp ứng một yêu cầu của thủ tục, nhưng biểu mẫu không chỉ ra được câu cần sửa. Hãy xem lại các câu trả lời về “Người đi đăng ký”: điền câu còn để trống, sửa câu chưa đúng. Nếu vẫn không tiếp tục được, hãy liên hệ cơ quan giải quyết hoặc nộp hồ sơ trực tiếp tại Bộ phận Một cửa',
  );
  assert.equal(
    message('en', 'no-question', { label: 'Applicant (optional)', action: 'enter' }),
    "Your answers about the applicant do not meet one of the procedure's requirements, but the form cannot tell which question to change. Look over your answers about the applicant: fill in any left empty, correct any that is wrong. If you still cannot continue, contact the agency or apply in person at the one-stop shop (Bộ phận Một cửa)",
  );
});
