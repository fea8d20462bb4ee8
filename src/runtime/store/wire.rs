//! The wire format between a store and an engine in another WebAssembly module: an
//! [`Op`] as request bytes, its `Result<Answer, String>` as reply bytes. Our own
//! compact binary form (a tag byte, then the fields; lengths and counts as LEB128,
//! integers as zigzag LEB128, floats as 8 little-endian bytes, text as UTF-8), made to
//! carry 50,000 rows without a serializer's code in either module. Decoding checks
//! every length and tag: bytes that are not a request or reply are an error, never a
//! panic.

use super::{Answer, Cell, ColumnKind, Comparison, Filter, Op};

/// The bytes of `op`.
pub(crate) fn request(op: &Op) -> Vec<u8> {
    let mut out = Writer::default();
    match op {
        Op::CreateTable { table, columns } => {
            out.byte(0);
            out.text(table);
            out.list(columns, |out, (name, kind)| {
                out.text(name);
                out.byte(column_kind_tag(*kind));
            });
        }
        Op::DropTable { table } => {
            out.byte(1);
            out.text(table);
        }
        Op::Insert {
            table,
            columns,
            rows,
        } => {
            out.byte(2);
            out.text(table);
            out.texts(columns);
            out.list(rows, |out, row| out.cells(row));
        }
        Op::Select { table, filter } => {
            out.byte(3);
            out.text(table);
            out.filter(filter);
        }
        Op::Delete { table, filter } => {
            out.byte(4);
            out.text(table);
            out.filter(filter);
        }
    }
    out.0
}

/// The op in `bytes`.
pub(crate) fn op(bytes: &[u8]) -> Result<Op, String> {
    let mut input = Reader::new(bytes);
    let op = match input.byte()? {
        0 => {
            let table = input.text()?;
            let columns = input.list(|input| Ok((input.text()?, input.column_kind()?)))?;
            Op::CreateTable { table, columns }
        }
        1 => Op::DropTable {
            table: input.text()?,
        },
        2 => Op::Insert {
            table: input.text()?,
            columns: input.list(Reader::text)?,
            rows: input.list(Reader::cells)?,
        },
        3 => Op::Select {
            table: input.text()?,
            filter: input.filter()?,
        },
        4 => Op::Delete {
            table: input.text()?,
            filter: input.filter()?,
        },
        _ => return Err(input.malformed()),
    };
    input.end()?;
    Ok(op)
}

/// The bytes of what a store answered.
pub(crate) fn reply(answer: &Result<Answer, String>) -> Vec<u8> {
    let mut out = Writer::default();
    match answer {
        Ok(Answer::Rows(labels, rows)) => {
            out.byte(0);
            out.texts(labels);
            out.list(rows, |out, row| out.cells(row));
        }
        Ok(Answer::Affected(n)) => {
            out.byte(1);
            out.unsigned(*n as u64);
        }
        Ok(Answer::Done) => out.byte(2),
        Err(message) => {
            out.byte(3);
            out.text(message);
        }
    }
    out.0
}

/// A reply that says the engine could not answer (a closed store).
pub(crate) fn failure(message: &str) -> Vec<u8> {
    reply(&Err(message.to_string()))
}

/// What the reply in `bytes` says.
pub(crate) fn answer(bytes: &[u8]) -> Result<Answer, String> {
    let mut input = Reader::new(bytes);
    let answer = match input.byte()? {
        0 => Ok(Answer::Rows(
            input.list(Reader::text)?,
            input.list(Reader::cells)?,
        )),
        1 => Ok(Answer::Affected(
            usize::try_from(input.unsigned()?).map_err(|_| input.malformed())?,
        )),
        2 => Ok(Answer::Done),
        3 => Err(input.text()?),
        _ => return Err(input.malformed()),
    };
    input.end()?;
    answer
}

fn column_kind_tag(kind: ColumnKind) -> u8 {
    match kind {
        ColumnKind::Int => 0,
        ColumnKind::Float => 1,
        ColumnKind::Text => 2,
        ColumnKind::Bool => 3,
    }
}

