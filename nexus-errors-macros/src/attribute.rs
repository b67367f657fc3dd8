//! `#[error_table(path = "…")]` on an empty enum: writes the enum's variants from the spec.
//!
//! Whatever goes wrong, the enum is still emitted (a skeleton of the rows that could be read,
//! with the user's name, visibility and attributes), so the user sees the real problem and not
//! a cascade of "cannot find type" errors.

use proc_macro2::TokenStream;
use quote::quote;
use syn::punctuated::Punctuated;
use syn::{Attribute, Data, DeriveInput, Token};

use crate::args::{self, default_krate};
use crate::binding::Binding;
use crate::errors::{Errors, with_help};
use crate::expand::{self, Expansion};
use crate::spec::{self, Loaded};

pub fn error_table(args: TokenStream, item: TokenStream) -> TokenStream {
    let item: DeriveInput = match syn::parse2(item) {
        Ok(item) => item,
        Err(error) => return error.into_compile_error(),
    };
    let mut errors = Errors::default();
    let args = args::attribute_args(args, &mut errors);
    check_item(&item, &mut errors);
    let attrs = without_our_derives(&item.attrs, &mut errors);
    let spec = args
        .as_ref()
        .map_or_else(Loaded::none, |args| spec::load(&args.path, &mut errors));
    let krate = args.map_or_else(default_krate, |args| args.krate);
    let bindings: Vec<Binding> = spec
        .table
        .rows
        .into_iter()
        .map(Binding::own_variant)
        .collect();
    let expansion = Expansion {
        ty: &item.ident,
        krate: &krate,
        file: &spec.file,
        resolved: spec.resolved.as_deref(),
        api: &spec.table.api,
        bindings: &bindings,
        other: None,
        declared_in_row_order: true,
    };
    let definition = expand::enum_definition(&expansion, &attrs, &item.vis);
    let impls = expand::impls(&expansion);
    let errors = errors.into_compile_errors();
    quote!(#errors #definition #impls)
}

/// An empty, non-generic enum; the problems are recorded and the skeleton enum replaces it.
fn check_item(item: &DeriveInput, errors: &mut Errors) {
    let Data::Enum(data) = &item.data else {
        errors.at(
            item.ident.span(),
            format!(
                "`error_table` goes on an empty enum: write `pub enum {} {{}}`",
                item.ident
            ),
        );
        return;
    };
    errors.check(crate::item::reject_generics(&item.generics));
    if let Some(variant) = data.variants.first() {
        errors.at(
            variant.ident.span(),
            with_help(
                "the variants come from the spec: leave the enum's body empty",
                "to name variants yourself, use `#[derive(nexus_errors::ErrorTable)]`",
            ),
        );
    }
}

/// The traits the generated enum derives itself; deriving them again would conflict.
const DERIVED: &[&str] = &["Clone", "Copy", "Debug", "PartialEq", "Eq", "Hash"];

/// The user's attributes, with an error for each of our derives it repeats and those derives
/// left out, so the enum still compiles.
fn without_our_derives(attrs: &[Attribute], errors: &mut Errors) -> Vec<Attribute> {
    let mut kept = Vec::with_capacity(attrs.len());
    for attr in attrs {
        if !attr.path().is_ident("derive") {
            kept.push(attr.clone());
            continue;
        }
        let Some(paths) = errors
            .check(attr.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated))
        else {
            continue;
        };
        let (ours, theirs): (Vec<&syn::Path>, Vec<&syn::Path>) = paths.iter().partition(|path| {
            path.segments
                .last()
                .is_some_and(|s| DERIVED.iter().any(|d| s.ident == d))
        });
        for path in ours {
            errors.spanned(
                path,
                format!(
                    "`error_table` already derives {}: remove this one",
                    DERIVED.join(", ")
                ),
            );
        }
        if !theirs.is_empty() {
            kept.push(syn::parse_quote!(#[derive(#(#theirs),*)]));
        }
    }
    kept
}
