//! JSON with object keys sorted, written in one pass into one buffer: pretty (indented
//! as `serde_json::to_string_pretty`) or compact.
//!
//! The JSON exports have always had sorted keys because they went through
//! `serde_json::Value` (whose maps sort, `preserve_order` being off), while the view
//! structs declare their fields in reading order. Building a `Value` per item, printing
//! it, then indenting it with a whole-string `replace` cost
//! more than the rest of `data/briefing.json`; this writer makes the same bytes directly.
//!
//! Each object entry is written where it stands, as `,\n<indent>"key": value`; an object
//! whose keys came in sorted order then only needs its first comma turned into `{`, and
//! only an unsorted one has its entries moved (through a scratch buffer). Give the large
//! structs their fields in sorted order and their contents are never moved.

use serde::ser::{self, Serialize, SerializeMap};
use serde_json::Error;
use std::ops::Range;

mod key;
mod string;
use key::KeyWriter;
use string::string;

/// Writes `value` at the end of `out` as `serde_json::to_string_pretty` would after a
/// round trip through `Value` (keys sorted), as if nested `depth` levels deep.
pub fn write<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    depth: usize,
    value: &T,
) -> Result<(), Error> {
    write_as(out, depth, value, false)
}

/// Writes `value` at the end of `out` as `serde_json::to_string` would after a round
/// trip through `Value` (keys sorted, no whitespace).
pub fn write_compact<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> Result<(), Error> {
    write_as(out, 0, value, true)
}

fn write_as<T: Serialize + ?Sized>(
    out: &mut Vec<u8>,
    depth: usize,
    value: &T,
    compact: bool,
) -> Result<(), Error> {
    let mut p = Pretty {
        out: std::mem::take(out),
        compact,
        depth,
        entries: Vec::new(),
        keys: String::new(),
        scratch: Vec::new(),
    };
    let done = value.serialize(&mut p);
    *out = p.out;
    done
}

struct Pretty {
    out: Vec<u8>,
    /// No line breaks, no indentation, no space after a colon.
    compact: bool,
    depth: usize,
    /// Entries of the objects being written, innermost last.
    entries: Vec<Entry>,
    /// Their keys, unescaped, for sorting.
    keys: String,
    /// Room to reorder an unsorted object's entries.
    scratch: Vec<u8>,
}

/// One object entry: its key in `keys` and its text in `out`.
struct Entry {
    key: Range<usize>,
    text: Range<usize>,
}

impl Pretty {
    fn newline(&mut self, depth: usize) {
        if self.compact {
            return;
        }
        self.out.push(b'\n');
        self.out.resize(self.out.len() + 2 * depth, b' ');
    }

    fn colon(&mut self) {
        self.out
            .extend_from_slice(if self.compact { b":" } else { b": " });
    }

    /// A scalar, formatted as serde_json does (compact and pretty agree on scalars).
    fn scalar<T: Serialize>(&mut self, v: T) -> Result<(), Error> {
        serde_json::to_writer(&mut self.out, &v)
    }

    /// Opens `{"variant": ` around a variant's contents, which go one level deeper.
    fn open_variant(&mut self, variant: &str) -> Result<(), Error> {
        self.out.push(b'{');
        self.newline(self.depth + 1);
        string(&mut self.out, variant)?;
        self.colon();
        self.depth += 1;
        Ok(())
    }

    fn close_variant(&mut self) {
        self.depth -= 1;
        self.newline(self.depth);
        self.out.push(b'}');
    }
}

macro_rules! scalars {
    ($($f:ident: $t:ty),*) => {
        $(fn $f(self, v: $t) -> Result<(), Error> { self.scalar(v) })*
    };
}

impl<'a> ser::Serializer for &'a mut Pretty {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Obj<'a>;
    type SerializeStruct = Obj<'a>;
    type SerializeStructVariant = Obj<'a>;

