//! One pass over the body that finds the target of every pointer of a shape at once.
//!
//! The walk descends only where some pointer still leads: at each level it knows which
//! pointers the path so far matches (a bit each), compares each key with their next token,
//! and skips every other value whole ([`Cursor::skip_value`], which does not recurse). So it
//! recurses at most as deep as the longest pointer, [`MAX_TOKENS`] levels, whatever the body.
//!
//! A target is kept as its raw text ([`Target`]); only the one the shape's order picks is
//! decoded, in `body`. Where a key comes twice, its later value replaces the earlier one and
//! everything found under it, as serde_json's `Value` does: each key that matches a pointer
//! clears that pointer's target before its value is read.

use super::cursor::{Cursor, RawStr};
use super::unescape;

/// Pointers read per list; a table's later ones are never tried.
pub(super) const MAX_POINTERS: usize = 16;
/// Tokens in a pointer that can match; a longer pointer never does.
pub(super) const MAX_TOKENS: usize = 32;

/// What a pointer's target turned out to be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Target<'a> {
    /// Missing, or of a type no field takes (`null`, `true`, an object, …).
    None,
    Str(RawStr<'a>),
    /// A number's text.
    Number(&'a [u8]),
}

/// The targets of a shape's pointers, in each list's order.
pub(super) struct Targets<'a> {
    pub code: [Target<'a>; MAX_POINTERS],
    pub message: [Target<'a>; MAX_POINTERS],
}

impl Targets<'_> {
    pub(super) fn new() -> Self {
        Targets {
            code: [Target::None; MAX_POINTERS],
            message: [Target::None; MAX_POINTERS],
        }
    }
}

/// Walks the object at the start of `body` (after whitespace; the caller has checked it is
/// one) and finds the target of each pointer, into `targets`, which start as
/// [`Targets::new`]. What was found before a syntax error or the end of the body is kept;
/// nothing after the object is read. The caller keeps the targets, so they are never copied.
pub(super) fn find<'a>(
    body: &'a [u8],
    code: &[&[&str]],
    message: &[&[&str]],
    targets: &mut Targets<'a>,
) {
    let mut walk = Walk {
        cursor: Cursor::new(body),
        code,
        message,
        targets,
        ends: [0; MAX_TOKENS + 1],
    };
    let alive = set(usable(code, 0).chain(usable(message, MAX_POINTERS)));
    for pointer in each(alive) {
        walk.ends[walk.tokens(pointer).len()] |= 1 << pointer;
    }
    walk.cursor.skip_whitespace();
    // A break only ends the walk; what was found stays.
    let _ = walk.value(alive, 0);
}

/// A set of pointers: bit `i` is code pointer `i`, bit `MAX_POINTERS + i` message pointer `i`.
type Pointers = u32;

struct Walk<'p, 't, 'a> {
    cursor: Cursor<'a>,
    code: &'p [&'p [&'p str]],
    message: &'p [&'p [&'p str]],
    targets: &'t mut Targets<'a>,
    /// The pointers of each length, set once per body: at each value, those that end there
    /// are one lookup, not a loop asking each pointer still alive its length (callgrind: 2%
    /// fewer instructions on the Nexus mix, where three pointers share the `error` level).
    ends: [Pointers; MAX_TOKENS + 1],
}

/// The indexes of a list's pointers that can match, from `first` on.
fn usable(list: &[&[&str]], first: usize) -> impl Iterator<Item = usize> {
    list.iter()
        .take(MAX_POINTERS)
        .enumerate()
        .filter(|(_, tokens)| tokens.len() <= MAX_TOKENS)
        .map(move |(index, _)| first + index)
}

/// The set of the pointers given by index. The bits are distinct, so their sum is their union.
fn set(pointers: impl Iterator<Item = usize>) -> Pointers {
    pointers.map(|pointer| 1 << pointer).sum()
}

/// The pointers in a set, by index.
fn each(mut pointers: Pointers) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let index = pointers.trailing_zeros() as usize;
        pointers &= pointers.checked_sub(1)?;
        Some(index)
    })
}

impl<'a> Walk<'_, '_, 'a> {
    fn tokens(&self, pointer: usize) -> &[&str] {
        match pointer.checked_sub(MAX_POINTERS) {
            None => self.code[pointer],
            Some(index) => self.message[index],
        }
    }

