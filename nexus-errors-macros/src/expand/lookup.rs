//! The lookups: `from_code`, `with_status` and `from_name`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use nexus_errors_spec::Code;

use super::Expansion;
use crate::binding::Value;

/// Tables with more rows than this look codes and names up by binary search, not `match`.
const MATCH_LIMIT: usize = 256;

/// How `from_code` and `from_name` find a row, decided once per table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup {
    /// A `match` with an arm per row: as fast as hand-written code.
    Match,
    /// A binary search over sorted constants: rustc checks and lowers a `match` of thousands
    /// of literal arms in superlinear time.
    BinarySearch,
}

impl Lookup {
    /// The lookup for a table of `rows` rows.
    pub fn for_rows(rows: usize) -> Self {
        if rows > MATCH_LIMIT {
            Lookup::BinarySearch
        } else {
            Lookup::Match
        }
    }
}

/// `from_code`: the first row, in the spec's order, that documents a code. Its argument is
/// of the table's kind: `i64`, or `&str` for a table of string codes.
pub fn from_code(x: &Expansion<'_>, values: &[TokenStream], lookup: Lookup) -> TokenStream {
    // The first row of each code, so a repeated code has one arm (no unreachable pattern).
    let mut firsts: Vec<(&Code, usize)> = Vec::new();
    for (index, binding) in x.bindings.iter().enumerate() {
        if let Some(code) = &binding.row.code {
            if !firsts.iter().any(|(seen, _)| *seen == code) {
                firsts.push((code, index));
            }
        }
    }
    let kind = CodeKind::of(x);
    let body = match lookup {
        Lookup::Match => {
            let arms = firsts.iter().map(|(code, index)| {
                let code = literal(code);
                let value = &values[*index];
                quote!(#code => ::core::option::Option::Some(#value),)
            });
            quote! {
                match code {
                    #(#arms)*
                    _ => ::core::option::Option::None,
                }
            }
        }
        Lookup::BinarySearch => {
            firsts.sort_unstable();
            let ty = kind.argument();
            let codes = firsts.iter().map(|(code, _)| literal(code));
            let indices = firsts.iter().map(|(_, i)| Literal::usize_unsuffixed(*i));
            let search = match kind {
                // A loop, not `binary_search`, so that `from_code` stays a `const fn`.
                CodeKind::Integer => quote! {
                    let (mut low, mut high) = (0, CODES.len());
                    while low < high {
                        let mid = low + (high - low) / 2;
                        if CODES[mid] == code {
                            return ::core::option::Option::Some(Self::ALL[INDICES[mid]]);
                        } else if CODES[mid] < code {
                            low = mid + 1;
                        } else {
                            high = mid;
                        }
                    }
                    ::core::option::Option::None
                },
                CodeKind::Text => quote! {
                    match CODES.binary_search(&code) {
                        ::core::result::Result::Ok(at) => {
                            ::core::option::Option::Some(Self::ALL[INDICES[at]])
                        }
                        ::core::result::Result::Err(_) => ::core::option::Option::None,
                    }
                },
            };
            quote! {
                const CODES: &[#ty] = &[#(#codes),*];
                const INDICES: &[usize] = &[#(#indices),*];
                #search
            }
        }
    };
    let doc = match kind {
        CodeKind::Integer => "The first row, in the spec's order, that documents this code.",
        CodeKind::Text => {
            "The first row, in the spec's order, that documents this code (compared exactly, \
             case and all)."
        }
    };
    let argument = kind.argument();
    // A `match` on integers is `const`; on strings it is not (string equality is not).
    let constness = match kind {
        CodeKind::Integer => quote!(const),
        CodeKind::Text => quote!(),
    };
    quote! {
        #[doc = #doc]
        ///
        /// Several rows may share a code (under different statuses, or with different
        /// descriptions); `with_status` and the rows' descriptions tell them apart.
        #[inline]
        #[must_use]
        pub #constness fn from_code(code: #argument) -> ::core::option::Option<Self> {
            #body
        }
    }
}

/// The kind of a table's codes, which types `code()` and `from_code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// TOML integers: `i64`.
    Integer,
    /// TOML strings: `&'static str` out, `&str` in.
    Text,
}

impl CodeKind {
    /// The table's kind: the validator keeps one kind per table, and a table without codes
    /// is an integer table.
    pub fn of(x: &Expansion<'_>) -> Self {
        match x.bindings.iter().find_map(|b| b.row.code.as_ref()) {
            Some(Code::Text(_)) => CodeKind::Text,
            _ => CodeKind::Integer,
        }
    }

    /// The type `from_code` takes.
    pub fn argument(self) -> TokenStream {
        match self {
            CodeKind::Integer => quote!(i64),
            CodeKind::Text => quote!(&str),
        }
    }

    /// The type `code()` returns.
    pub fn output(self) -> TokenStream {
        match self {
            CodeKind::Integer => quote!(i64),
            CodeKind::Text => quote!(&'static str),
        }
    }
}

/// A code as a Rust literal: `4011` or `"card_declined"`.
pub fn literal(code: &Code) -> Literal {
    match code {
        Code::Integer(code) => Literal::i64_unsuffixed(*code),
        Code::Text(code) => Literal::string(code),
    }
}

/// `with_status`: the rows of a status, in the spec's order; a `match` on the distinct
/// statuses, ascending.
pub fn with_status(x: &Expansion<'_>, values: &[TokenStream]) -> TokenStream {
    let mut statuses: Vec<u16> = x.bindings.iter().map(|b| b.row.status).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let arms = statuses.into_iter().map(|status| {
        let members: Vec<_> = x
            .bindings
            .iter()
            .zip(values)
            .filter(|(binding, _)| binding.row.status == status)
            .collect();
        let status = Literal::u16_unsuffixed(status);
        let values = members.iter().map(|(_, value)| value);
        // Unit variants alone are promoted to a `'static` array as they are; a value that
        // borrows a row of `ROWS` needs a `const` block, which costs the build more.
        if members
            .iter()
            .any(|(binding, _)| matches!(binding.value, Value::Other(_)))
        {
            quote!(#status => const { &[#(#values),*] },)
        } else {
            quote!(#status => &[#(#values),*],)
        }
    });
    quote! {
        /// Every row with this HTTP status, in the spec's order; empty if there is none.
        #[inline]
        #[must_use]
        pub const fn with_status(status: u16) -> &'static [Self] {
            match status {
                #(#arms)*
                _ => &[],
            }
        }
    }
}

/// `from_name`: the row with a name, as written in the spec.
pub fn from_name(x: &Expansion<'_>, lookup: Lookup) -> TokenStream {
    let body = match lookup {
        // A loop over the rows in the runtime crate, compiled there once, not a `match` of
        // string arms here: rustc lowers each arm to a call and a branch, in every crate that
        // generates a table, and a string `match` compares the arms one by one at run time
        // anyway. `ROWS` and `ALL` are in the same order.
        Lookup::Match => {
            let krate = x.krate;
            quote! {
                match #krate::__private::row_named(Self::ROWS, name) {
                    ::core::option::Option::Some(index) => {
                        ::core::option::Option::Some(Self::ALL[index])
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }
        }
        Lookup::BinarySearch => {
            let mut by_name: Vec<(&str, usize)> = x
                .bindings
                .iter()
                .enumerate()
                .map(|(index, binding)| (binding.row.name.as_str(), index))
                .collect();
            by_name.sort_unstable();
            let names = by_name.iter().map(|(name, _)| name);
            let indices = by_name.iter().map(|(_, i)| Literal::usize_unsuffixed(*i));
            quote! {
                const NAMES: &[&str] = &[#(#names),*];
                const INDICES: &[usize] = &[#(#indices),*];
                NAMES.binary_search(&name).ok().map(|at| Self::ALL[INDICES[at]])
            }
        }
    };
    quote! {
        /// The row with this name, as written in the spec.
        #[must_use]
        pub fn from_name(name: &str) -> ::core::option::Option<Self> {
            #body
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expand::rows::values;
    use crate::expand::tests::{bindings, compact, with_expansion};

    #[test]
    fn the_lookup_turns_to_binary_search_past_the_limit() {
        assert_eq!(Lookup::for_rows(0), Lookup::Match);
        assert_eq!(Lookup::for_rows(MATCH_LIMIT), Lookup::Match);
        assert_eq!(Lookup::for_rows(MATCH_LIMIT + 1), Lookup::BinarySearch);
    }

    #[test]
    fn statuses_group_rows_in_spec_order() {
        let rows = bindings(&[("A", Some(4001), 400), ("B", None, 401), ("C", None, 400)]);
        let out = with_expansion(&rows, None, |x| compact(with_status(x, &values(x))));
        assert!(
            out.contains("400 => & [E :: A , E :: C] , 401 => & [E :: B] , _ => & []"),
            "{out}"
        );
    }

    #[test]
    fn a_match_has_an_arm_per_coded_row() {
        let rows = bindings(&[("A", Some(4001), 400), ("B", None, 401)]);
        let out = with_expansion(&rows, None, |x| {
            compact(from_code(x, &values(x), Lookup::Match))
        });
        assert!(
            out.contains("4001 => :: core :: option :: Option :: Some (E :: A) , _ =>"),
            "{out}"
        );
        assert!(!out.contains("E :: B"), "{out}");
    }

    #[test]
    fn a_binary_search_sorts_codes_and_names_and_keeps_their_rows() {
        let rows = bindings(&[
            ("Zed", Some(4002), 400),
            ("Alpha", None, 401),
            ("Mid", Some(4001), 400),
        ]);
        let (codes, names) = with_expansion(&rows, None, |x| {
            let values = values(x);
            (
                compact(from_code(x, &values, Lookup::BinarySearch)),
                compact(from_name(x, Lookup::BinarySearch)),
            )
        });
        assert!(
            codes.contains(
                "const CODES : & [i64] = & [4001 , 4002] ; const INDICES : & [usize] = & [2 , 0]"
            ),
            "{codes}"
        );
        assert!(names.contains("const NAMES : & [& str] = & [\"Alpha\" , \"Mid\" , \"Zed\"] ; const INDICES : & [usize] = & [1 , 2 , 0]"), "{names}");
    }
}
