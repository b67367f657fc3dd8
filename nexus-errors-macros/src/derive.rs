//! `#[derive(ErrorTable)]` on a user-written enum: binds each variant to a row of the spec.
//!
//! A variant matches the row of its own name, or the row named by `#[nexus(row = "…")]`.
//! Every variant needs a row and every row a variant, unless one variant is marked
//! `#[nexus(other)]` and holds a `&'static Row`: it then carries the rows left over.
//! `attr` reads the attributes, `valid` checks the enum's shape, `bind` pairs rows with
//! variants; every problem is recorded and the impls are still emitted where they can be.

mod attr;
mod bind;
mod valid;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Data, DeriveInput};

use crate::args::default_krate;
use crate::errors::{Errors, with_help};
use crate::expand::{self, Expansion};
use crate::spec::{self, Loaded};

pub fn derive(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.into_compile_error(),
    };
    let mut errors = Errors::default();
    let impls = impls(&input, &mut errors);
    let errors = errors.into_compile_errors();
    quote!(#errors #impls)
}

/// The impls, or `None` when the enum's shape leaves no way to write them.
fn impls(input: &DeriveInput, errors: &mut Errors) -> Option<TokenStream> {
    let data = match &input.data {
        Data::Enum(data) => data,
        Data::Struct(s) => return not_an_enum(s.struct_token.span, "a struct", errors),
        Data::Union(u) => return not_an_enum(u.union_token.span, "a union", errors),
    };
    let generic = errors
        .check(crate::item::reject_generics(&input.generics))
        .is_none();
    let args = attr::enum_args(input, errors);
    let variants = attr::variant_attrs(data, errors);
    let expandable = valid::check_variants(&variants, errors) && !generic;
    let spec = args
        .as_ref()
        .map_or_else(Loaded::none, |args| spec::load(&args.path, errors));
    if !expandable {
        return None;
    }
    let blame = bind::Blame {
        variants: spec.valid,
        rows: spec.valid && variants.iter().all(|v| v.read),
    };
    let bindings = bind::bind(
        spec.table.rows,
        &variants,
        &input.ident,
        &spec.file,
        &blame,
        errors,
    );
    let krate = args.map_or_else(default_krate, |args| args.krate);
    Some(expand::impls(&Expansion {
        ty: &input.ident,
        krate: &krate,
        file: &spec.file,
        resolved: spec.resolved.as_deref(),
        api: &spec.table.api,
        bindings: &bindings,
        other: variants.iter().find(|v| v.other).map(|v| &v.variant.ident),
        declared_in_row_order: false,
    }))
}

fn not_an_enum(span: Span, what: &str, errors: &mut Errors) -> Option<TokenStream> {
    errors.at(
        span,
        with_help(
            format!("`ErrorTable` can only be derived for an enum, not {what}"),
            "write an enum with one unit variant per row of the spec",
        ),
    );
    None
}
