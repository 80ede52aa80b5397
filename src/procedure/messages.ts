import type { Lang } from './types.js';
import { LONE_SURROGATE } from '../jcs/index.js';
import { where } from './pointer-places.js';
import { jsonEscape } from '../json/unseen.js';

/**
 * Messages for procedure authors (loader and `dvc-forms lint`), Vietnamese and English. Each
 * builds one plain sentence from the facts found; `name` is the member the problem is about.
 * The words that go in as parameters are in message-words.ts, a pointer said in words in
 * pointer-places.ts, the CLI-only checks' messages in cli-check-messages.ts.
 */
type P = Record<string, string | number>;
type Catalog = Record<string, (p: P) => string>;

const vi: Catalog = {
  // Meta-schema problems.
  required: (p) => `Thiếu mục bắt buộc "${p.property}"${p.where ? ` trong ${p.where}` : ''}.`,
  uploadLimitRequired: (p) =>
    `Thiếu mục "${p.property}" trong ${p.where}: giấy tờ nộp trực tuyến cần "accept", "maxSizeBytes" và "maxFiles"; nếu người nộp mang bản chính đến nơi nộp thì ghi "atDesk": true (định dạng 1.1).`,
  missingVi: (p) => `Thiếu nội dung tiếng Việt ("vi") cho ${p.where}; tiếng Việt là bắt buộc.`,
  blankVi: (p) => `Nội dung tiếng Việt của ${p.where} đang để trống.`,
  type: (p) => `"${p.name}" phải là ${p.type}.`,
  rootType: () =>
    'Tệp thủ tục phải chứa một đối tượng JSON: bắt đầu bằng "{" và kết thúc bằng "}", không phải một mảng [...], một chuỗi, một số hay null.',
  enum: (p) => `Giá trị ${p.value} không dùng được cho "${p.name}". Chọn một trong: ${p.allowed}.`,
  enumQuoted: (p) =>
    `"${p.name}" nhận ${p.kind}, không phải chữ: viết ${p.bare} không có dấu ngoặc kép, thay cho ${p.value}.`,
  const: (p) => `"${p.name}" phải có giá trị ${p.allowed}.`,
  unknownFormat: (p) =>
    `Định dạng ${p.value} không được hỗ trợ. Dùng một định dạng chuẩn (date, email…) hoặc định dạng Việt Nam (vn-personal-id, vn-mobile…).`,
  displayDateFormat: (p) =>
    `Định dạng ${p.value} không được hỗ trợ: "format" nói dữ liệu được lưu thế nào, không phải cách hiển thị. Biểu mẫu tự hiển thị và đọc ngày theo dạng dd/mm/yyyy; hãy viết "format": "date" (dữ liệu lưu ngày theo ISO, ví dụ 2025-03-15).`,
  unknownOperator: (p) => `Phép so sánh ${p.value} không tồn tại. Chọn một trong: ${p.allowed}.`,
  additional: (p) =>
    `Mục "${p.property}" không có trong định dạng ở vị trí này${p.suggestion ? `; có phải ý bạn là "${p.suggestion}"?` : '.'}`,
  propertyName: (p) =>
    `Tên "${p.property}" không hợp lệ: chỉ dùng chữ cái không dấu, chữ số và "_", bắt đầu bằng chữ cái.`,
  pattern: (p) => `"${p.name}" không đúng dạng yêu cầu (${p.pattern}).`,
  patternCode: () => 'Mã thủ tục phải có dạng d.dddddd, ví dụ "1.001193".',
  patternVersion: () => 'Phiên bản phải theo dạng semver, ví dụ "1.0.0".',
  patternId: (p) =>
    `Mã định danh "${p.value}" không hợp lệ: bắt đầu bằng chữ cái, sau đó chỉ dùng chữ cái, chữ số, "-" hoặc "_".`,
  patternFieldPath: (p) =>
    `Đường dẫn trường "${p.value}" không hợp lệ: dùng tên thuộc tính cách nhau bằng dấu chấm, ví dụ "child.birthDate" hoặc "siblings[].fullName".`,
  patternMime: (p) =>
    `Kiểu tệp "${p.value}" không được chấp nhận: dùng kiểu MIME như "application/pdf" hoặc "image/jpeg" (không nhận SVG và HTML).`,
  unsupportedFileType: (p) =>
    `Kiểu tệp ${p.value} không phải kiểu dvc-forms kiểm tra được, nên người nộp không tải lên được tệp nào thuộc kiểu này${p.suggestion ? `; có phải ý bạn là "${p.suggestion}"?` : '.'} Dùng một trong: ${p.allowed} (hoặc "image/*").`,
  insecureUrl: (p) => `Liên kết ${p.value} phải dùng https://.`,
  urlSpace: (p) =>
    `Liên kết ${p.value} có khoảng trắng hoặc xuống dòng: viết %20 thay cho dấu cách trong địa chỉ, hoặc bỏ phần thừa.`,
  remoteRef: (p) =>
    `Tham chiếu ${p.value} trỏ ra ngoài tệp; chỉ dùng tham chiếu nội bộ dạng "#/$defs/…".`,
  range: (p) => `"${p.name}" phải ${p.comparison} ${p.limit}.`,
  amountTooLarge: (p) =>
    `Số tiền ${p.value} quá lớn: số tiền phải là một số nguyên đồng, không quá ${p.limit} (số lớn nhất mà máy tính cộng, nhân được chính xác). Hãy kiểm tra lại số tiền.`,
  minItems: (p) => `"${p.name}" cần ít nhất ${p.limit} phần tử.`,
  minLength: (p) => `"${p.name}" không được để trống.`,
  unique: (p) => `"${p.name}" có phần tử trùng nhau (vị trí ${p.i} và ${p.j}).`,
  minProperties: (p) => `"${p.name}" cần ít nhất ${p.limit} mục.`,
  conditions: () => 'Mỗi nhóm điều kiện cần đúng một trong các mục "all", "any" hoặc "not".',
  invalid: (p) => `"${p.name}" không hợp lệ.`,
  // Cross-checks.
  identifyingFieldNotText: (p) =>
    `Trường "${p.path}" dùng để nhận diện người nộp hồ sơ khi tra cứu nên phải là chuỗi (số điện thoại hoặc số định danh cá nhân), không phải kiểu "${p.type}".`,
  unknownField: (p) =>
    `Trường "${p.path}" không có trong lược đồ dữ liệu "data"${p.suggestion ? `; có phải ý bạn là "${p.suggestion}"?` : '.'}`,
  unknownFact: (p) =>
    p.suggestion
      ? `"${p.fact}" không phải là trường trong "data"; có phải ý bạn là "${p.suggestion}"?`
      : `"${p.fact}" không phải là trường trong "data" hay dữ kiện dẫn xuất (ageInYears, today, daysBetween, count).`,
  unknownRequired: (p) =>
    `Mục bắt buộc "${p.name}" không được khai báo trong "properties", nên người nộp không thể trả lời và không gửi được hồ sơ${p.suggestion ? `; có phải ý bạn là "${p.suggestion}"?` : '.'}`,
  requiredNotAsked: (p) =>
    `Mục bắt buộc "${p.path}" không được hỏi ở câu hỏi nào trong "ui", nên người nộp không thể trả lời và không gửi được hồ sơ. Thêm một câu hỏi cho trường này hoặc bỏ nó khỏi "required".`,
  addressMemberNotAsked: (p) =>
    `Câu hỏi địa chỉ "${p.address}" chỉ cho ra tỉnh, thành phố ("province"), xã, phường ("commune") và số nhà, đường ("street"), nhưng lược đồ của nó bắt buộc cả "${p.name}", nên người nộp không thể trả lời và không gửi được hồ sơ. Bỏ "${p.name}" khỏi "required" của địa chỉ (từ 1/7/2025 không còn cấp huyện), hoặc đặt nó ngoài địa chỉ và hỏi bằng một câu hỏi riêng.`,
  requireTargetNotAsked: (p) =>
    `Quy tắc "${p.rule}" bắt buộc trả lời "${p.path}", nhưng không câu hỏi nào trong "ui" hỏi trường này, nên mỗi khi quy tắc áp dụng người nộp không thể trả lời và không gửi được hồ sơ. Thêm một câu hỏi cho trường này hoặc bỏ nó khỏi "targets" của quy tắc.`,
  checkFieldNotAsked: (p) =>
    `Quy tắc kiểm tra "${p.rule}" báo lỗi ở trường "${p.path}", nhưng không câu hỏi nào trong "ui" hỏi trường này, nên người nộp thấy lỗi mà không có chỗ nào để sửa và không gửi được hồ sơ. Đặt "field" của quy tắc là trường có câu hỏi mà thông báo nhắc tới, hoặc thêm một câu hỏi cho trường này.`,
  addressPartAskedSeparately: (p) =>
    `Câu hỏi "${p.path}" nằm trong địa chỉ "${p.address}", nhưng câu hỏi địa chỉ ghi lại cả địa chỉ (chỉ gồm tỉnh, thành phố; xã, phường; số nhà, đường) mỗi khi người nộp sửa nó, nên câu trả lời "${p.name}" bị xoá mất. Đặt trường này ra ngoài địa chỉ (ví dụ cạnh "${p.address}") và hỏi nó ở đó.`,
  addressPartUndeclared: (p) =>
    `Câu hỏi địa chỉ "${p.path}" ghi tỉnh, thành phố ("province"), xã, phường ("commune") và số nhà, đường ("street"), nhưng lược đồ của nó có "additionalProperties": false mà không khai báo ${p.parts} trong "properties", nên địa chỉ người nộp nhập luôn bị từ chối. Khai báo ${p.parts} trong "properties" với "type": "string".`,
  addressPartType: (p) =>
    `Câu hỏi địa chỉ "${p.path}" ghi tỉnh, thành phố ("province"), xã, phường ("commune") và số nhà, đường ("street") đều là chuỗi chữ, nhưng lược đồ của nó cho ${p.parts} một kiểu khác, nên địa chỉ người nộp nhập luôn bị từ chối. Đặt "type": "string" cho ${p.parts}.`,
  impossibleBounds: (p) =>
    `${p.lower} (${p.min}) lớn hơn ${p.upper} (${p.max}): không câu trả lời nào hợp lệ.`,
  impossibleRange: (p) =>
    `Không có ${p.number} nào vừa ${p.low} ${p.min} vừa ${p.high} ${p.max}: không câu trả lời nào hợp lệ.`,
  constNotInEnum: (p) =>
    `Giá trị cố định ${p.value} ("const") không nằm trong danh sách "enum" của cùng lược đồ: không câu trả lời nào hợp lệ.`,
  valueTypeMismatch: (p) =>
    `Giá trị ${p.value} trong "${p.keyword}" không phải ${p.type} như "type" yêu cầu: không câu trả lời nào có thể là giá trị này.`,
  decomposedText: (p) =>
    `Giá trị ${p.value} được viết ở dạng Unicode tổ hợp (NFD), thường do gõ trên máy Mac. Biểu mẫu chuẩn hóa mọi câu trả lời về dạng dựng sẵn (NFC) trước khi so sánh, nên dvc-forms không bao giờ khớp được giá trị này; hãy viết lại nó ở dạng dựng sẵn (NFC).`,
  loneSurrogate: (p) =>
    `Chuỗi ${p.value} chứa mã ${p.code}: đó là một nửa của cặp mã UTF-16 đứng riêng, không phải một chữ thật. Nó không hiển thị được, không ghi được thành UTF-8 và làm hồ sơ không ký số được; hãy xóa mã này hoặc gõ thẳng chữ bạn muốn viết.`,
  loneSurrogateKey: (p) =>
    `Tên mục ${p.value} chứa mã ${p.code}: đó là một nửa của cặp mã UTF-16 đứng riêng, không phải một chữ thật. Nó không hiển thị được, không ghi được thành UTF-8 và làm hồ sơ không ký số được; hãy xóa mã này hoặc gõ thẳng chữ bạn muốn viết.`,
  controlCharacter: (p) =>
    `Chuỗi ${p.value} chứa ký tự điều khiển ${p.code} ở đây: đó không phải là chữ, không nhìn thấy được (thường do dán từ tệp khác) và có thể làm hỏng bản in hay tệp xuất ra từ biểu mẫu. Hãy xóa ký tự này.`,
  bidiControl: (p) =>
    `Chuỗi ${p.value} chứa ký tự điều khiển hướng chữ ${p.code} (${p.name}) ở đây: nó làm chữ hiển thị theo thứ tự khác với chữ được lưu, có thể dùng để đánh lừa người đọc, và tiếng Việt không bao giờ cần đến nó. Hãy xóa ký tự này.`,
  invisibleCharacter: (p) =>
    `Chuỗi ${p.value} chứa ký tự vô hình ${p.code} (${p.name}) ở đây: chữ trông vẫn đúng, nhưng tìm kiếm và sao chép chữ này sẽ sai. Hãy xóa ký tự này.`,
  missingFactParam: (p) => `Dữ kiện "${p.fact}" cần tham số "params.${p.param}".`,
  unknownDocument: (p) => `Không có giấy tờ nào có mã "${p.id}" trong "documents".`,
  unknownFeeItem: (p) => `Không có khoản phí nào có mã "${p.id}" trong "fees.items".`,
  unknownOption: (p) =>
    `Lựa chọn ${p.value} không có trong các giá trị cho phép của trường "${p.path}" (enum).`,
  duplicateId: (p) => `Mã "${p.id}" bị trùng: ${p.first} đã dùng mã này.`,
  duplicateOption: (p) => `Giá trị lựa chọn ${p.value} bị lặp lại trong cùng một trường.`,
  unknownOptionList: (p) =>
    `Không có danh sách lựa chọn "${p.id}" trong "optionLists" hay trong các danh sách dvc-forms cung cấp (${p.shipped})${p.suggestion ? `; có phải ý bạn là "${p.suggestion}"?` : '.'}`,
  optionsAndOptionList: () =>
    'Một câu hỏi lấy lựa chọn hoặc từ "options" hoặc từ "optionList", không dùng cả hai.',
  unknownCopySource: (p) =>
    `"copyFrom" chỉ đến "${p.name}", nhưng không có câu hỏi nào (ngoài nhóm, không phải tải tệp) hỏi trường này${p.suggestion ? `; có phải ý bạn là "${p.suggestion}"?` : '.'}`,
  copyFromItself: () =>
    '"copyFrom" chỉ đến chính câu hỏi này; hãy ghi trường của một câu hỏi đã hỏi trước nó.',
  copySourceLater: (p) =>
    `"copyFrom" chỉ đến "${p.name}", câu hỏi được hỏi sau câu hỏi này (${p.place}): người dân chưa trả lời nó khi đến đây. Chỉ dùng lại câu trả lời của câu hỏi đứng trước.`,
  copySourceAfterEligibility: (p) =>
    `"copyFrom" chỉ đến "${p.name}", nhưng câu hỏi này là câu hỏi về điều kiện (ở bước điều kiện, hoặc được một quy tắc điều kiện đọc), nên biểu mẫu hỏi nó trước "${p.name}": người dân chưa trả lời "${p.name}" khi đến đây. Chỉ dùng lại câu trả lời của câu hỏi đứng trước.`,
  copyShapeMismatch: (p) =>
    `Không thể chép câu trả lời của "${p.name}" vào "${p.path}": ${p.reason}.`,
  copyConditionLater: (p) =>
    `"when" của "copyFrom" đọc "${p.fact}", câu hỏi được hỏi sau câu hỏi này (${p.place}): người dân chưa trả lời nó khi nút dùng lại hiện ở đây. Chỉ đọc câu trả lời của câu hỏi đứng trước.`,
  copyConditionItself: (p) =>
    `"when" của "copyFrom" đọc "${p.fact}", câu trả lời của chính câu hỏi này: nút dùng lại chỉ hiện khi câu hỏi còn trống, nên điều kiện không bao giờ đúng lúc cần. Chỉ đọc câu trả lời của câu hỏi đứng trước.`,
  copyFromInGroup: (p) =>
    `Câu hỏi trong nhóm "${p.group}" không dùng được "copyFrom": mỗi mục của nhóm là một câu trả lời riêng. Đặt "copyFrom" trên chính nhóm.`,
  shippedOptionListName: (p) =>
    `"${p.id}" là tên một danh sách dvc-forms cung cấp; đặt tên khác cho danh sách của bạn.`,
  optionListValue: (p) =>
    `Giá trị ${p.value} của danh sách "${p.id}" không nằm trong "enum" của trường ${p.path}.`,
  duplicateField: (p) => `Trường "${p.path}" được hỏi hai lần (lần đầu ở ${p.first}).`,
  unsafePattern: (p) =>
    `Biểu thức chính quy ${p.value} có thể làm treo trình duyệt với dữ liệu dài (${p.reason}). Hãy viết lại để mỗi ký tự chỉ khớp theo một cách.`,
  invalidPattern: (p) =>
    `Biểu thức chính quy ${p.value} không hợp lệ (cú pháp ECMAScript, chế độ unicode).`,
  nonLinearPattern: (p) =>
    `Biểu thức chính quy ${p.value} dùng ${p.construct} "${p.text}" ở ký tự thứ ${p.position}: cấu trúc này không kiểm tra được trong thời gian tuyến tính nên không được phép. Hãy viết lại không dùng lookahead, lookbehind hay tham chiếu ngược.`,
  unresolvedRef: (p) => `Tham chiếu ${p.value} không trỏ tới lược đồ nào trong "data".`,
  refCycle: (p) =>
    `Tham chiếu ${p.value} tạo thành vòng lặp (${p.chain}); biểu mẫu không thể lồng vô hạn.`,
  groupWithoutFields: () => 'Trường kiểu "group" cần danh sách "fields" cho từng mục.',
  fileWithoutDocument: () => 'Trường kiểu "file" cần mục "document" trỏ tới một giấy tờ.',
  unknownCondition: (p) =>
    `Không có điều kiện đặt tên "${p.name}" trong "conditions"${p.suggestion ? `; có phải ý bạn là "${p.suggestion}"?` : '.'}`,
  conditionCycle: (p) =>
    `Các điều kiện đặt tên tham chiếu vòng tròn (${p.loop}); quy tắc dùng chúng không bao giờ xác định được.`,
  checkFieldInList: (p) =>
    `Quy tắc "check" gắn lỗi vào một trường, không thể là trường trong danh sách "${p.path}"; dùng trường ngoài danh sách hoặc "minItems"/"maxItems".`,
  feeScheduleOverlap: (p) =>
    `Khoảng thời gian này trùng với ${p.other}; mỗi ngày chỉ được có một mức phí.`,
  amountDecimalPoint: (p) =>
    `Số tiền ${p.raw} được đọc là ${p.value} đồng: trong JSON dấu chấm là dấu thập phân, không phải dấu phân cách hàng nghìn. Viết số tiền không có dấu chấm, ví dụ ${p.fix}.`,
  amountTrailingZeros: (p) =>
    `Số tiền ${p.raw} được đọc đúng là ${p.value} đồng, nhưng phần sau dấu chấm không có tác dụng và dễ bị đọc nhầm là dấu phân cách hàng nghìn; hãy viết ${p.value}.`,
  feeQuantityUnbounded: (p) =>
    `Trường số lượng "${p.path}" không có "maximum": nhập số quá lớn thì lệ phí không tính được chính xác. Đặt "maximum" không quá ${p.room}.`,
  feeQuantityTooLarge: (p) =>
    `"maximum" của trường số lượng "${p.path}" là ${p.maximum}, quá lớn để tính lệ phí chính xác; đặt không quá ${p.room}.`,
  feeTotalTooLarge: (p) =>
    `Tổng lệ phí lớn nhất của các khoản vượt quá ${p.max} đồng, không tính được chính xác; giảm "maximum" của các trường số lượng.`,
  feeScheduleBackwards: (p) => `Ngày bắt đầu ${p.from} sau ngày kết thúc ${p.until}.`,
  messageWithoutQuestion: (p) =>
    `Thông báo lỗi "${p.keyword}" không nêu tên câu hỏi "${p.label}"; người dân đọc nó trong bảng tóm tắt lỗi sẽ không biết lỗi ở câu nào.`,
  formatVersion: (p) =>
    `${p.feature} thuộc định dạng ${p.version}; hãy khai báo "formatVersion": ${p.needed} ở đầu tệp.${p.others ? ` Tệp còn dùng tính năng của định dạng ${p.otherVersions} ở ${p.others} chỗ khác (đánh dấu là cảnh báo); khai báo này là đủ cho tất cả.` : ''}`,
  formatVersionAlso: (p) =>
    `${p.feature} ở chỗ này là tính năng của định dạng ${p.version}, nhưng tệp khai báo "formatVersion": ${p.declared}. Hãy sửa dòng đó ở đầu tệp thành "formatVersion": ${p.needed} (định dạng mới nhất mà tệp dùng; một lần sửa này là đủ cho mọi chỗ được đánh dấu), hoặc bỏ nó khỏi chỗ này nếu tệp phải giữ định dạng ${p.declared}.`,
  notADateField: (p) =>
    `Trường "${p.path}" được so sánh như một ngày nhưng không có "format": "date"; phép so sánh ngày sẽ luôn sai.`,
  notADateFact: (p) =>
    `Phép so sánh ngày cần một ngày; "${p.fact}" là một con số. Dùng trường ngày, "today" hoặc "date".`,
  notADateValue: (p) => `Giá trị "${p.value}" không phải ngày dạng YYYY-MM-DD.`,
  widgetTypeMismatch: (p) =>
    p.fits === 'text'
      ? `Widget "phone" chỉ nhận số điện thoại Việt Nam nhưng "${p.path}" có định dạng intl-phone, nên người nước ngoài không thể nhập số của mình; dùng widget "text" với "inputmode": "tel".`
      : p.fits === 'checkbox'
        ? `Trường "${p.path}" là một danh sách (kiểu ${p.type}) nhưng widget "${p.widget}" chỉ chọn được một giá trị, nên người dân không thể sửa lỗi; dùng widget "checkbox" có "options" để chọn nhiều.`
        : `Widget "${p.widget}" cần trường kiểu danh sách (array) nhưng "${p.path}" có kiểu ${p.type}; dùng widget "${p.fits}" hoặc đổi kiểu trong "data".`,
  widgetGives: (p) =>
    `Widget "${p.widget}" cho ra ${p.gives} nhưng "${p.path}" có kiểu ${p.type}, nên người dân không thể qua bước này; dùng widget "${p.fits}" hoặc đổi kiểu trong "data".`,
  widgetWithoutOptions: (p) =>
    `Widget "${p.widget}" của "${p.path}" không có "options" hay "optionList", nên người dân không có gì để chọn và không thể trả lời; hãy khai báo các lựa chọn.`,
  widgetDateFormat: (p) =>
    `Widget "date" cho ra một ngày dạng YYYY-MM-DD nhưng "${p.path}" có định dạng ${p.format}, nên người dân không thể qua bước này; dùng widget "${p.fits}" hoặc "format": "date".`,
  conditionValueType: (p) =>
    `Giá trị ${p.value} là ${p.given} nhưng "${p.fact}" là ${p.type}, nên phép so sánh "${p.operator}" không bao giờ khớp${p.suggestion ? `; có phải ý bạn là ${p.suggestion}?` : '.'}`,
  answeredValueIgnored: (p) =>
    `Phép "${p.operator}" không dùng đến "value", nên giá trị ${p.value} ở đây không có tác dụng: điều kiện chỉ xem trường "${p.fact}" ${p.operator === 'isAnswered' ? 'đã' : 'chưa'} được trả lời. Hãy bỏ "value"; muốn hỏi điều ngược lại thì dùng "${p.opposite}".`,
  conditionValueList: (p) =>
    `Phép so sánh "${p.operator}" cần một danh sách […] các giá trị, không phải ${p.value}.`,
  conditionValueOption: (p) =>
    `Giá trị ${p.value} không phải là một lựa chọn của "${p.fact}", nên điều kiện không bao giờ khớp${p.suggestion ? `; có phải ý bạn là ${p.suggestion}?` : '.'}`,
  fileFieldInData: (p) =>
    `Trường tải tệp "${p.path}" trùng với một câu trả lời trong "data": tệp được gửi kèm như giấy tờ "${p.document}", không phải câu trả lời. Hãy xóa thuộc tính này khỏi "data" để tệp không bị ký hai lần.`,
  patternBirthDateField: (p) =>
    `"x-dvc-birthDate" phải là tên một thuộc tính cùng cấp (chữ cái không dấu, chữ số, "_"), không phải "${p.value}".`,
  unknownBirthDateField: (p) =>
    `"x-dvc-birthDate" trỏ tới "${p.target}", nhưng không có thuộc tính cùng cấp nào tên như vậy${p.suggestion ? `; có phải ý bạn là "${p.suggestion}"?` : '.'}`,
  birthDateFieldNotDate: (p) =>
    `"x-dvc-birthDate" trỏ tới "${p.target}", nhưng thuộc tính đó không có "format": "date".`,
  birthDateWithoutPersonalId: (p) =>
    `"x-dvc-birthDate" chỉ dùng cho số định danh cá nhân, nhưng "${p.name}" không có "format": "vn-personal-id".`,
  linkHostNotAllowed: (p) =>
    `Liên kết ${p.value} trỏ tới "${p.host}", không nằm trong danh sách trang được phép (${p.allowed}); biểu mẫu sẽ chỉ hiển thị nó dưới dạng chữ, không phải liên kết.`,
  casesWithoutProcedure: (p) =>
    `Không có tệp thủ tục "${p.procedure}" bên cạnh tệp ca kiểm thử này.`,
  casesName: (p) =>
    `Tệp "${p.file}" là tệp ca kiểm thử nhưng không có tên dạng <thủ tục>.cases.json, nên "dvc-forms test" sẽ không tìm thấy nó.`,
  casesDate: (p) => `"${p.name}" phải là một ngày dạng YYYY-MM-DD, không phải ${p.value}.`,
  casesFeeItem: (p) =>
    `"${p.name}" phải là mã khoản phí (chuỗi) hoặc một đối tượng { "id", "quantity", "amount", "subtotal" }.`,
  duplicateCaseName: (p) => `Tên ca kiểm thử "${p.id}" bị trùng (lần đầu ở ${p.first}).`,
  internal: (p) => `Lỗi nội bộ khi đọc quy trình: ${p.detail}. Vui lòng báo cho nhóm phát triển.`,
  fileUnreadable: (p) => `Không đọc được tệp: ${p.detail}.`,
};

