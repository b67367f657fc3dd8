//! `#[error_table(path = "…")]` on an empty enum: writes the enum's variants from the spec.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::punctuated::Punctuated;
use syn::{Data, DeriveInput, Token};

use crate::args::SpecArgsBuilder;
use crate::expand::{self, RowValue, Target};
use crate::spec;

const EXAMPLE: &str = "#[error_table(path = \"spec/errors.toml\")]";

pub fn error_table(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut builder = SpecArgsBuilder::default();
    let parsed_args = syn::parse::Parser::parse2(
        syn::meta::parser(|meta| builder.option(&meta, &[])),
        args.clone(),
    );
    let item: DeriveInput = match syn::parse2(item) {
        Ok(item) => item,
        Err(error) => return error.into_compile_error(),
    };
    let args_span = match args.clone().into_iter().next() {
        Some(first) => first.span(),
        None => Span::call_site(),
    };
    let args = match parsed_args.and_then(|()| builder.finish(args_span, EXAMPLE)) {
        Ok(args) => args,
        Err(error) => return error.into_compile_error(),
    };
    if let Err(error) = check_item(&item) {
        return error.into_compile_error();
    }

    let (spec, problems) = spec::load(&args.path);
    let definition = expand::enum_definition(&spec, &item.attrs, &item.vis, &item.ident);
    let rows = spec
        .table
        .rows
        .iter()
        .map(|row| RowValue::Variant(format_ident!("{}", row.name)))
        .collect();
    let impls = expand::impls(
        &spec,
        &Target {
            ty: &item.ident,
            krate: &args.krate,
            rows,
            catch_all: None,
            declared_in_row_order: true,
        },
    );
    let problems = problems.map(syn::Error::into_compile_error);
    quote!(#problems #definition #impls)
}

fn check_item(item: &DeriveInput) -> syn::Result<()> {
    let Data::Enum(data) = &item.data else {
        return Err(syn::Error::new(
            item.ident.span(),
            format!(
                "`error_table` goes on an empty enum: write `pub enum {} {{}}`",
                item.ident
            ),
        ));
    };
    crate::item::reject_generics(&item.generics)?;
    if let Some(variant) = data.variants.first() {
        return Err(syn::Error::new(
            variant.ident.span(),
            "the variants come from the spec: leave the enum's body empty\n  = help: to name variants yourself, use `#[derive(nexus_errors::ErrorTable)]`",
        ));
    }
    reject_our_derives(&item.attrs)
}

/// The traits the generated enum derives itself; deriving them again would conflict.
const DERIVED: &[&str] = &["Clone", "Copy", "Debug", "PartialEq", "Eq", "Hash"];

fn reject_our_derives(attrs: &[syn::Attribute]) -> syn::Result<()> {
    for attr in attrs.iter().filter(|a| a.path().is_ident("derive")) {
        let paths = attr.parse_args_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)?;
        if let Some(path) = paths.iter().find(|p| {
            p.segments
                .last()
                .is_some_and(|s| DERIVED.iter().any(|d| s.ident == d))
        }) {
            return Err(syn::Error::new_spanned(
                path,
                format!(
                    "`error_table` already derives {}: remove this one",
                    DERIVED.join(", ")
                ),
            ));
        }
    }
    Ok(())
}
