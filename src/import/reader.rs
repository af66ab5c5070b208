//! The seizure-log reader: a CSV from outside, read one row at a time with every field bounded
//! while it is read (a 100 MB field is counted, never held), with the line each row starts on.
//!
//! Before the first row it refuses what is not UTF-8 CSV text: an empty file, UTF-16 (by its
//! byte-order mark or its pattern of NUL bytes, with how to convert it) and binary files (NUL
//! bytes). It finds the delimiter (`,` `;` or tab) in the header line.

use std::io::BufRead;

use super::{ImportError, MAX_FIELD_BYTES};

/// Columns kept of a row; a header of more is refused, a row of more is kept short (and
/// refused for its width).
pub const MAX_COLUMNS: usize = 1024;

/// The start of the file in which NUL bytes, or their UTF-16 pattern, are looked for before
/// the first row; later NUL bytes are found in the row that holds them.
pub const HEAD_BYTES: usize = 8 * 1024;

/// A row's fields together are kept up to this many bytes; past it the row is counted, not
/// kept, and refused (a chunk of rows stays a few megabytes, whatever the file).
pub const MAX_ROW_BYTES: u64 = 256 * 1024;

/// One row as read.
#[derive(Debug, Clone)]
pub struct Row {
    /// The 1-based line the row starts on.
    pub line: u64,
    /// Its fields, at most `MAX_COLUMNS`; a field over the limit is kept empty.
    pub fields: csv::ByteRecord,
    /// The first field over `MAX_FIELD_BYTES`: its 0-based column and its length in bytes.
    pub too_long: Option<(usize, u64)>,
    /// How many fields the row has, kept or not.
    pub width: usize,
    /// The row's length in bytes, when it is over `MAX_ROW_BYTES` (its fields are not kept).
    pub too_big: Option<u64>,
    /// Bytes of the file read once this row is.
    pub offset: u64,
}

impl Row {
    /// The 0-based column of the first field holding a NUL byte (a binary file pasted in).
    pub fn nul_column(&self) -> Option<usize> {
        self.fields
            .iter()
            .position(|f| memchr::memchr(0, f).is_some())
    }
}

/// Reads rows from `input` (already past nothing: the UTF-8 byte-order mark is skipped here).
#[derive(Debug)]
pub struct LogReader<R> {
    input: R,
    core: csv_core::Reader,
    delimiter: u8,
    offset: u64,
    newlines: u64,
    out: Vec<u8>,
    field: Vec<u8>,
    done: bool,
}

/// Whether `head` looks like UTF-16: a byte-order mark, or NUL bytes at nearly every odd or
/// every even position (ASCII text in UTF-16).
pub fn is_utf16(head: &[u8]) -> bool {
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let pairs = head.len() / 2;
    if pairs < 2 {
        return false;
    }
    let zero_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let (even, odd) = (zero_at(0), zero_at(1));
    let most = pairs * 9 / 10;
    (odd >= most && even * 10 < pairs) || (even >= most && odd * 10 < pairs)
}

