//! Stage 4 — expand: the validated table into Rust items.
//!
//! One builder function per generated item or group of items, each in the module named after
//! what it generates; `impls` composes them. One expander serves both forms: the attribute
//! macro (which also writes the enum) and the derive (which binds rows to the user's
//! variants). Paths are absolute and go through the runtime crate (`krate`, `::nexus_errors`
//! by default), so the output compiles in any crate, and nothing is resolved through `Self::`
//! but the generated items themselves.

mod accessors;
mod lookup;
mod rows;
mod traits;

use nexus_errors_spec::Api;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Attribute, Ident, Path, Visibility};

use crate::binding::{Binding, Value};
use crate::docs;
use lookup::Lookup;

/// Everything the builders need about the target enum and its table.
pub struct Expansion<'a> {
    /// The enum.
    pub ty: &'a Ident,
    /// The runtime crate.
    pub krate: &'a Path,
    /// The spec path as the user wrote it.
    pub file: &'a str,
    /// The spec path read, for the rebuild tie; `None` when it could not be read.
    pub resolved: Option<&'a str>,
    /// The spec's `[api]` header.
    pub api: &'a Api,
    /// One binding per row, in the table's order (then any placeholders).
    pub bindings: &'a [Binding],
    /// The `#[nexus(other)]` variant, if the enum has one.
    pub other: Option<&'a Ident>,
    /// Whether the variants are declared in the table's order with default discriminants, as
    /// the attribute form writes them: a variant's discriminant is then its row's index.
    pub declared_in_row_order: bool,
}

/// The enum itself, for the attribute form: the user's attributes and visibility, our derives,
/// one documented unit variant per row.
pub fn enum_definition(x: &Expansion<'_>, attrs: &[Attribute], vis: &Visibility) -> TokenStream {
    let ty = x.ty;
    let doc = docs::enum_doc(x.file, x.api, x.bindings.iter().map(|b| &b.row));
    let variants = x.bindings.iter().filter_map(|binding| {
        let Value::Variant(ident) = &binding.value else {
            return None;
        };
        let doc = docs::variant_doc(x.file, &binding.row);
        // rustdoc refuses an alias that is the item's own name (`NoAuthenticationInformation`).
        let alias = binding
            .row
            .code
            .as_ref()
            .map(ToString::to_string)
            .filter(|code| *code != binding.row.name)
            .map(|code| quote!(#[doc(alias = #code)]));
        Some(quote! {
            #[doc = #doc]
            #alias
            #ident,
        })
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

/// The inherent items, the trait impls and the rebuild tie, shared by both forms.
pub fn impls(x: &Expansion<'_>) -> TokenStream {
    let values = rows::values(x);
    let inherent = inherent(x, &values);
    let display = traits::display(x);
    let error = traits::error(x);
    let from_str = traits::from_str(x);
    let status_code = traits::into_status_code(x);
    let serde = traits::serde(x);
    let error_table = traits::error_table(x);
    let diagnostic = traits::diagnostic(x);
    let rebuild_tie = rebuild_tie(x);
    quote! {
        #inherent
        #display
        #error
        #from_str
        #status_code
        #serde
        #error_table
        #diagnostic
        #rebuild_tie
    }
}

/// `impl Type { … }`: the constants, `row()`, the column accessors and the lookups.
fn inherent(x: &Expansion<'_>, values: &[TokenStream]) -> TokenStream {
    let ty = x.ty;
    let lookup = Lookup::for_rows(x.bindings.len());
    let doc = format!("Generated from `{}`.", x.file);
    let constants = rows::constants(x, values);
    let row = rows::row_method(x);
    let columns = accessors::columns(x);
    let from_code = lookup::from_code(x, values, lookup);
    let with_status = lookup::with_status(x, values);
    let api = accessors::api(x);
    let from_name = lookup::from_name(x, lookup);
    quote! {
        #[doc = #doc]
        impl #ty {
            #constants
            #row
            #columns
            #from_code
            #with_status
            #api
            #from_name
        }
    }
}

/// Ties the crate's build to the spec: cargo rebuilds when the file changes.
fn rebuild_tie(x: &Expansion<'_>) -> Option<TokenStream> {
    x.resolved.map(|path| {
        quote!(
            const _: &[u8] = ::core::include_bytes!(#path);
        )
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use nexus_errors_spec::Row;
    use quote::format_ident;

    use super::*;

    /// A row of status `status`, named `name`.
    pub fn row(name: &str, code: Option<i64>, status: u16) -> Row {
        Row {
            name: name.into(),
            code: code.map(nexus_errors_spec::Code::Integer),
            status,
            status_text: "T".into(),
            description: "D".into(),
            notes: vec![],
            line: Some(1),
        }
    }

    /// Runs `f` on an expansion of `bindings` for `enum E`, the attribute form's shape.
    pub fn with_expansion<R>(
        bindings: &[Binding],
        other: Option<&str>,
        f: impl FnOnce(&Expansion<'_>) -> R,
    ) -> R {
        let ty = format_ident!("E");
        let krate: Path = syn::parse_quote!(::nexus_errors);
        let api = Api {
            name: "Test".into(),
            ..Api::default()
        };
        let other = other.map(|o| format_ident!("{o}"));
        f(&Expansion {
            ty: &ty,
            krate: &krate,
            file: "t.toml",
            resolved: Some("/t.toml"),
            api: &api,
            bindings,
            other: other.as_ref(),
            declared_in_row_order: other.is_none(),
        })
    }

    /// Token text with single spaces, for searching.
    pub fn compact(tokens: TokenStream) -> String {
        tokens
            .to_string()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn bindings(rows: &[(&str, Option<i64>, u16)]) -> Vec<Binding> {
        rows.iter()
            .map(|&(name, code, status)| Binding::own_variant(row(name, code, status)))
            .collect()
    }

    #[test]
    fn the_rebuild_tie_includes_the_resolved_spec() {
        let out = with_expansion(&[], None, |x| compact(impls(x)));
        assert!(
            out.contains(":: core :: include_bytes ! (\"/t.toml\")"),
            "{out}"
        );
    }

    #[test]
    fn the_enum_has_one_documented_variant_per_row_with_code_aliases() {
        let rows = bindings(&[("A", Some(4001), 400), ("B", None, 401)]);
        let out = with_expansion(&rows, None, |x| {
            compact(enum_definition(x, &[], &Visibility::Inherited))
        });
        assert!(out.contains("# [doc (alias = \"4001\")] A ,"), "{out}");
        assert!(out.contains("B , }"), "{out}");
        assert_eq!(out.matches("# [doc (alias").count(), 1, "{out}");
        assert!(out.contains("# [non_exhaustive] enum E"), "{out}");
    }

    proptest::proptest! {
        /// `format_ident!` panics on a string that is not an identifier, so the expander relies
        /// on the spec's name rule accepting identifiers only (and no keyword).
        #[test]
        fn every_name_the_rule_accepts_is_an_identifier(name in "[A-Z][A-Za-z0-9]{0,10}|[A-Za-z0-9_#]{0,12}|\\PC{0,6}") {
            if nexus_errors_spec::name::check(&name).is_ok() {
                proptest::prop_assert!(syn::parse_str::<Ident>(&name).is_ok(), "{}", name);
            }
        }
    }
}
