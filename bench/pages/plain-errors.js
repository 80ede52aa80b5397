// The plain baseline's inline errors: the few lines a hand-written accessible form needs —
// setCustomValidity while typing, the message shown next to the field when the person leaves it.
(() => {
  const form = document.getElementById('form');
  const MESSAGES = {
    patternMismatch: 'Nhập đúng định dạng, ví dụ như gợi ý.',
    valueMissing: 'Câu hỏi này cần được trả lời.',
    typeMismatch: 'Nhập đúng định dạng, ví dụ như gợi ý.',
    rangeOverflow: 'Giá trị quá lớn.',
    rangeUnderflow: 'Giá trị quá nhỏ.',
    tooLong: 'Nội dung quá dài.',
  };
  const check = (input) => {
    input.setCustomValidity('');
    for (const key of Object.keys(MESSAGES))
      if (input.validity[key]) {
        input.setCustomValidity(MESSAGES[key]);
        break;
      }
  };
  form.addEventListener('input', (e) => check(e.target));
  form.addEventListener('focusout', (e) => {
    const input = e.target;
    if (!input.id) return;
    const error = document.getElementById(`${input.name || input.id}-error`);
    if (!error) return;
    check(input);
    if (input.validity.valid) {
      error.hidden = true;
      error.textContent = '';
      input.removeAttribute('aria-invalid');
    } else {
      error.textContent = `Lỗi: ${input.validationMessage}`;
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
    }
  });
})();