    fn target(&mut self, pointer: usize) -> &mut Target<'a> {
        match pointer.checked_sub(MAX_POINTERS) {
            None => &mut self.targets.code[pointer],
            Some(index) => &mut self.targets.message[index],
        }
    }

    /// The value at the cursor, whose path is the first `depth` tokens of each of `alive`.
    fn value(&mut self, alive: Pointers, depth: usize) -> Option<()> {
        let ending = alive & self.ends[depth];
        let deeper = alive & !ending;
        let found = match self.cursor.peek()? {
            b'"' => Target::Str(self.cursor.string()?),
            b'-' | b'0'..=b'9' => Target::Number(self.cursor.number()?),
            // With no pointer leading inside, these skip every member.
            b'{' => return self.object(deeper, depth),
            b'[' => return self.array(deeper, depth),
            _ => return self.cursor.skip_value(),
        };
        for pointer in each(ending) {
            *self.target(pointer) = found;
        }
        Some(())
    }

    /// The object at the cursor; `alive` are the pointers that lead into it.
    fn object(&mut self, alive: Pointers, depth: usize) -> Option<()> {
        self.cursor.eat(b'{')?;
        self.cursor.skip_whitespace();
        if self.cursor.eat(b'}').is_some() {
            return Some(());
        }
        loop {
            let key = self.cursor.string()?;
            self.cursor.skip_whitespace();
            self.cursor.eat(b':')?;
            self.cursor.skip_whitespace();
            let next =
                set(each(alive)
                    .filter(|&pointer| unescape::equals(key, self.tokens(pointer)[depth])));
            for pointer in each(next) {
                *self.target(pointer) = Target::None;
            }
            self.member(next, depth)?;
            self.cursor.skip_whitespace();
            match self.cursor.peek()? {
                b',' => {
                    self.cursor.eat(b',')?;
                    self.cursor.skip_whitespace();
                }
                b'}' => return self.cursor.eat(b'}'),
                _ => return None,
            }
        }
    }

    /// The array at the cursor; `alive` are the pointers that lead into it.
    fn array(&mut self, alive: Pointers, depth: usize) -> Option<()> {
        self.cursor.eat(b'[')?;
        self.cursor.skip_whitespace();
        if self.cursor.eat(b']').is_some() {
            return Some(());
        }
        let mut index = 0;
        loop {
            let next = set(each(alive)
                .filter(|&pointer| array_index(self.tokens(pointer)[depth]) == Some(index)));
            self.cursor.skip_whitespace();
            self.member(next, depth)?;
            self.cursor.skip_whitespace();
            match self.cursor.peek()? {
                b',' => {
                    self.cursor.eat(b',')?;
                    index += 1;
                }
                b']' => return self.cursor.eat(b']'),
                _ => return None,
            }
        }
    }

    /// A member's value: read where a pointer leads into it, skipped otherwise.
    fn member(&mut self, next: Pointers, depth: usize) -> Option<()> {
        if next == 0 {
            self.cursor.skip_value()
        } else {
            self.value(next, depth + 1)
        }
    }
}

/// The array index a token names (RFC 6901 §4): decimal digits without a leading zero, or
/// `0`. `-` (past the end) and anything else name no element.
fn array_index(token: &str) -> Option<usize> {
    if token.starts_with('+') || (token.starts_with('0') && token.len() > 1) {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_indexes_follow_rfc_6901() {
        // RFC 6901 §4: array-index = %x30 / ( %x31-39 *(%x30-39) ).
        assert_eq!(array_index("0"), Some(0));
        assert_eq!(array_index("10"), Some(10));
        for token in [
            "",
            "-",
            "01",
            "+1",
            "1a",
            " 1",
            "-1",
            "99999999999999999999999",
        ] {
            assert_eq!(array_index(token), None, "{token}");
        }
    }

    fn targets<'a>(body: &'a [u8], code: &[&[&str]], message: &[&[&str]]) -> Targets<'a> {
        let mut targets = Targets::new();
        find(body, code, message, &mut targets);
        targets
    }

    #[test]
    fn pointers_past_the_limits_are_never_read() {
        let deep: Vec<&str> = vec!["a"; MAX_TOKENS + 1];
        let fits: Vec<&str> = vec!["a"; MAX_TOKENS];
        let body =
            |tokens: usize| format!("{}\"x\"{}", "{\"a\":".repeat(tokens), "}".repeat(tokens));
        let text = body(MAX_TOKENS);
        let found = targets(text.as_bytes(), &[], &[&fits]).message[0];
        assert!(matches!(found, Target::Str(RawStr { bytes: b"x", .. })));
        let text = body(MAX_TOKENS + 1);
        assert_eq!(
            targets(text.as_bytes(), &[], &[&deep]).message[0],
            Target::None
        );

        let many: Vec<&[&str]> = (0..=MAX_POINTERS).map(|_| &["code"][..]).collect();
        let found = targets(br#"{"code":1}"#, &many, &[]);
        assert_eq!(found.code[MAX_POINTERS - 1], Target::Number(b"1"));
    }
}
