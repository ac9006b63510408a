import TuanthuCore

// Data-reading problems in both languages. The English text is the reader's own detailed message; the
// Vietnamese one says the same for an agency clerk, with the line and column given by the diagnostic.

extension CSVError {
    /// This error for a message (`Message.csvSyntax`, `.invalidEncoding`, `.unreadableFile`).
    public var phrase: Phrase {
        let vi: String
        switch kind {
        case .unterminatedQuote: vi = "một ô mở dấu ngoặc kép \" nhưng không đóng lại trước cuối tệp"
        case .characterAfterClosingQuote:
            vi = "có ký tự ngay sau dấu ngoặc kép đóng của một ô; dấu ngoặc kép nằm trong ô phải viết đôi (\"\")"
        case .invalidUTF8: vi = "tệp có ký tự không phải UTF-8; hãy lưu lại tệp dưới dạng ‘CSV UTF-8’"
        case .utf16: vi = "tệp đang ở dạng UTF-16; dữ liệu CSV phải là UTF-8: hãy lưu lại dưới dạng ‘CSV UTF-8’"
        case .fieldTooLong: vi = "một ô dài quá giới hạn cho phép của một ô (16 MiB)"
        case .tooManyFields: vi = "một dòng có hơn 16.384 ô, nhiều hơn một bảng tính chứa được; các ô từ ô 16.385 trở đi bị bỏ qua"
        case .ioError: vi = "không đọc được tệp: \(message)"
        }
        return Phrase(vi: vi, en: message)
    }
}

extension JSONError {
    /// This error for `Message.jsonSyntax`.
    public var phrase: Phrase {
        Phrase(vi: "data.json không đúng cú pháp JSON (\(message))", en: message)
    }
}

extension LegacyEncoding {
    /// `advice(path:)` in both languages.
    public func advicePhrase(path: String) -> Phrase {
        let vi: String
        switch self {
        case .windows1258:
            vi = "\(path) đang ở bảng mã Windows-1258, không phải UTF-8; lần chạy này đã tự chuyển đổi. Để chuyển hẳn: iconv -f CP1258 -t UTF-8 \(path) > converted.csv (hoặc lưu lại từ Excel dưới dạng ‘CSV UTF-8’)"
        case .tcvn3:
            vi = "\(path) có vẻ đang ở bảng mã TCVN3 (ABC), không phải UTF-8; hãy chuyển mã bằng UniKey (‘Chuyển mã’: TCVN3 → Unicode), hoặc: iconv -f TCVN5712-1 -t UTF-8 \(path) > converted.csv, rồi lưu dưới dạng ‘CSV UTF-8’"
        case .utf16(let bigEndian):
            vi = "\(path) đang ở dạng UTF-16, không phải UTF-8; lần chạy này đã tự chuyển đổi. Để chuyển hẳn: iconv -f UTF-16\(bigEndian ? "BE" : "LE") -t UTF-8 \(path) > converted.csv (hoặc lưu lại từ Excel dưới dạng ‘CSV UTF-8’)"
        }
        return Phrase(vi: vi, en: advice(path: path))
    }
}
