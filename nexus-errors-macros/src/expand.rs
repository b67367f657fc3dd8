//! Stage 4 — expand: the validated table into Rust items.
//!
//! One expander serves both forms: the attribute macro (which also writes the enum) and the
//! derive (which binds rows to the user's variants). Paths are absolute and go through the
//! runtime crate (`krate`, `::nexus_errors` by default), so the output compiles in any crate.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use syn::{Attribute, Ident, Path, Visibility};

use crate::docs;
use crate::model::Table;

/// How the enum's values stand for the table's rows.
pub enum RowValue {
    /// The row has a unit variant of its own.
    Variant(Ident),
    /// The row has no variant of its own and is carried by `Variant(&'static Row)`.
    CatchAll(Ident),
}

/// Everything `impls` needs about the target enum.
pub struct Target<'a> {
    pub ty: &'a Ident,
    pub krate: &'a Path,
    /// One entry per row of the table, in the table's order.
    pub rows: Vec<RowValue>,
    /// The catch-all variant, if the enum has one.
    pub catch_all: Option<&'a Ident>,
    /// Whether the variants are declared in the table's order with default discriminants, as
    /// the attribute form writes them: a variant's discriminant is then its row's index.
    pub declared_in_row_order: bool,
}

/// The enum itself, for the attribute form: the user's attributes and visibility, our derives,
/// one documented unit variant per row.
pub fn enum_definition(
    table: &Table,
    attrs: &[Attribute],
    vis: &Visibility,
    ty: &Ident,
) -> TokenStream {
    let doc = docs::enum_doc(table);
    let variants = table.rows.iter().map(|row| {
        let ident = format_ident!("{}", row.name);
        let doc = docs::variant_doc(table, row);
        let alias = row.code.map(|code| {
            let code = code.to_string();
            quote!(#[doc(alias = #code)])
        });
        quote! {
            #[doc = #doc]
            #alias
            #ident,
        }
    });
    let separator = (!attrs.is_empty()).then(|| quote!(#[doc = ""]));
    quote! {
        #(#attrs)*
        #separator
        #[doc = #doc]
        #[derive(
            ::core::clone::Clone,
            ::core::marker::Copy,
            ::core::cmp::PartialEq,
            ::core::cmp::Eq,
            ::core::hash::Hash,
        )]
        #[non_exhaustive]
        #vis enum #ty {
            #(#variants)*
        }

        // What `#[derive(Debug)]` prints, without its one-arm-per-variant `match`.
        #[automatically_derived]
        impl ::core::fmt::Debug for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.name())
            }
        }
    }
}