    scalars!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128);

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        // Through `Value`, as before: non-finite numbers become `null`.
        self.scalar(serde_json::Value::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.scalar(serde_json::Value::from(v))
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        string(&mut self.out, v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        string(&mut self.out, v)
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        ser::Serializer::collect_seq(self, v)
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.scalar(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.scalar(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Error> {
        self.scalar(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, v: &'static str) -> Result<(), Error> {
        string(&mut self.out, v)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        let mut map = Obj::new(self, false);
        map.serialize_entry(variant, v)?;
        map.end()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq<'a>, Error> {
        Ok(Seq::new(self, false))
    }
    fn serialize_tuple(self, _: usize) -> Result<Seq<'a>, Error> {
        Ok(Seq::new(self, false))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Seq<'a>, Error> {
        Ok(Seq::new(self, false))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Seq<'a>, Error> {
        self.open_variant(variant)?;
        Ok(Seq::new(self, true))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Obj<'a>, Error> {
        Ok(Obj::new(self, false))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Obj<'a>, Error> {
        Ok(Obj::new(self, false))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Obj<'a>, Error> {
        self.open_variant(variant)?;
        Ok(Obj::new(self, true))
    }
}

/// An array being written; `variant` when it is wrapped in `{"variant": ...}`.
pub struct Seq<'a> {
    p: &'a mut Pretty,
    empty: bool,
    variant: bool,
}

impl<'a> Seq<'a> {
    fn new(p: &'a mut Pretty, variant: bool) -> Self {
        p.out.push(b'[');
        Seq {
            p,
            empty: true,
            variant,
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        if !self.empty {
            self.p.out.push(b',');
        }
        self.empty = false;
        self.p.newline(self.p.depth + 1);
        self.p.depth += 1;
        let done = v.serialize(&mut *self.p);
        self.p.depth -= 1;
        done
    }

    fn close(self) -> Result<(), Error> {
        if !self.empty {
            self.p.newline(self.p.depth);
        }
        self.p.out.push(b']');
        if self.variant {
            self.p.close_variant();
        }
        Ok(())
    }
}

macro_rules! seq_impl {
    ($($tr:ident :: $m:ident),*) => {$(
        impl ser::$tr for Seq<'_> {
            type Ok = ();
            type Error = Error;
            fn $m<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
                self.element(v)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}
seq_impl!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// An object being written; `variant` when it is wrapped in `{"variant": ...}`.
pub struct Obj<'a> {
    p: &'a mut Pretty,
    /// Where its text starts in `out`, its entries in `entries`, its keys in `keys`.
    start: usize,
    first: usize,
    keys: usize,
    variant: bool,
}

impl<'a> Obj<'a> {
    fn new(p: &'a mut Pretty, variant: bool) -> Self {
        Obj {
            start: p.out.len(),
            first: p.entries.len(),
            keys: p.keys.len(),
            p,
            variant,
        }
    }

    fn key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Error> {
        let p = &mut *self.p;
        let from = p.keys.len();
        k.serialize(KeyWriter(&mut p.keys))?;
        let at = p.out.len();
        p.out.push(b',');
        p.newline(p.depth + 1);
        string(&mut p.out, &p.keys[from..])?;
        p.colon();
        p.entries.push(Entry {
            key: from..p.keys.len(),
            text: at..at,
        });
        Ok(())
    }

    fn value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.p.depth += 1;
        let done = v.serialize(&mut *self.p);
        self.p.depth -= 1;
        let end = self.p.out.len();
        if let Some(e) = self.p.entries.last_mut() {
            e.text.end = end;
        }
        done
    }

    fn close(self) -> Result<(), Error> {
        let p = self.p;
        let keys = &p.keys;
        let entries = &mut p.entries[self.first..];
        let key = |e: &Entry| &keys[e.key.clone()];
        if entries.is_empty() {
            p.out.extend_from_slice(b"{}");
        } else if entries.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
            // In order already: the first entry's comma opens the object.
            p.out[self.start] = b'{';
            p.newline(p.depth);
            p.out.push(b'}');
        } else {
            entries.sort_by(|a, b| key(a).cmp(key(b)));
            let mut scratch = std::mem::take(&mut p.scratch);
            scratch.clear();
            scratch.extend_from_slice(&p.out[self.start..]);
            p.out.truncate(self.start);
            p.out.push(b'{');
            for (i, e) in p.entries[self.first..].iter().enumerate() {
                let text = &scratch[e.text.start - self.start..e.text.end - self.start];
                // Every entry but the first keeps its comma.
                p.out
                    .extend_from_slice(if i == 0 { &text[1..] } else { text });
            }
            p.scratch = scratch;
            p.newline(p.depth);
            p.out.push(b'}');
        }
        p.entries.truncate(self.first);
        p.keys.truncate(self.keys);
        if self.variant {
            p.close_variant();
        }
        Ok(())
    }
}

impl ser::SerializeMap for Obj<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, k: &T) -> Result<(), Error> {
        self.key(k)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.value(v)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}

macro_rules! struct_impl {
    ($($tr:ident),*) => {$(
        impl ser::$tr for Obj<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                k: &'static str,
                v: &T,
            ) -> Result<(), Error> {
                self.key(k)?;
                self.value(v)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}
struct_impl!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests;
