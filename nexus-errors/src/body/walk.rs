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

/// The targets of a shape's pointers, by pointer: code pointer `i` at `i`, message pointer
/// `i` at `MAX_POINTERS + i`.
pub(super) type Targets<'a> = [Target<'a>; 2 * MAX_POINTERS];

/// What the walk knows of a shape before it starts: its pointers, by bit, and which of them
/// can match and which end at each depth. A function of the two lists alone, so a
/// [`BodyShape`](crate::BodyShape) computes it with them, at compile time, and no body pays
/// for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Plan<'p> {
    /// Pointer `i`'s tokens at bit `i` of a [`Pointers`] set; a pointer that cannot match is
    /// empty, and never asked for a token.
    pointers: [&'p [&'p str]; 2 * MAX_POINTERS],
    usable: Pointers,
    /// The usable pointers of each length: at each value, those that end there are one
    /// lookup, not a loop asking each pointer still alive its length.
    ends: [Pointers; MAX_TOKENS + 1],
}

impl<'p> Plan<'p> {
    pub(crate) const fn of(code: &[&'p [&'p str]], message: &[&'p [&'p str]]) -> Plan<'p> {
        let mut plan = Plan {
            pointers: [&[]; 2 * MAX_POINTERS],
            usable: 0,
            ends: [0; MAX_TOKENS + 1],
        };
        plan.add(code, 0);
        plan.add(message, MAX_POINTERS);
        plan
    }

    /// Adds a list's pointers, from bit `first` on; those past the limits are never usable.
    const fn add(&mut self, list: &[&'p [&'p str]], first: usize) {
        let mut index = 0;
        while index < list.len() && index < MAX_POINTERS {
            let tokens = list[index];
            if tokens.len() <= MAX_TOKENS {
                let bit = 1 << (first + index);
                self.pointers[first + index] = tokens;
                self.usable |= bit;
                self.ends[tokens.len()] |= bit;
            }
            index += 1;
        }
    }
}

/// Walks the object at the start of `body` (after whitespace; the caller has checked it is
/// one) and finds the target of each pointer of `plan`, into `targets`. Returns the pointers
/// found: only their targets are written, and a target of any other pointer is to be
/// ignored, whatever it holds. What was found before a syntax error or the end of the body is
/// kept; nothing after the object is read. The caller keeps the targets, so they are never
/// copied.
pub(super) fn find<'a>(body: &'a [u8], plan: &Plan<'_>, targets: &mut Targets<'a>) -> Pointers {
    let mut walk = Walk {
        cursor: Cursor::new(body),
        plan,
        targets,
        found: 0,
    };
    walk.cursor.skip_whitespace();
    // A break only ends the walk; what was found stays.
    let _ = walk.value(plan.usable, 0);
    walk.found
}

/// A set of pointers: bit `i` is code pointer `i`, bit `MAX_POINTERS + i` message pointer `i`.
pub(super) type Pointers = u32;

/// The code pointers of a set: its lower half.
pub(super) const CODE_POINTERS: Pointers = (1 << MAX_POINTERS) - 1;

struct Walk<'p, 't, 'a> {
    cursor: Cursor<'a>,
    plan: &'p Plan<'p>,
    targets: &'t mut Targets<'a>,
    /// The pointers whose target is in `targets`: a string or a number.
    found: Pointers,
}

/// The pointers in a set, by index, lowest first.
///
/// A plain loop over the bits: callgrind counted the iterator it replaces (`from_fn`, then
/// `filter`, `map` and `sum` back into a set) at a tenth of the reader's instructions.
#[inline(always)]
fn for_each(mut pointers: Pointers, mut each: impl FnMut(usize)) {
    while pointers != 0 {
        // Below 32, as the set is a `u32` with a bit set.
        each(pointers.trailing_zeros() as usize % (2 * MAX_POINTERS));
        pointers &= pointers - 1;
    }
}

impl<'a> Walk<'_, '_, 'a> {
    /// Those of `alive`, which are all longer than `depth`, whose token `depth` `matches`.
    #[inline(always)]
    fn next(&self, alive: Pointers, depth: usize, matches: impl Fn(&str) -> bool) -> Pointers {
        let mut next = 0;
        for_each(alive, |pointer| {
            if self.plan.pointers[pointer]
                .get(depth)
                .is_some_and(|token| matches(token))
            {
                next |= 1 << pointer;
            }
        });
        next
    }

    /// The value at the cursor, whose path is the first `depth` tokens of each of `alive`.
    fn value(&mut self, alive: Pointers, depth: usize) -> Option<()> {
        let ending = alive & self.plan.ends[depth];
        let deeper = alive & !ending;
        let found = match self.cursor.peek()? {
            b'"' => Target::Str(self.cursor.string()?),
            b'-' | b'0'..=b'9' => Target::Number(self.cursor.number()?),
            // With no pointer leading inside, these skip every member.
            b'{' => return self.object(deeper, depth),
            b'[' => return self.array(deeper, depth),
            _ => return self.cursor.skip_value(),
        };
        for_each(ending, |pointer| self.targets[pointer] = found);
        self.found |= ending;
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
            let next = self.next(alive, depth, |token| unescape::equals(key, token));
            self.found &= !next;
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
            let next = self.next(alive, depth, |token| array_index(token) == Some(index));
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
        let mut targets = [Target::None; 2 * MAX_POINTERS];
        find(body, &Plan::of(code, message), &mut targets);
        targets
    }

    #[test]
    fn pointers_past_the_limits_are_never_read() {
        let deep: Vec<&str> = vec!["a"; MAX_TOKENS + 1];
        let fits: Vec<&str> = vec!["a"; MAX_TOKENS];
        let body =
            |tokens: usize| format!("{}\"x\"{}", "{\"a\":".repeat(tokens), "}".repeat(tokens));
        let text = body(MAX_TOKENS);
        let found = targets(text.as_bytes(), &[], &[&fits])[MAX_POINTERS];
        assert!(matches!(found, Target::Str(RawStr { bytes: b"x", .. })));
        let text = body(MAX_TOKENS + 1);
        assert_eq!(
            targets(text.as_bytes(), &[], &[&deep])[MAX_POINTERS],
            Target::None
        );

        let many: Vec<&[&str]> = (0..=MAX_POINTERS).map(|_| &["code"][..]).collect();
        let found = targets(br#"{"code":1}"#, &many, &[]);
        assert_eq!(found[MAX_POINTERS - 1], Target::Number(b"1"));

        // A 17th pointer of either list is not read, and takes no other pointer's place.
        let mut code: Vec<&[&str]> = vec![&["c"]; MAX_POINTERS];
        code.push(&["m"]);
        let message: Vec<&[&str]> = code.clone();
        let body = br#"{"c":"x","m":"y"}"#;
        for (code, message) in [(&code[..], &[][..]), (&[][..], &message[..])] {
            let mut targets = [Target::None; 2 * MAX_POINTERS];
            let found = find(body, &Plan::of(code, message), &mut targets);
            let read = found.count_ones() as usize;
            assert_eq!(read, MAX_POINTERS, "{found:b}");
            for_each(found, |pointer| {
                assert!(matches!(
                    targets[pointer],
                    Target::Str(RawStr { bytes: b"x", .. })
                ));
            });
        }
    }
}
