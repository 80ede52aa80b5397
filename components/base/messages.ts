/**
 * Built-in UI strings of the field elements, Vietnamese first. Author text (labels, hints,
 * errors, option labels) never comes from here: it arrives already localised as properties.
 *
 * Tone follows the GOV.UK content style the project adopted: short, plain, polite ("Vui lòng…"),
 * telling the person what to do rather than what went wrong.
 *
 * `{name}` placeholders are filled by `t()` in i18n.ts. Lists (month and weekday names) are
 * `|`-separated so every entry stays a plain string that translators can edit.
 */
// Accessible names of buttons start with their visible text (WCAG 2.2 SC 2.5.3 Label in Name),
// so voice-control users can say what they see.
const vi = {
  errorPrefix: 'Lỗi:',
  prefilled: 'Đã điền sẵn',
  choose: '— Chọn —',

  valueMissingText: 'Vui lòng nhập thông tin này.',
  valueMissingChoice: 'Vui lòng chọn một lựa chọn.',
  valueMissingCheckbox: 'Vui lòng đánh dấu vào ô này.',
  valueMissingCheckboxGroup: 'Vui lòng chọn ít nhất một lựa chọn.',
  valueMissingDate: 'Vui lòng nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/03/2025.',
  invalidDate:
    'Ngày không hợp lệ. Vui lòng nhập ngày có thật theo dạng ngày/tháng/năm, ví dụ 15/03/2025.',
  dateTooEarly: 'Vui lòng nhập ngày từ {min} trở về sau.',
  dateTooLate: 'Vui lòng nhập ngày đến {max} là muộn nhất.',
  invalidNumber: 'Vui lòng chỉ nhập số, ví dụ 12.',
  notInteger: 'Vui lòng nhập số nguyên, ví dụ 12.',
  numberTooSmall: 'Vui lòng nhập số từ {min} trở lên.',
  numberTooLarge: 'Vui lòng nhập số không lớn hơn {max}.',
  invalidEmail: 'Vui lòng nhập địa chỉ email đúng dạng, ví dụ ten@example.vn.',
  invalidPhone: 'Vui lòng nhập số điện thoại đúng dạng, ví dụ 0912 345 678.',
  invalidIdNumber: 'Vui lòng nhập đủ {digits} chữ số.',
  tooLong: 'Vui lòng nhập không quá {max} ký tự.',

  dateFormatHint: 'Ví dụ: 15/03/2025',
  datePlaceholder: 'dd/mm/yyyy',
  chooseDate: 'Chọn ngày trên lịch',
  chooseDateSelected: 'Chọn ngày trên lịch, đã chọn {date}',
  datePickerTitle: 'Chọn ngày',
  previousMonth: 'Tháng trước',
  nextMonth: 'Tháng sau',
  previousYear: 'Năm trước',
  nextYear: 'Năm sau',
  close: 'Đóng',
  today: 'Hôm nay',
  datePickerHelp:
    'Dùng phím mũi tên để chọn ngày, Page Up và Page Down để đổi tháng, Enter để chọn.',
  months:
    'Tháng 1|Tháng 2|Tháng 3|Tháng 4|Tháng 5|Tháng 6|Tháng 7|Tháng 8|Tháng 9|Tháng 10|Tháng 11|Tháng 12',
  monthYear: '{month} năm {year}',
  weekdays: 'Thứ Hai|Thứ Ba|Thứ Tư|Thứ Năm|Thứ Sáu|Thứ Bảy|Chủ Nhật',
  weekdaysShort: 'T2|T3|T4|T5|T6|T7|CN',

  province: 'Tỉnh, thành phố',
  commune: 'Xã, phường, đặc khu',
  street: 'Số nhà, tên đường, thôn, tổ dân phố',
  chooseProvince: '— Chọn tỉnh, thành phố —',
  chooseCommune: '— Chọn xã, phường, đặc khu —',
  chooseProvinceFirst: 'Vui lòng chọn tỉnh, thành phố trước.',
  searchCommune: 'Tìm xã, phường, đặc khu',
  communeMatches: 'Có {count} kết quả.',
  loadingUnits: 'Đang tải danh sách đơn vị hành chính…',
  unitsFailed: 'Không tải được danh sách đơn vị hành chính. Vui lòng tải lại trang.',
  valueMissingProvince: 'Vui lòng chọn tỉnh, thành phố.',
  valueMissingCommune: 'Vui lòng chọn xã, phường, đặc khu.',
  valueMissingStreet: 'Vui lòng nhập số nhà, tên đường, thôn hoặc tổ dân phố.',

  // A repeat group's other words are in its own catalog, in its chunk
  // (components/repeat-group/messages.ts); these two the core needs: the error summary names an
  // item (components/form/summary.ts), and a field element's "required" names how many.
  defaultItem: 'Mục',
  tooFewItems: 'Vui lòng thêm ít nhất {min} {item}.',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  errorPrefix: 'Error:',
  prefilled: 'Pre-filled',
  choose: '— Select —',

  valueMissingText: 'Enter this information.',
  valueMissingChoice: 'Select an option.',
  valueMissingCheckbox: 'Tick this box.',
  valueMissingCheckboxGroup: 'Select at least one option.',
  valueMissingDate: 'Enter a date as day/month/year, for example 15/03/2025.',
  invalidDate: 'Enter a real date as day/month/year, for example 15/03/2025.',
  dateTooEarly: 'Enter a date on or after {min}.',
  dateTooLate: 'Enter a date on or before {max}.',
  invalidNumber: 'Enter numbers only, for example 12.',
  notInteger: 'Enter a whole number, for example 12.',
  numberTooSmall: 'Enter a number of {min} or more.',
  numberTooLarge: 'Enter a number of {max} or less.',
  invalidEmail: 'Enter an email address in the correct format, like name@example.com.',
  invalidPhone: 'Enter a phone number in the correct format, like 0912 345 678.',
  invalidIdNumber: 'Enter all {digits} digits.',
  tooLong: 'Enter {max} characters or fewer.',

  dateFormatHint: 'For example, 15/03/2025',
  datePlaceholder: 'dd/mm/yyyy',
  chooseDate: 'Choose date from calendar',
  chooseDateSelected: 'Choose date from calendar, selected {date}',
  datePickerTitle: 'Choose date',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousYear: 'Previous year',
  nextYear: 'Next year',
  close: 'Close',
  today: 'Today',
  datePickerHelp:
    'Use the arrow keys to move between days, Page Up and Page Down to change month, Enter to choose.',
  months: 'January|February|March|April|May|June|July|August|September|October|November|December',
  monthYear: '{month} {year}',
  weekdays: 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday',
  weekdaysShort: 'Mo|Tu|We|Th|Fr|Sa|Su',

  province: 'Province or city',
  commune: 'Commune, ward or special zone',
  street: 'House number, street, village or neighbourhood',
  chooseProvince: '— Select province or city —',
  chooseCommune: '— Select commune or ward —',
  chooseProvinceFirst: 'Select a province or city first.',
  searchCommune: 'Search communes and wards',
  communeMatches: '{count} results.',
  loadingUnits: 'Loading the list of administrative units…',
  unitsFailed: 'The list of administrative units could not be loaded. Reload the page.',
  valueMissingProvince: 'Select a province or city.',
  valueMissingCommune: 'Select a commune, ward or special zone.',
  valueMissingStreet: 'Enter the house number and street, village or neighbourhood.',

  defaultItem: 'Item',
  tooFewItems: 'Add at least {min} {item}.',
};

export const messages: Record<'vi' | 'en', Record<MessageKey, string>> = { vi, en };
