//! The lookups: `from_code`, `with_status` and `from_name`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::Expansion;

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

/// `from_code`: the row with a documented code.
pub fn from_code(x: &Expansion<'_>, values: &[TokenStream], lookup: Lookup) -> TokenStream {
    let body = match lookup {
        Lookup::Match => {
            let arms = x
                .bindings
                .iter()
                .zip(values)
                .filter_map(|(binding, value)| {
                    let code = Literal::u16_unsuffixed(binding.row.code?);
                    Some(quote!(#code => ::core::option::Option::Some(#value),))
                });
            quote! {
                match code {
                    #(#arms)*
                    _ => ::core::option::Option::None,
                }
            }
        }
        Lookup::BinarySearch => {
            let mut by_code: Vec<(u16, usize)> = x
                .bindings
                .iter()
                .enumerate()
                .filter_map(|(index, binding)| Some((binding.row.code?, index)))
                .collect();
            by_code.sort_unstable();
            let codes = by_code
                .iter()
                .map(|(code, _)| Literal::u16_unsuffixed(*code));
            let indices = by_code.iter().map(|(_, i)| Literal::usize_unsuffixed(*i));
            quote! {
                const CODES: &[u16] = &[#(#codes),*];
                const INDICES: &[usize] = &[#(#indices),*];
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
            }
        }
    };
    quote! {
        /// The row with this documented code, if any.
        #[inline]
        #[must_use]
        pub const fn from_code(code: u16) -> ::core::option::Option<Self> {
            #body
        }
    }
}

/// `with_status`: the rows of a status, in the spec's order; a `match` on the distinct
/// statuses, ascending.
pub fn with_status(x: &Expansion<'_>, values: &[TokenStream]) -> TokenStream {
    let mut statuses: Vec<u16> = x.bindings.iter().map(|b| b.row.status).collect();
    statuses.sort_unstable();
    statuses.dedup();
    let arms = statuses.into_iter().map(|status| {
        let members = x
            .bindings
            .iter()
            .zip(values)
            .filter(|(binding, _)| binding.row.status == status)
            .map(|(_, value)| value);
        let status = Literal::u16_unsuffixed(status);
        quote!(#status => const { &[#(#members),*] },)
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
pub fn from_name(x: &Expansion<'_>, values: &[TokenStream], lookup: Lookup) -> TokenStream {
    let body = match lookup {
        Lookup::Match => {
            let arms = x.bindings.iter().zip(values).map(|(binding, value)| {
                let name = &binding.row.name;
                quote!(#name => ::core::option::Option::Some(#value),)
            });
            quote! {
                match name {
                    #(#arms)*
                    _ => ::core::option::Option::None,
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
            out.contains(
                "400 => const { & [E :: A , E :: C] } , 401 => const { & [E :: B] } , _ => & []"
            ),
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
                compact(from_name(x, &values, Lookup::BinarySearch)),
            )
        });
        assert!(
            codes.contains(
                "const CODES : & [u16] = & [4001 , 4002] ; const INDICES : & [usize] = & [2 , 0]"
            ),
            "{codes}"
        );
        assert!(names.contains("const NAMES : & [& str] = & [\"Alpha\" , \"Mid\" , \"Zed\"] ; const INDICES : & [usize] = & [1 , 2 , 0]"), "{names}");
    }
}
