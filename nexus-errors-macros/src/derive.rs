//! `#[derive(ErrorTable)]` on a user-written enum: binds each variant to a row of the spec.
//!
//! A variant matches the row of its own name, or the row named by `#[nexus(row = "…")]`.
//! Every variant needs a row and every row a variant, unless one variant is marked
//! `#[nexus(other)]` and holds a `&'static Row`: it then carries the rows left over.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{Attribute, Data, DataEnum, DeriveInput, Fields, Ident, LitStr, Variant};

use crate::args::SpecArgsBuilder;
use crate::expand::{self, RowValue, Target};
use nexus_errors_spec::{Row, did_you_mean};

use crate::spec;
use crate::spec::Loaded;

const EXAMPLE: &str = "#[nexus(path = \"spec/errors.toml\")]";

pub fn derive(input: TokenStream) -> TokenStream {
    match derive_checked(input) {
        Ok(tokens) => tokens,
        Err(error) => error.into_compile_error(),
    }
}

fn derive_checked(input: TokenStream) -> syn::Result<TokenStream> {
    let input: DeriveInput = syn::parse2(input)?;
    let data = match &input.data {
        Data::Enum(data) => data,
        Data::Struct(s) => return Err(not_an_enum(s.struct_token.span, "a struct")),
        Data::Union(u) => return Err(not_an_enum(u.union_token.span, "a union")),
    };
    crate::item::reject_generics(&input.generics)?;
    let args = enum_args(&input)?;
    let variants = variant_options(data)?;

    let (mut spec, problems) = spec::load(&args.path);
    let mut errors = Errors(problems);
    let (rows, catch_all) = bind(&mut spec, &input.ident, &variants, &args.path, &mut errors);
    let impls = expand::impls(
        &spec,
        &Target {
            ty: &input.ident,
            krate: &args.krate,
            rows,
            catch_all,
            declared_in_row_order: false,
        },
    );
    let errors = errors.0.map(syn::Error::into_compile_error);
    Ok(quote!(#errors #impls))
}

fn not_an_enum(span: Span, what: &str) -> syn::Error {
    syn::Error::new(
        span,
        format!(
            "`ErrorTable` can only be derived for an enum, not {what}\n  = help: write an enum with one unit variant per row of the spec"
        ),
    )
}

/// The enum's `#[nexus(path = "…", crate = …)]`, exactly once.
fn enum_args(input: &DeriveInput) -> syn::Result<crate::args::SpecArgs> {
    let mut builder = SpecArgsBuilder::default();
    let mut seen: Option<&Attribute> = None;
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("nexus")) {
        if seen.is_some() {
            return Err(syn::Error::new_spanned(
                attr,
                "duplicate `#[nexus(…)]` attribute: give all options in one",
            ));
        }
        seen = Some(attr);
        attr.parse_nested_meta(|meta| builder.option(&meta, &[]))?;
    }
    builder.finish(input.ident.span(), EXAMPLE).map_err(|error| match seen {
        Some(attr) => syn::Error::new_spanned(attr, error.to_string()),
        None => syn::Error::new(
            input.ident.span(),
            format!("missing the spec: add `{EXAMPLE}` above the enum, with the path relative to Cargo.toml"),
        ),
    })
}

/// A variant and what its `#[nexus(…)]` says.
struct VariantOptions<'a> {
    ident: &'a Ident,
    /// The row name to bind to, and where it was written (the variant, or `row = "…"`).
    row: (String, Span),
    other: bool,
}

fn variant_options(data: &DataEnum) -> syn::Result<Vec<VariantOptions<'_>>> {
    let mut errors = Errors(None);
    let mut out = Vec::with_capacity(data.variants.len());
    let mut catch_all: Option<&Ident> = None;
    for variant in &data.variants {
        match one_variant(variant) {
            Ok(options) => {
                if options.other {
                    if let Some(first) = catch_all {
                        errors.push(syn::Error::new(
                            variant.ident.span(),
                            format!(
                                "only one variant can be `#[nexus(other)]`; `{first}` already is"
                            ),
                        ));
                    }
                    catch_all = Some(&variant.ident);
                }
                out.push(options);
            }
            Err(error) => errors.push(error),
        }
    }
    match errors.0 {
        Some(error) => Err(error),
        None => Ok(out),
    }
}