const en: Catalog = {
  required: (p) =>
    `The required member "${p.property}" is missing${p.where ? ` in ${p.where}` : ''}.`,
  uploadLimitRequired: (p) =>
    `"${p.property}" is missing in ${p.where}: a document uploaded online needs "accept", "maxSizeBytes" and "maxFiles"; if the applicant brings the original to the desk, write "atDesk": true (format 1.1).`,
  missingVi: (p) => `The Vietnamese text ("vi") of ${p.where} is missing; Vietnamese is required.`,
  blankVi: (p) => `The Vietnamese text of ${p.where} is blank.`,
  type: (p) => `"${p.name}" must be ${p.type}.`,
  rootType: () =>
    'A procedure file must hold one JSON object: it starts with "{" and ends with "}", not an array [...], a string, a number or null.',
  enum: (p) => `The value ${p.value} is not allowed for "${p.name}". Use one of: ${p.allowed}.`,
  enumQuoted: (p) =>
    `"${p.name}" takes ${p.kind}, not text: write ${p.bare} without quotes instead of ${p.value}.`,
  const: (p) => `"${p.name}" must be ${p.allowed}.`,
  unknownFormat: (p) =>
    `The format ${p.value} is not supported. Use a standard format (date, email…) or a Vietnamese one (vn-personal-id, vn-mobile…).`,
  displayDateFormat: (p) =>
    `The format ${p.value} is not supported: "format" says how the data is stored, not how it is shown. The form itself shows and reads dates as dd/mm/yyyy; write "format": "date" (the data holds the date in ISO form, e.g. 2025-03-15).`,
  unknownOperator: (p) => `There is no operator ${p.value}. Use one of: ${p.allowed}.`,
  additional: (p) =>
    `"${p.property}" is not part of the format here${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'}`,
  propertyName: (p) =>
    `The name "${p.property}" is not allowed: use ASCII letters, digits and "_", starting with a letter.`,
  pattern: (p) => `"${p.name}" does not have the required form (${p.pattern}).`,
  patternCode: () => 'The procedure code must look like d.dddddd, e.g. "1.001193".',
  patternVersion: () => 'The version must be a semantic version, e.g. "1.0.0".',
  patternId: (p) =>
    `The id "${p.value}" is not valid: start with a letter, then use only letters, digits, "-" or "_".`,
  patternFieldPath: (p) =>
    `The field path "${p.value}" is not valid: use property names separated by dots, e.g. "child.birthDate" or "siblings[].fullName".`,
  patternMime: (p) =>
    `The file type "${p.value}" is not accepted: use a MIME type such as "application/pdf" or "image/jpeg" (SVG and HTML are never accepted).`,
  unsupportedFileType: (p) =>
    `The file type ${p.value} is not one dvc-forms can check, so the applicant could never upload a file of this type${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'} Use one of: ${p.allowed} (or "image/*").`,
  insecureUrl: (p) => `The link ${p.value} must use https://.`,
  urlSpace: (p) =>
    `The link ${p.value} contains a space or a line break: write %20 for a space in an address, or remove what does not belong.`,
  remoteRef: (p) =>
    `The reference ${p.value} points outside the file; only local references such as "#/$defs/…" are allowed.`,
  range: (p) => `"${p.name}" must be ${p.comparison} ${p.limit}.`,
  amountTooLarge: (p) =>
    `The amount ${p.value} is too large: an amount must be a whole number of đồng no greater than ${p.limit} (the largest number a computer adds and multiplies exactly). Check the amount.`,
  minItems: (p) => `"${p.name}" needs at least ${p.limit} item(s).`,
  minLength: (p) => `"${p.name}" must not be empty.`,
  unique: (p) => `"${p.name}" has duplicate items (positions ${p.i} and ${p.j}).`,
  minProperties: (p) => `"${p.name}" needs at least ${p.limit} member(s).`,
  conditions: () => 'Each group of conditions needs exactly one of "all", "any" or "not".',
  invalid: (p) => `"${p.name}" is not valid.`,
  identifyingFieldNotText: (p) =>
    `The field "${p.path}" identifies the applicant in the status look-up, so it must be a string (a phone number or personal ID), not "${p.type}".`,
  unknownField: (p) =>
    `The field "${p.path}" does not exist in the "data" schema${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'}`,
  unknownFact: (p) =>
    p.suggestion
      ? `"${p.fact}" is not a field in "data"; did you mean "${p.suggestion}"?`
      : `"${p.fact}" is neither a field in "data" nor a derived fact (ageInYears, today, daysBetween, count).`,
  unknownRequired: (p) =>
    `The required member "${p.name}" is not declared in "properties", so applicants could never answer it or send the form${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'}`,
  requiredNotAsked: (p) =>
    `The required answer "${p.path}" is asked by no question in "ui", so applicants could never answer it or send the form. Add a question for it or remove it from "required".`,
  addressMemberNotAsked: (p) =>
    `The address question "${p.address}" gives only the province ("province"), the commune ("commune") and the house number and street ("street"), but its schema also requires "${p.name}", so applicants could never answer it or send the form. Remove "${p.name}" from the address's "required" (there are no districts since 1 July 2025), or move it out of the address and ask it with a question of its own.`,
  requireTargetNotAsked: (p) =>
    `Rule "${p.rule}" requires an answer to "${p.path}", but no question in "ui" asks it, so whenever the rule applies applicants could never answer it or send the form. Add a question for it or remove it from the rule's "targets".`,
  checkFieldNotAsked: (p) =>
    `The check rule "${p.rule}" reports its problem at "${p.path}", but no question in "ui" asks it, so applicants would see a problem they have nowhere to correct and could not send the form. Set the rule's "field" to the asked field its message names, or add a question for it.`,
  addressPartAskedSeparately: (p) =>
    `The question "${p.path}" lies inside the address "${p.address}", but the address question writes the whole address (only province, commune and house number and street) each time the applicant changes it, so the answer to "${p.name}" is wiped. Move this field out of the address (for example beside "${p.address}") and ask it there.`,
  addressPartUndeclared: (p) =>
    `The address question "${p.path}" writes the province ("province"), the commune ("commune") and the house number and street ("street"), but its schema has "additionalProperties": false without declaring ${p.parts} in "properties", so the address applicants enter is always refused. Declare ${p.parts} in "properties" with "type": "string".`,
  addressPartType: (p) =>
    `The address question "${p.path}" writes the province ("province"), the commune ("commune") and the house number and street ("street") as text, but its schema gives ${p.parts} another type, so the address applicants enter is always refused. Set "type": "string" for ${p.parts}.`,
  impossibleBounds: (p) =>
    `The ${p.lower} (${p.min}) is greater than the ${p.upper} (${p.max}): no answer can be valid.`,
  impossibleRange: (p) =>
    `No ${p.number} is both ${p.low} ${p.min} and ${p.high} ${p.max}: no answer can be valid.`,
  constNotInEnum: (p) =>
    `The fixed value ${p.value} ("const") is not in the same schema's "enum": no answer can be valid.`,
  valueTypeMismatch: (p) =>
    `The value ${p.value} in "${p.keyword}" is not ${p.type} as "type" demands: no answer can ever be this value.`,
  decomposedText: (p) =>
    `The value ${p.value} is written in decomposed Unicode (NFD), as a Mac keyboard often types it. The form turns every answer into composed form (NFC) before comparing, so dvc-forms can never match this value; write it in composed form (NFC).`,
  loneSurrogate: (p) =>
    `The text ${p.value} contains ${p.code}, half of a UTF-16 pair standing alone, not a real character. It cannot be shown or written as UTF-8, and it stops the dossier from being signed; delete it, or type the character you meant directly.`,
  loneSurrogateKey: (p) =>
    `The member name ${p.value} contains ${p.code}, half of a UTF-16 pair standing alone, not a real character. It cannot be shown or written as UTF-8, and it stops the dossier from being signed; delete it, or type the character you meant directly.`,
  controlCharacter: (p) =>
    `The text ${p.value} contains the control character ${p.code} here: it is not text, it cannot be seen (usually pasted from another file) and it can break a printout or a file made from the form. Delete it.`,
  bidiControl: (p) =>
    `The text ${p.value} contains the bidirectional control ${p.code} (${p.name}) here: it makes the text display in another order than it is stored, which can mislead the reader, and Vietnamese never needs it. Delete it.`,
  invisibleCharacter: (p) =>
    `The text ${p.value} contains the invisible character ${p.code} (${p.name}) here: the text looks right, but searching for it and copying it go wrong. Delete it.`,
  missingFactParam: (p) => `The fact "${p.fact}" needs the parameter "params.${p.param}".`,
  unknownDocument: (p) => `There is no document with id "${p.id}" in "documents".`,
  unknownFeeItem: (p) => `There is no fee item with id "${p.id}" in "fees.items".`,
  unknownOption: (p) =>
    `The option ${p.value} is not one of the allowed values (enum) of the field "${p.path}".`,
  duplicateId: (p) => `The id "${p.id}" is used twice: ${p.first} already has it.`,
  duplicateOption: (p) => `The option value ${p.value} appears twice in the same field.`,
  unknownOptionList: (p) =>
    `There is no option list "${p.id}" in "optionLists" nor among the lists dvc-forms ships (${p.shipped})${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'}`,
  optionsAndOptionList: () =>
    'A question takes its options either from "options" or from "optionList", not both.',
  unknownCopySource: (p) =>
    `"copyFrom" names "${p.name}", but no question (outside a group, not an upload) asks that field${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'}`,
  copyFromItself: () =>
    '"copyFrom" names this question itself; give the field of a question asked before it.',
  copySourceLater: (p) =>
    `"copyFrom" names "${p.name}", which is asked after this question (${p.place}): the citizen has not answered it yet here. Only an earlier question's answer can be reused.`,
  copySourceAfterEligibility: (p) =>
    `"copyFrom" names "${p.name}", but this is an eligibility question (in an eligibility step, or read by an eligibility rule), so the form asks it before "${p.name}": the citizen has not answered "${p.name}" yet here. Only an earlier question's answer can be reused.`,
  copyShapeMismatch: (p) =>
    `The answer of "${p.name}" cannot be copied into "${p.path}": ${p.reason}.`,
  copyConditionLater: (p) =>
    `The "when" of "copyFrom" reads "${p.fact}", which is asked after this question (${p.place}): the citizen has not answered it yet when the offer is shown here. Only read answers given before this question.`,
  copyConditionItself: (p) =>
    `The "when" of "copyFrom" reads "${p.fact}", the answer of this very question: the offer is only made while the question is empty, so the condition can never hold when it matters. Only read answers given before this question.`,
  copyFromInGroup: (p) =>
    `A question inside the group "${p.group}" cannot use "copyFrom": each item of the group is an answer of its own. Put "copyFrom" on the group itself.`,
  shippedOptionListName: (p) =>
    `"${p.id}" is the name of a list dvc-forms ships; give your list another name.`,
  optionListValue: (p) =>
    `The value ${p.value} of list "${p.id}" is not in the "enum" of field ${p.path}.`,
  duplicateField: (p) => `The field "${p.path}" is asked twice (first at ${p.first}).`,
  unsafePattern: (p) =>
    `The regular expression ${p.value} can freeze the browser on long input (${p.reason}). Rewrite it so that each character can match in only one way.`,
  invalidPattern: (p) =>
    `The regular expression ${p.value} is not valid (ECMAScript syntax, unicode mode).`,
  nonLinearPattern: (p) =>
    `The regular expression ${p.value} uses ${p.construct} "${p.text}" at character ${p.position}: it cannot be matched in linear time, so it is not allowed. Rewrite it without lookaheads, lookbehinds or backreferences.`,
  unresolvedRef: (p) => `The reference ${p.value} does not point to a schema inside "data".`,
  refCycle: (p) =>
    `The reference ${p.value} forms a loop (${p.chain}); a form cannot nest without end.`,
  groupWithoutFields: () => 'A "group" field needs a "fields" list for each item.',
  fileWithoutDocument: () => 'A "file" field needs a "document" naming a document slot.',
  unknownCondition: (p) =>
    `There is no named condition "${p.name}" in "conditions"${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'}`,
  conditionCycle: (p) =>
    `The named conditions refer to each other in a loop (${p.loop}); a rule using them could never be decided.`,
  checkFieldInList: (p) =>
    `A "check" rule puts its problem at one field, not at a field inside the list "${p.path}"; use a field outside the list, or "minItems"/"maxItems".`,
  feeScheduleOverlap: (p) =>
    `This period overlaps ${p.other}; only one amount may be in force on any day.`,
  amountDecimalPoint: (p) =>
    `The amount ${p.raw} is read as ${p.value} đồng: in JSON a point is a decimal point, not a thousands separator. Write the amount without a point, e.g. ${p.fix}.`,
  amountTrailingZeros: (p) =>
    `The amount ${p.raw} is read correctly as ${p.value} đồng, but the part after the point does nothing and is easily mistaken for a thousands separator; write ${p.value}.`,
  feeQuantityUnbounded: (p) =>
    `The quantity field "${p.path}" has no "maximum": a large answer would make the fee inexact. Set "maximum" to at most ${p.room}.`,
  feeQuantityTooLarge: (p) =>
    `The "maximum" ${p.maximum} of the quantity field "${p.path}" is too large for an exact fee; set it to at most ${p.room}.`,
  feeTotalTooLarge: (p) =>
    `The largest possible total of the fee items exceeds ${p.max} đồng and could not be computed exactly; lower the quantity fields' "maximum".`,
  feeScheduleBackwards: (p) => `The first day ${p.from} is after the last day ${p.until}.`,
  messageWithoutQuestion: (p) =>
    `The "${p.keyword}" error message does not name the question "${p.label}"; read in the error summary, it would not say which question is wrong.`,
  formatVersion: (p) =>
    `${p.feature} is a format ${p.version} feature; declare "formatVersion": ${p.needed} at the top of the file.${p.others ? ` The file uses format ${p.otherVersions} features in ${p.others} other ${p.others === 1 ? 'place' : 'places'} too (marked as warnings); this one declaration covers them all.` : ''}`,
  formatVersionAlso: (p) =>
    `${p.feature} here is a format ${p.version} feature, but the file declares "formatVersion": ${p.declared}. Change that line at the top of the file to "formatVersion": ${p.needed} (the newest format the file uses; this one change fixes every place marked), or take it out here if the file must stay at format ${p.declared}.`,
  notADateField: (p) =>
    `"${p.path}" is compared as a date but has no "format": "date"; the date comparison would always be false.`,
  notADateFact: (p) =>
    `A date comparison needs a date; "${p.fact}" is a number. Use a date field, "today" or "date".`,
  notADateValue: (p) => `"${p.value}" is not a date written YYYY-MM-DD.`,
  widgetTypeMismatch: (p) =>
    p.fits === 'text'
      ? `The "phone" widget only takes Vietnamese numbers but "${p.path}" has the intl-phone format, so a foreigner could not enter their number; use a "text" widget with "inputmode": "tel".`
      : p.fits === 'checkbox'
        ? `"${p.path}" is a list (type ${p.type}) but the "${p.widget}" widget chooses one value, so the citizen could never fix the error; use a "checkbox" widget with "options" to choose several.`
        : `The "${p.widget}" widget needs a list (array) field but "${p.path}" has type ${p.type}; use a "${p.fits}" widget or change the type in "data".`,
  widgetGives: (p) =>
    `The "${p.widget}" widget gives ${p.gives} but "${p.path}" has type ${p.type}, so the citizen could never pass this step; use a "${p.fits}" widget or change the type in "data".`,
  widgetWithoutOptions: (p) =>
    `The "${p.widget}" widget of "${p.path}" has neither "options" nor "optionList", so the citizen has nothing to choose and could never answer; give its options.`,
  widgetDateFormat: (p) =>
    `The "date" widget gives a date YYYY-MM-DD but "${p.path}" has the format ${p.format}, so the citizen could never pass this step; use a "${p.fits}" widget or "format": "date".`,
  conditionValueType: (p) =>
    `The value ${p.value} is ${p.given} but "${p.fact}" is ${p.type}, so "${p.operator}" never matches${p.suggestion ? `; did you mean ${p.suggestion}?` : '.'}`,
  answeredValueIgnored: (p) =>
    `"${p.operator}" does not use "value", so the value ${p.value} here has no effect: the condition only asks whether "${p.fact}" ${p.operator === 'isAnswered' ? 'is' : 'is not'} answered. Remove "value"; for the opposite, use "${p.opposite}".`,
  conditionValueList: (p) =>
    `The operator "${p.operator}" needs a list […] of values, not ${p.value}.`,
  conditionValueOption: (p) =>
    `The value ${p.value} is not an option of "${p.fact}", so the condition never matches${p.suggestion ? `; did you mean ${p.suggestion}?` : '.'}`,
  fileFieldInData: (p) =>
    `The file field "${p.path}" is also an answer in "data": the files travel as the document "${p.document}", not as answers. Remove this property from "data" so the files are not signed twice.`,
  patternBirthDateField: (p) =>
    `"x-dvc-birthDate" must be the name of a sibling property (ASCII letters, digits, "_"), not "${p.value}".`,
  unknownBirthDateField: (p) =>
    `"x-dvc-birthDate" names "${p.target}", but there is no sibling property with that name${p.suggestion ? `; did you mean "${p.suggestion}"?` : '.'}`,
  birthDateFieldNotDate: (p) =>
    `"x-dvc-birthDate" names "${p.target}", but that property does not have "format": "date".`,
  birthDateWithoutPersonalId: (p) =>
    `"x-dvc-birthDate" only applies to personal ID numbers, but "${p.name}" does not have "format": "vn-personal-id".`,
  linkHostNotAllowed: (p) =>
    `The link ${p.value} points to "${p.host}", which is not on the allowed list (${p.allowed}); forms show it as plain text, not as a link.`,
  casesWithoutProcedure: (p) =>
    `There is no procedure file "${p.procedure}" beside this cases file.`,
  casesName: (p) =>
    `"${p.file}" is a cases file but is not named <procedure>.cases.json, so "dvc-forms test" will never find it.`,
  casesDate: (p) => `"${p.name}" must be a date YYYY-MM-DD, not ${p.value}.`,
  casesFeeItem: (p) =>
    `"${p.name}" must be a fee item id (a string) or an object { "id", "quantity", "amount", "subtotal" }.`,
  duplicateCaseName: (p) => `The case name "${p.id}" is used twice (first at ${p.first}).`,
  internal: (p) => `Internal error while reading the procedure: ${p.detail}. Please report it.`,
  fileUnreadable: (p) => `The file cannot be read: ${p.detail}.`,
};