const COMPARISONS: [Comparison; 6] = [
    Comparison::Eq,
    Comparison::NotEq,
    Comparison::Gt,
    Comparison::GtEq,
    Comparison::Lt,
    Comparison::LtEq,
];

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn byte(&mut self, byte: u8) {
        self.0.push(byte);
    }

    fn unsigned(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.0.push((n as u8) | 0x80);
            n >>= 7;
        }
        self.0.push(n as u8);
    }

    fn count(&mut self, n: usize) {
        self.unsigned(n as u64);
    }

    fn text(&mut self, text: &str) {
        self.count(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    /// A count, then each item: what `Reader::list` reads.
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.count(items.len());
        for each in items {
            item(self, each);
        }
    }

    fn texts(&mut self, texts: &[String]) {
        self.list(texts, |out, text| out.text(text));
    }

    fn cell(&mut self, cell: &Cell) {
        match cell {
            Cell::Null => self.byte(0),
            Cell::Int(i) => {
                self.byte(1);
                self.unsigned(((i << 1) ^ (i >> 63)) as u64);
            }
            Cell::Float(f) => {
                self.byte(2);
                self.0.extend_from_slice(&f.to_le_bytes());
            }
            Cell::Text(text) => {
                self.byte(3);
                self.text(text);
            }
            Cell::Bool(b) => self.byte(4 + u8::from(*b)),
        }
    }

    fn cells(&mut self, cells: &[Cell]) {
        self.list(cells, Writer::cell);
    }

    fn filter(&mut self, filter: &Filter) {
        match filter {
            Filter::All => self.byte(0),
            Filter::Nothing => self.byte(1),
            Filter::Compare { column, op, value } => {
                self.byte(2);
                self.text(column);
                let tag = COMPARISONS.iter().position(|c| c == op).unwrap_or(0);
                self.byte(tag as u8);
                self.cell(value);
            }
            Filter::IsNull { column, negated } => {
                self.byte(3);
                self.text(column);
                self.byte(u8::from(*negated));
            }
            Filter::In {
                column,
                values,
                negated,
            } => {
                self.byte(4);
                self.text(column);
                self.cells(values);
                self.byte(u8::from(*negated));
            }
            Filter::Between {
                column,
                low,
                high,
                negated,
            } => {
                self.byte(5);
                self.text(column);
                self.cell(low);
                self.cell(high);
                self.byte(u8::from(*negated));
            }
            Filter::Like {
                column,
                pattern,
                negated,
                case_insensitive,
            } => {
                self.byte(6);
                self.text(column);
                self.cell(pattern);
                self.byte(u8::from(*negated) | u8::from(*case_insensitive) << 1);
            }
            Filter::And(items) => {
                self.byte(7);
                self.list(items, Writer::filter);
            }
            Filter::Or(items) => {
                self.byte(8);
                self.list(items, Writer::filter);
            }
            Filter::Invalid(message) => {
                self.byte(9);
                self.text(message);
            }
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// How deep in nested filters: a bound, so that no input overflows the stack.
    depth: usize,
}

impl<'a> Reader<'a> {
    const MAX_DEPTH: usize = 200;

    fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            at: 0,
            depth: 0,
        }
    }

    fn malformed(&self) -> String {
        format!(
            "the SQL engine's module sent bytes the playground cannot read (at byte {})",
            self.at
        )
    }

    fn end(&self) -> Result<(), String> {
        match self.at == self.bytes.len() {
            true => Ok(()),
            false => Err(self.malformed()),
        }
    }

    fn byte(&mut self) -> Result<u8, String> {
        let byte = *self.bytes.get(self.at).ok_or_else(|| self.malformed())?;
        self.at += 1;
        Ok(byte)
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| self.malformed())?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn unsigned(&mut self) -> Result<u64, String> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            n |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(n);
            }
        }
        Err(self.malformed())
    }

    /// A count of things still to come: never more than the bytes left, so that a bad
    /// count cannot ask for a huge allocation.
    fn count(&mut self) -> Result<usize, String> {
        let n = self.unsigned()?;
        match usize::try_from(n) {
            Ok(n) if n <= self.bytes.len() - self.at => Ok(n),
            _ => Err(self.malformed()),
        }
    }

    fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let n = self.count()?;
        (0..n).map(|_| item(self)).collect()
    }

    fn text(&mut self) -> Result<String, String> {
        let n = self.count()?;
        let bytes = self.take(n)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| self.malformed())
    }

    fn flag(&mut self) -> Result<bool, String> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(self.malformed()),
        }
    }

    fn column_kind(&mut self) -> Result<ColumnKind, String> {
        Ok(match self.byte()? {
            0 => ColumnKind::Int,
            1 => ColumnKind::Float,
            2 => ColumnKind::Text,
            3 => ColumnKind::Bool,
            _ => return Err(self.malformed()),
        })
    }

    fn cell(&mut self) -> Result<Cell, String> {
        Ok(match self.byte()? {
            0 => Cell::Null,
            1 => {
                let n = self.unsigned()?;
                Cell::Int((n >> 1) as i64 ^ -((n & 1) as i64))
            }
            2 => {
                let bytes: [u8; 8] = self.take(8)?.try_into().map_err(|_| self.malformed())?;
                Cell::Float(f64::from_le_bytes(bytes))
            }
            3 => Cell::Text(self.text()?),
            4 => Cell::Bool(false),
            5 => Cell::Bool(true),
            _ => return Err(self.malformed()),
        })
    }

    fn cells(&mut self) -> Result<Vec<Cell>, String> {
        self.list(Reader::cell)
    }

    fn filter(&mut self) -> Result<Filter, String> {
        self.depth += 1;
        if self.depth > Self::MAX_DEPTH {
            return Err(self.malformed());
        }
        let filter = match self.byte()? {
            0 => Filter::All,
            1 => Filter::Nothing,
            2 => {
                let column = self.text()?;
                let op = *COMPARISONS
                    .get(usize::from(self.byte()?))
                    .ok_or_else(|| self.malformed())?;
                Filter::Compare {
                    column,
                    op,
                    value: self.cell()?,
                }
            }
            3 => Filter::IsNull {
                column: self.text()?,
                negated: self.flag()?,
            },
            4 => Filter::In {
                column: self.text()?,
                values: self.cells()?,
                negated: self.flag()?,
            },
            5 => Filter::Between {
                column: self.text()?,
                low: self.cell()?,
                high: self.cell()?,
                negated: self.flag()?,
            },
            6 => {
                let column = self.text()?;
                let pattern = self.cell()?;
                let flags = self.byte()?;
                if flags > 3 {
                    return Err(self.malformed());
                }
                Filter::Like {
                    column,
                    pattern,
                    negated: flags & 1 == 1,
                    case_insensitive: flags & 2 == 2,
                }
            }
            7 => Filter::And(self.list(Reader::filter)?),
            8 => Filter::Or(self.list(Reader::filter)?),
            9 => Filter::Invalid(self.text()?),
            _ => return Err(self.malformed()),
        };
        self.depth -= 1;
        Ok(filter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_filter() -> Filter {
        let text = Cell::Text("é'\"\n".into());
        Filter::Or(vec![
            Filter::All,
            Filter::Nothing,
            Filter::And(
                COMPARISONS
                    .iter()
                    .map(|&op| Filter::Compare {
                        column: "id".into(),
                        op,
                        value: Cell::Int(-7),
                    })
                    .collect(),
            ),
            Filter::IsNull {
                column: "deletedAt".into(),
                negated: true,
            },
            Filter::In {
                column: "ownerId".into(),
                values: vec![Cell::Int(i64::MIN), Cell::Int(i64::MAX), Cell::Null],
                negated: false,
            },
            Filter::Between {
                column: "age".into(),
                low: Cell::Float(-0.5),
                high: Cell::Float(f64::INFINITY),
                negated: true,
            },
            Filter::Like {
                column: "name".into(),
                pattern: text,
                negated: true,
                case_insensitive: true,
            },
            Filter::Invalid("IN 5".into()),
        ])
    }

    fn every_op() -> Vec<Op> {
        vec![
            Op::CreateTable {
                table: "pugs".into(),
                columns: vec![
                    ("id".into(), ColumnKind::Int),
                    ("weight".into(), ColumnKind::Float),
                    ("name".into(), ColumnKind::Text),
                    ("good".into(), ColumnKind::Bool),
                ],
            },
            Op::DropTable {
                table: "pugs".into(),
            },
            Op::Insert {
                table: "pugs".into(),
                columns: vec!["id".into(), "name".into()],
                rows: vec![
                    vec![Cell::Int(1), Cell::Text("Tom".into())],
                    vec![Cell::Bool(true), Cell::Bool(false)],
                    vec![],
                ],
            },
            Op::Select {
                table: "pugs".into(),
                filter: every_filter(),
            },
            Op::Delete {
                table: "".into(),
                filter: Filter::All,
            },
        ]
    }

    #[test]
    fn every_op_comes_back_as_sent() {
        for sent in every_op() {
            assert_eq!(op(&request(&sent)), Ok(sent));
        }
    }

    #[test]
    fn every_answer_comes_back_as_sent() {
        let answers = [
            Ok(Answer::Rows(
                vec!["id".into(), "name".into()],
                vec![vec![Cell::Int(0), Cell::Float(1e21)], vec![Cell::Null]],
            )),
            Ok(Answer::Affected(70_000)),
            Ok(Answer::Done),
            Err("the table refused the statement".to_string()),
        ];
        for sent in answers {
            assert_eq!(answer(&reply(&sent)), sent);
        }
    }

    /// Every cut and every changed byte of a real request is an error or another op,
    /// never a panic; so is a filter nested past the bound.
    #[test]
    fn bad_bytes_are_errors() {
        let good = request(&every_op()[3]);
        for cut in 0..good.len() {
            assert!(op(&good[..cut]).is_err());
        }
        for at in 0..good.len() {
            for byte in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut bad = good.clone();
                bad[at] = byte;
                let _ = op(&bad);
                let _ = answer(&bad);
            }
        }
        let deep = (0..500).fold(Filter::All, |inner, _| Filter::And(vec![inner]));
        let bytes = request(&Op::Select {
            table: "t".into(),
            filter: deep,
        });
        assert!(op(&bytes).is_err());
        assert!(op(&[2, 1, b't', 0, 0xff, 0xff, 0xff, 0xff, 0x0f]).is_err());
    }
}