/// Detects the delimiter from the header line: the one of `,` `;` tab that splits it most,
/// outside quotes.
pub fn sniff_delimiter(header: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in header {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            b'\n' if !quoted => break,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|i| (counts[*i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

impl<R: BufRead> LogReader<R> {
    /// Checks the start of the file and finds its delimiter. `name` is how errors name it.
    pub fn new(mut input: R, name: &str) -> Result<LogReader<R>, ImportError> {
        let head = input.fill_buf()?;
        if head.is_empty() {
            return Err(ImportError::Empty);
        }
        if is_utf16(head) {
            return Err(ImportError::NotText(crate::t!("import-utf16")));
        }
        let mut offset = 0;
        if head.starts_with(b"\xEF\xBB\xBF") {
            input.consume(3);
            offset = 3;
        }
        let head = input.fill_buf()?;
        let head = &head[..head.len().min(HEAD_BYTES)];
        if head.contains(&0) {
            return Err(ImportError::NotText(crate::t!(
                "import-nul-file",
                file = name
            )));
        }
        let delimiter = sniff_delimiter(head);
        Ok(LogReader {
            input,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            delimiter,
            offset,
            newlines: 0,
            out: vec![0; 16 * 1024],
            field: Vec::new(),
            done: false,
        })
    }

    pub fn delimiter(&self) -> u8 {
        self.delimiter
    }

    /// The next row, or `None` at the end of the file.
    pub fn next_row(&mut self) -> Result<Option<Row>, ImportError> {
        if self.done {
            return Ok(None);
        }
        // A row "starting" on the \n of a CRLF pair begins on the next line.
        let peeked = self.input.fill_buf()?.first().copied();
        let line = self.newlines + 1 + u64::from(peeked == Some(b'\n'));
        let mut fields = csv::ByteRecord::new();
        let (mut width, mut too_long) = (0usize, None);
        let (mut length, mut total): (u64, u64) = (0, 0);
        self.field.clear();
        loop {
            let input = self.input.fill_buf()?;
            let (result, read, written) = self.core.read_field(input, &mut self.out);
            self.newlines += memchr::memchr_iter(b'\n', &input[..read]).count() as u64;
            self.offset += read as u64;
            self.input.consume(read);
            length += written as u64;
            total += written as u64;
            // Bounded while reading: past the limit the field is counted, not kept.
            if length <= MAX_FIELD_BYTES as u64 && total <= MAX_ROW_BYTES {
                self.field.extend_from_slice(&self.out[..written]);
            }
            match result {
                csv_core::ReadFieldResult::InputEmpty | csv_core::ReadFieldResult::OutputFull => {}
                csv_core::ReadFieldResult::Field { record_end } => {
                    if length > MAX_FIELD_BYTES as u64 {
                        too_long = too_long.or(Some((width, length)));
                    }
                    if length > MAX_FIELD_BYTES as u64 || total > MAX_ROW_BYTES {
                        self.field.clear();
                    }
                    if width < MAX_COLUMNS {
                        fields.push_field(&self.field);
                    }
                    width += 1;
                    length = 0;
                    self.field.clear();
                    if record_end {
                        return Ok(Some(Row {
                            line,
                            fields,
                            too_long,
                            width,
                            too_big: (total > MAX_ROW_BYTES).then_some(total),
                            offset: self.offset,
                        }));
                    }
                }
                csv_core::ReadFieldResult::End => {
                    self.done = true;
                    return Ok(None);
                }
            }
        }
    }

    /// The header row: column names, UTF-8, at most `MAX_COLUMNS`, none over the field limit.
    pub fn header(&mut self) -> Result<Vec<String>, ImportError> {
        let Some(row) = self.next_row()? else {
            return Err(ImportError::Empty);
        };
        if row.width > MAX_COLUMNS {
            return Err(ImportError::Header(crate::t!(
                "import-header-columns",
                columns = row.width,
                max = MAX_COLUMNS
            )));
        }
        if let Some(bytes) = row.too_big {
            return Err(ImportError::Header(crate::t!(
                "import-header-too-big",
                bytes = bytes,
                limit = MAX_ROW_BYTES
            )));
        }
        if let Some((column, bytes)) = row.too_long {
            let number = column + 1;
            return Err(ImportError::Header(crate::t!(
                "import-header-name-too-long",
                column = number,
                bytes = bytes,
                limit = MAX_FIELD_BYTES
            )));
        }
        if row.nul_column().is_some() {
            return Err(ImportError::NotText(crate::t!("import-header-nul")));
        }
        let header = row
            .fields
            .iter()
            .map(|h| std::str::from_utf8(h).map(str::to_owned))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|_| ImportError::NotText(crate::t!("import-header-not-utf8")))?;
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err(ImportError::Empty);
        }
        Ok(header)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &[u8]) -> Vec<Row> {
        let mut reader = LogReader::new(text, "t.csv").unwrap();
        std::iter::from_fn(|| reader.next_row().unwrap()).collect()
    }

    #[test]
    fn lines_count_quoted_newlines_and_crlf() {
        let rows = rows(b"a,b\r\n\"x\r\ny\",2\r\nz,3\r\n");
        let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 2, 4]);
        assert_eq!(&rows[1].fields[0], b"x\r\ny");
    }

    #[test]
    fn a_field_over_the_limit_is_counted_not_kept() {
        let mut text = b"a,b\n1,\"".to_vec();
        text.extend(std::iter::repeat_n(b'x', MAX_FIELD_BYTES + 10));
        text.extend(b"\"\n2,3\n");
        let rows = rows(&text);
        assert_eq!(rows[1].too_long, Some((1, MAX_FIELD_BYTES as u64 + 10)));
        assert_eq!(&rows[1].fields[1], b"");
        assert_eq!(rows[2].line, 3);
        assert_eq!(rows[2].too_long, None);
    }

    #[test]
    fn utf16_is_named_by_its_mark_or_its_nul_pattern() {
        let text: Vec<u8> = "a,b\n1,2\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(is_utf16(&text));
        let big: Vec<u8> = "a,b\n1,2\n"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert!(is_utf16(&big));
        assert!(is_utf16(b"\xFF\xFEa\0"));
        assert!(!is_utf16(b"a,b\n1,2\n"));
        assert!(!is_utf16(b"a,b\0\n1,2\n"));
    }
}
