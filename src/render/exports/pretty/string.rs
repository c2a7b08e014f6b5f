//! JSON strings, escaped as serde_json escapes them.

use serde_json::Error;

/// Writes a JSON string, escaped byte for byte as serde_json escapes it, in one pass:
/// runs that need nothing are copied whole, eight bytes are looked at a time.
pub(super) fn string(out: &mut Vec<u8>, s: &str) -> Result<(), Error> {
    let b = s.as_bytes();
    out.push(b'"');
    let mut from = 0;
    let mut i = 0;
    while i < b.len() {
        if let Some(word) = b.get(i..i + 8)
            && !needs_a_look(u64::from_le_bytes(word.try_into().expect("eight bytes")))
        {
            i += 8;
            continue;
        }
        let c = b[i];
        match ESCAPE[c as usize] {
            0 => {}
            b'u' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(&b[from..i]);
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[(c >> 4) as usize],
                    HEX[(c & 0xf) as usize],
                ]);
                from = i + 1;
            }
            e => {
                out.extend_from_slice(&b[from..i]);
                out.extend_from_slice(&[b'\\', e]);
                from = i + 1;
            }
        }
        i += 1;
    }
    out.extend_from_slice(&b[from..]);
    out.push(b'"');
    Ok(())
}

/// What [`string`] does with each byte: 0 nothing, `u` escape as
/// `\u00XX`, else escape as a backslash and that letter (serde_json's escapes).
pub(super) static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 0x20 {
        t[c] = b'u';
        c += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Whether any of the eight bytes in `x` is a control character, `"` or `\\` (the
/// bytes [`ESCAPE`] does something with). Exact as a yes or no, by the usual
/// bit tricks: a byte below `n` borrows into its top bit when `n` is taken from it.
pub(super) fn needs_a_look(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * n as u64) & !x & HIGHS;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS;
    (below(x, 0x20) | zero(x ^ (ONES * b'"' as u64)) | zero(x ^ (ONES * b'\\' as u64))) != 0
}