fn one_variant(variant: &Variant) -> syn::Result<VariantOptions<'_>> {
    let mut row: Option<LitStr> = None;
    let mut other = false;
    let mut seen = false;
    for attr in variant.attrs.iter().filter(|a| a.path().is_ident("nexus")) {
        if seen {
            return Err(syn::Error::new_spanned(
                attr,
                "duplicate `#[nexus(…)]` attribute: give all options in one",
            ));
        }
        seen = true;
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("row") {
                if row.is_some() {
                    return Err(meta.error("`row` is given twice"));
                }
                row = Some(meta.value()?.parse()?);
                Ok(())
            } else if meta.path.is_ident("other") {
                other = true;
                Ok(())
            } else {
                let name = meta
                    .path
                    .get_ident()
                    .map_or_else(|| "?".to_owned(), ToString::to_string);
                let hint = did_you_mean(&name, &["row", "other"]).map_or_else(
                    || "a variant takes `row = \"RowName\"` or `other`".to_owned(),
                    |close| format!("did you mean `{close}`?"),
                );
                Err(meta.error(format!("unknown variant option `{name}`; {hint}")))
            }
        })?;
    }
    if other && row.is_some() {
        return Err(syn::Error::new(
            variant.ident.span(),
            "a variant is either `other` or bound to one `row`, not both",
        ));
    }
    if let Some((_, discriminant)) = &variant.discriminant {
        return Err(syn::Error::new_spanned(
            discriminant,
            "error table variants cannot have explicit discriminants",
        ));
    }
    let shape_ok = match &variant.fields {
        Fields::Unit => !other,
        Fields::Unnamed(fields) => other && fields.unnamed.len() == 1,
        Fields::Named(_) => false,
    };
    if !shape_ok {
        let message = if other {
            format!(
                "the `other` variant carries the row: write `{}(&'static nexus_errors::Row)`",
                variant.ident
            )
        } else {
            format!(
                "variant `{}` carries data, but a row is a unit variant: remove the fields\n  = help: to carry rows that have no variant, write `#[nexus(other)] Other(&'static nexus_errors::Row)`",
                variant.ident
            )
        };
        // A unit variant has no field tokens to point at; point at its name instead.
        return Err(match &variant.fields {
            Fields::Unit => syn::Error::new(variant.ident.span(), message),
            fields => syn::Error::new_spanned(fields, message),
        });
    }
    let row = match row {
        Some(literal) => (literal.value(), literal.span()),
        None => (variant.ident.to_string(), variant.ident.span()),
    };
    Ok(VariantOptions {
        ident: &variant.ident,
        row,
        other,
    })
}

/// Binds rows to variants. On a mismatch it records the error and adds a placeholder row
/// for the unbound variant, so the impls still compile and no follow-on errors appear.
fn bind<'a>(
    spec: &mut Loaded,
    ty: &Ident,
    variants: &'a [VariantOptions<'a>],
    path: &LitStr,
    errors: &mut Errors,
) -> (Vec<RowValue>, Option<&'a Ident>) {
    let catch_all = variants.iter().find(|v| v.other).map(|v| v.ident);
    let table = &mut spec.table;
    let mut bound: Vec<Option<&Ident>> = vec![None; table.rows.len()];
    let names: Vec<String> = table.rows.iter().map(|r| r.name.clone()).collect();
    let mut placeholders = Vec::new();
    for variant in variants.iter().filter(|v| !v.other) {
        let (name, span) = &variant.row;
        match names.iter().position(|n| n == name) {
            Some(index) if bound[index].is_some() => {
                let first = bound[index].map_or_else(String::new, ToString::to_string);
                errors.push(syn::Error::new(
                    *span,
                    format!("row `{name}` is already bound to variant `{first}`"),
                ));
                placeholders.push(variant.ident);
            }
            Some(index) => bound[index] = Some(variant.ident),
            None => {
                let known: Vec<&str> = names.iter().map(String::as_str).collect();
                let hint = did_you_mean(name, &known)
                    .map_or_else(String::new, |close| format!("\n  = help: did you mean `{close}`? Bind it with `#[nexus(row = \"{close}\")]`"));
                errors.push(syn::Error::new(
                    *span,
                    format!(
                        "variant `{}` has no row: `{}` has no row named `{name}`{hint}",
                        variant.ident,
                        path.value()
                    ),
                ));
                placeholders.push(variant.ident);
            }
        }
    }
    let mut rows: Vec<RowValue> = Vec::with_capacity(table.rows.len());
    let mut kept: Vec<Row> = Vec::with_capacity(table.rows.len());
    for (row, variant) in table.rows.iter().zip(&bound) {
        let value = match (variant, catch_all) {
            (Some(variant), _) => RowValue::Variant((*variant).clone()),
            (None, Some(other)) => RowValue::CatchAll(other.clone()),
            (None, None) => {
                errors.push(syn::Error::new(
                    ty.span(),
                    format!(
                        "row `{}` ({}:{}) has no variant in `{ty}`\n  = help: add a variant `{}`, or carry unlisted rows with `#[nexus(other)] Other(&'static nexus_errors::Row)`",
                        row.name, spec.file, row.line, row.name
                    ),
                ));
                // Reported; left out of the skeleton.
                continue;
            }
        };
        rows.push(value);
        kept.push(row.clone());
    }
    table.rows = kept;
    for ident in placeholders {
        table.rows.push(placeholder(ident));
        rows.push(RowValue::Variant(ident.clone()));
    }
    (rows, catch_all)
}

fn placeholder(ident: &Ident) -> Row {
    Row {
        name: ident.to_string(),
        code: None,
        status: 500,
        status_text: String::new(),
        description: String::new(),
        notes: Vec::new(),
        line: 0,
    }
}

/// Accumulates errors so all of them are reported at once.
struct Errors(Option<syn::Error>);

impl Errors {
    fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }
}