export const PROCEDURE_MESSAGES: Record<Lang, Catalog> = { vi, en };

/**
 * Builds a message in both languages. `perLang` holds parameters that are themselves words
 * (type names, comparisons) and so differ by language.
 */
export function localized(
  key: string,
  params: P = {},
  perLang?: Partial<Record<Lang, P>>,
): Record<Lang, string> {
  return {
    vi: vi[key](readable({ ...params, ...perLang?.vi })),
    en: en[key](readable({ ...params, ...perLang?.en })),
  };
}

/**
 * `text` (a key, value or pointer quoted from a hostile file) with each lone surrogate shown as the
 * escape the file writes, `\ud800`: printed raw it would show as "�" or break the output's UTF-8.
 * Messages' parameters and the CLI's printed pointers go through it.
 */
export function escapeLoneSurrogates(text: string): string {
  return text.replace(LONE_SURROGATES, jsonEscape);
}

/** Every lone surrogate: the one definition (src/jcs), made global for `replace`. */
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

function readable(params: P): P {
  const out: P = {};
  for (const [k, v] of Object.entries(params))
    out[k] = typeof v === 'string' ? escapeLoneSurrogates(v) : v;
  return out;
}

/**
 * `localized` with the parameters in `places` (name → JSON pointer) said in words by `where`:
 * "lần đầu ở câu hỏi thứ 1 của bước thứ 2", not "/ui/steps/1/fields/0".
 */
export function localizedAt(
  key: string,
  params: P,
  places: Record<string, string>,
  perLang?: Partial<Record<Lang, P>>,
): Record<Lang, string> {
  const vi: P = { ...perLang?.vi };
  const en: P = { ...perLang?.en };
  for (const [name, pointer] of Object.entries(places)) {
    const w = where(pointer);
    vi[name] = w.vi;
    en[name] = w.en;
  }
  return localized(key, params, { vi, en });
}