/// The inherent accessors, the trait impls and the rebuild tie, shared by both forms.
pub fn impls(table: &Table, target: &Target<'_>) -> TokenStream {
    let Target {
        ty,
        krate,
        catch_all,
        ..
    } = target;
    let count = table.rows.len();
    let values: Vec<TokenStream> = target
        .rows
        .iter()
        .enumerate()
        .map(|(i, v)| value(ty, i, v))
        .collect();

    let rows = table.rows.iter().map(|row| {
        let name = &row.name;
        let code = match row.code {
            Some(code) => {
                let code = Literal::u16_unsuffixed(code);
                quote!(::core::option::Option::Some(#code))
            }
            None => quote!(::core::option::Option::None),
        };
        let status = Literal::u16_unsuffixed(row.status);
        let status_text = &row.status_text;
        let description = &row.description;
        let notes = &row.notes;
        let display = row.display();
        quote! {
            #krate::Row::__new(
                #name,
                #code,
                #krate::__private::status_code::<#status>(),
                #status_text,
                #description,
                &[#(#notes),*],
                #display,
            )
        }
    });

    let row_arms: Vec<TokenStream> = target
        .rows
        .iter()
        .enumerate()
        .filter_map(|(i, v)| match v {
            RowValue::Variant(ident) => {
                let i = Literal::usize_unsuffixed(i);
                Some(quote!(#ty::#ident => #i,))
            }
            RowValue::CatchAll(_) => None,
        })
        .collect();
    // `ROWS` once, not once per arm: rustc lowers the whole constant again at each use.
    let row_body = if target.declared_in_row_order && catch_all.is_none() && !row_arms.is_empty() {
        // No `match` at all: thousands of arms cost rustc superlinear time.
        quote!(&Self::ROWS[self as usize])
    } else if row_arms.is_empty() {
        // No unit variant (a table with no rows, or only a catch-all): nothing to index.
        let catch_all_arm = catch_all.map(|ident| quote!(#ty::#ident(row) => row,));
        quote!(match self { #catch_all_arm })
    } else {
        let catch_all_arm = catch_all.map(|ident| quote!(#ty::#ident(row) => return row,));
        quote! {
            let index: usize = match self {
                #(#row_arms)*
                #catch_all_arm
            };
            &Self::ROWS[index]
        }
    };

    // Up to MATCH_LIMIT rows, lookups are `match`es (as fast as hand-written code); past it,
    // binary searches over sorted tables, since rustc checks and lowers a `match` of thousands
    // of literal arms in superlinear time.
    let large = table.rows.len() > MATCH_LIMIT;
    let from_code_body = if large {
        let mut by_code: Vec<(u16, usize)> = table
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, row)| Some((row.code?, i)))
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
    } else {
        let code_arms = table.rows.iter().zip(&values).filter_map(|(row, value)| {
            let code = Literal::u16_unsuffixed(row.code?);
            Some(quote!(#code => ::core::option::Option::Some(#value),))
        });
        quote! {
            match code {
                #(#code_arms)*
                _ => ::core::option::Option::None,
            }
        }
    };
    let from_name_body = if large {
        let mut by_name: Vec<(&str, usize)> = table
            .rows
            .iter()
            .enumerate()
            .map(|(i, row)| (row.name.as_str(), i))
            .collect();
        by_name.sort_unstable();
        let names = by_name.iter().map(|(name, _)| name);
        let indices = by_name.iter().map(|(_, i)| Literal::usize_unsuffixed(*i));
        quote! {
            const NAMES: &[&str] = &[#(#names),*];
            const INDICES: &[usize] = &[#(#indices),*];
            NAMES.binary_search(&name).ok().map(|at| Self::ALL[INDICES[at]])
        }
    } else {
        let name_arms = table.rows.iter().zip(&values).map(|(row, value)| {
            let name = &row.name;
            quote!(#name => ::core::option::Option::Some(#value),)
        });
        quote! {
            match name {
                #(#name_arms)*
                _ => ::core::option::Option::None,
            }
        }
    };
    let status_arms = statuses(table).into_iter().map(|status| {
        let members = table
            .rows
            .iter()
            .zip(&values)
            .filter(|(row, _)| row.status == status)
            .map(|(_, v)| v);
        let status = Literal::u16_unsuffixed(status);
        quote!(#status => const { &[#(#members),*] },)
    });
    let api_name = &table.api_name;
    let api_source = match &table.source {
        Some(source) => quote!(::core::option::Option::Some(#source)),
        None => quote!(::core::option::Option::None),
    };
    let spec_doc = format!("Generated from `{}`.", table.file);
    // Ties this crate's build to the spec: cargo rebuilds when the file changes.
    let rebuild_tie = table.resolved.as_ref().map(|path| {
        quote!(
            const _: &[u8] = ::core::include_bytes!(#path);
        )
    });

    quote! {
        #[doc = #spec_doc]
        impl #ty {
            /// Every row of the table, in the spec's order.
            pub const ALL: &'static [Self] = &[#(#values),*];

            /// How many rows the table has.
            pub const COUNT: usize = #count;

            /// The rows' data, in the spec's order.
            const ROWS: &'static [#krate::Row] = &[#(#rows),*];

            /// The table row this error stands for.
            #[inline]
            #[must_use]
            pub const fn row(self) -> &'static #krate::Row {
                #row_body
            }

            /// The row's name in the spec, which is also the variant's name.
            #[inline]
            #[must_use]
            pub const fn name(self) -> &'static str {
                self.row().name()
            }

            /// The documented error code, if the documentation gives one.
            #[inline]
            #[must_use]
            pub const fn code(self) -> ::core::option::Option<u16> {
                self.row().code()
            }

            /// The HTTP status code as a number.
            #[inline]
            #[must_use]
            pub const fn status(self) -> u16 {
                self.row().status()
            }

            /// The HTTP status code.
            #[inline]
            #[must_use]
            pub const fn status_code(self) -> #krate::__private::http::StatusCode {
                self.row().status_code()
            }

            /// The status text as the documentation writes it, e.g. `Bad Request`.
            #[inline]
            #[must_use]
            pub const fn status_text(self) -> &'static str {
                self.row().status_text()
            }

            /// The documented description, word for word; it may be empty.
            #[inline]
            #[must_use]
            pub const fn description(self) -> &'static str {
                self.row().description()
            }

            /// The notes the documentation gives under the row.
            #[inline]
            #[must_use]
            pub const fn notes(self) -> &'static [&'static str] {
                self.row().notes()
            }

            /// What a client should do about this error, decided by its status.
            #[inline]
            #[must_use]
            pub const fn action(self) -> #krate::Action {
                self.row().action()
            }

            /// The row with this documented code, if any.
            #[inline]
            #[must_use]
            pub const fn from_code(code: u16) -> ::core::option::Option<Self> {
                #from_code_body
            }

            /// Every row with this HTTP status, in the spec's order; empty if there is none.
            #[inline]
            #[must_use]
            pub const fn with_status(status: u16) -> &'static [Self] {
                match status {
                    #(#status_arms)*
                    _ => &[],
                }
            }

            /// The API the table documents: the spec's `[api]` name and source.
            #[inline]
            #[must_use]
            pub const fn api() -> &'static #krate::Api {
                const { &#krate::Api::__new(#api_name, #api_source) }
            }

            /// The row with this name, as written in the spec.
            #[must_use]
            pub fn from_name(name: &str) -> ::core::option::Option<Self> {
                #from_name_body
            }

            /// Reads a failed HTTP response into a typed error; never fails, never panics.
            ///
            /// See [`ResponseError::from_response`](#krate::ResponseError::from_response).
            #[must_use]
            pub fn from_response(
                status: impl ::core::convert::Into<u16>,
                body: &[u8],
            ) -> #krate::ResponseError<Self> {
                #krate::ResponseError::from_response(status, body)
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Display for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.row().display())
            }
        }

        #[automatically_derived]
        impl ::std::error::Error for #ty {}

        #[automatically_derived]
        impl ::core::str::FromStr for #ty {
            type Err = #krate::UnknownName;

            fn from_str(name: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::from_name(name).ok_or(#krate::UnknownName)
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#ty> for #krate::__private::http::StatusCode {
            fn from(error: #ty) -> Self {
                error.status_code()
            }
        }

        /// Serialized as the row's name, e.g. `"SessionTokenExpired"`.
        #[automatically_derived]
        impl #krate::__private::serde::Serialize for #ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: #krate::__private::serde::Serializer,
            {
                serializer.serialize_str(self.name())
            }
        }

        /// Deserialized from the row's name, e.g. `"SessionTokenExpired"`.
        #[automatically_derived]
        impl<'de> #krate::__private::serde::Deserialize<'de> for #ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: #krate::__private::serde::Deserializer<'de>,
            {
                #krate::__private::deserialize_by_name(deserializer)
            }
        }

        #[automatically_derived]
        impl #krate::ErrorTable for #ty {
            const ALL: &'static [Self] = Self::ALL;

            #[inline]
            fn row(self) -> &'static #krate::Row {
                Self::row(self)
            }

            #[inline]
            fn from_code(code: u16) -> ::core::option::Option<Self> {
                Self::from_code(code)
            }

            #[inline]
            fn with_status(status: u16) -> &'static [Self] {
                Self::with_status(status)
            }

            fn from_name(name: &str) -> ::core::option::Option<Self> {
                Self::from_name(name)
            }

            #[inline]
            fn api() -> &'static #krate::Api {
                Self::api()
            }
        }

        // `miette::Diagnostic` when the runtime has its `miette` feature; else nothing.
        #krate::__private::impl_diagnostic!(#ty);

        #rebuild_tie
    }
}

/// Tables with more rows than this look codes and names up by binary search, not `match`.
const MATCH_LIMIT: usize = 256;

/// A row's value, named through the type: rustc resolves `Self::Variant` by a linear search
/// of the variants, quadratic over a large table; `Type::Variant` is a hashed lookup.
fn value(ty: &Ident, index: usize, value: &RowValue) -> TokenStream {
    match value {
        RowValue::Variant(ident) => quote!(#ty::#ident),
        RowValue::CatchAll(ident) => {
            let index = Literal::usize_unsuffixed(index);
            quote!(#ty::#ident(&Self::ROWS[#index]))
        }
    }
}

/// The distinct statuses of the table, ascending.
fn statuses(table: &Table) -> Vec<u16> {
    let mut statuses: Vec<u16> = table.rows.iter().map(|row| row.status).collect();
    statuses.sort_unstable();
    statuses.dedup();
    statuses
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Row;

    fn table() -> Table {
        let row = |name: &str, code, status| Row {
            name: name.into(),
            code,
            status,
            status_text: "T".into(),
            description: "D".into(),
            notes: vec![],
            line: 1,
        };
        Table {
            file: "t.toml".into(),
            resolved: Some("/t.toml".into()),
            api_name: "Test".into(),
            source: None,
            rows: vec![
                row("A", Some(4001), 400),
                row("B", None, 401),
                row("C", None, 400),
            ],
        }
    }

    fn compact(tokens: TokenStream) -> String {
        tokens
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn statuses_group_rows_in_spec_order() {
        let table = table();
        let ty = format_ident!("E");
        let krate: Path = syn::parse_quote!(::nexus_errors);
        let rows = table
            .rows
            .iter()
            .map(|r| RowValue::Variant(format_ident!("{}", r.name)))
            .collect();
        let out = compact(impls(
            &table,
            &Target {
                ty: &ty,
                krate: &krate,
                rows,
                catch_all: None,
                declared_in_row_order: false,
            },
        ));
        assert!(
            out.contains("400 => const { & [E :: A , E :: C] } , 401 => const { & [E :: B] }"),
            "{out}"
        );
        assert!(
            out.contains("4001 => :: core :: option :: Option :: Some (E :: A)"),
            "{out}"
        );
        assert!(
            out.contains(":: core :: include_bytes ! (\"/t.toml\")"),
            "{out}"
        );
    }

    #[test]
    fn catch_all_rows_are_carried_by_reference() {
        let table = table();
        let ty = format_ident!("E");
        let other = format_ident!("Other");
        let krate: Path = syn::parse_quote!(::nexus_errors);
        let rows = vec![
            RowValue::Variant(format_ident!("A")),
            RowValue::CatchAll(other.clone()),
            RowValue::CatchAll(other.clone()),
        ];
        let out = compact(impls(
            &table,
            &Target {
                ty: &ty,
                krate: &krate,
                rows,
                catch_all: Some(&other),
                declared_in_row_order: false,
            },
        ));
        assert!(out.contains("E :: Other (row) => return row"), "{out}");
        assert!(
            out.contains(
                "\"B\" => :: core :: option :: Option :: Some (E :: Other (& Self :: ROWS [1]))"
            ),
            "{out}"
        );
    }
}
