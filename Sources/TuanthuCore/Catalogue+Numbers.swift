/// Why a cell is not a number, in both languages (`Message.badValue`).
extension NumberParseError {
    public var phrase: Phrase { Phrase(vi: vietnameseMessage, en: message) }

    var vietnameseMessage: String {
        let vietnamese = locale == .vietnamese
        let example = vietnamese ? "1.250.000,5" : "1250000.5"
        let b = String(decoding: [byte], as: UTF8.self)
        switch kind ?? (reason == .empty ? .empty : reason == .tooManyDigits ? .tooManyDigits : reason == .unexpectedCharacter ? .unexpectedCharacter : (vietnamese ? .badGrouping : .danglingDecimalSeparator)) {
        case .empty: return "ô này không có số; hãy ghi chữ số, ví dụ \(example)"
        case .signWithoutDigits: return "sau ‘\(b)’ phải có chữ số, ví dụ \(b)\(example)"
        case .unexpectedCharacter:
            return vietnamese
                ? "có ký tự không thuộc về một con số; chỉ ghi chữ số, dấu ‘-’ ở đầu nếu là số âm, ‘.’ ngăn cách hàng nghìn và ‘,’ trước phần thập phân (ví dụ 1.250.000,5)"
                : "có ký tự không thuộc về một con số; chỉ ghi chữ số, dấu ‘-’ ở đầu nếu là số âm và ‘.’ trước phần thập phân (ví dụ 1250000.5); bỏ đơn vị và ký hiệu tiền tệ"
        case .commaInPlain:
            return "không dùng dấu ‘,’ ở định dạng số thường: ghi liền các chữ số và dùng ‘.’ trước phần thập phân (ví dụ 1250000.5), hoặc chạy với --number-locale vi"
        case .spaceInside: return "không được có dấu cách bên trong một con số (ghi 1250000, không ghi 1 250 000)"
        case .danglingDecimalSeparator: return "dấu thập phân phải có chữ số ở cả hai bên (ghi 0,5 hoặc 0.5, không ghi ,5 hay 5,)"
        case .secondDecimalSeparator: return "một con số chỉ có một dấu thập phân"
        case .groupingInFraction: return "dấu ‘.’ ngăn cách hàng nghìn không được đứng sau dấu thập phân ‘,’ (ví dụ 1.250,125)"
        case .badGrouping: return "dấu ‘.’ phải ngăn cách đúng từng nhóm ba chữ số (ghi 1.250.000 cho một triệu hai trăm năm mươi nghìn, và 18,5 cho mười tám phẩy năm)"
        case .leadingZeroGroup: return "dấu ‘.’ là dấu ngăn cách hàng nghìn, nên số có nhóm không bắt đầu bằng 0 (ghi 0,5 cho một nửa)"
        case .tooManyDigits: return "một con số có tối đa \(ExactNumber.maxDigits) chữ số; số này dài hơn (kiểm tra có thiếu dấu ngăn cách hay dán nhầm giá trị)"
        }
    }
}
