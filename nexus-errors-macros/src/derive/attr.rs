//! Reading the derive's `#[nexus(…)]` attributes, without judging the enum's shape (that is
//! `valid`): what each attribute says, with every problem recorded.

use syn::{Attribute, DataEnum, DeriveInput, LitStr, Variant};

use crate::args::{SpecArgs, SpecArgsBuilder, set, unknown_option};
use crate::errors::Errors;

const EXAMPLE: &str = "#[nexus(path = \"spec/errors.toml\")]";

/// The one `#[nexus(…)]` among `attrs`, if any; each further one is an error.
fn single_nexus_attribute<'a>(
    attrs: &'a [Attribute],
    errors: &mut Errors,
) -> Option<&'a Attribute> {
    let mut nexus = attrs.iter().filter(|a| a.path().is_ident("nexus"));
    let first = nexus.next();
    for duplicate in nexus {
        errors.spanned(
            duplicate,
            "duplicate `#[nexus(…)]` attribute: give all options in one",
        );
    }
    first
}

/// The enum's `#[nexus(path = "…", crate = …)]`; `None` when there is no usable path.
pub fn enum_args(input: &DeriveInput, errors: &mut Errors) -> Option<SpecArgs> {
    let Some(attr) = single_nexus_attribute(&input.attrs, errors) else {
        errors.at(
            input.ident.span(),
            format!(
                "missing the spec: add `{EXAMPLE}` above the enum, with the path relative to Cargo.toml"
            ),
        );
        return None;
    };
    let mut builder = SpecArgsBuilder::default();
    errors.check(attr.parse_nested_meta(|meta| builder.option(&meta)))?;
    let args = builder.finish();
    if args.is_none() {
        errors.spanned(attr, format!("missing the spec path: write `{EXAMPLE}`"));
    }
    args
}

/// A variant and what its `#[nexus(…)]` says.
pub struct VariantAttr<'a> {
    /// The variant.
    pub variant: &'a Variant,
    /// `row = "…"`, if given.
    pub row: Option<LitStr>,
    /// Whether it is `#[nexus(other)]`.
    pub other: bool,
    /// Whether its attribute was read without error; a variant whose attribute was not may be
    /// meant for any row, so rows left over are not blamed on the enum.
    pub read: bool,
}

/// Every variant with what its attribute says, in declaration order.
pub fn variant_attrs<'a>(data: &'a DataEnum, errors: &mut Errors) -> Vec<VariantAttr<'a>> {
    data.variants
        .iter()
        .map(|variant| variant_attr(variant, errors))
        .collect()
}

fn variant_attr<'a>(variant: &'a Variant, errors: &mut Errors) -> VariantAttr<'a> {
    let mut attr = VariantAttr {
        variant,
        row: None,
        other: false,
        read: true,
    };
    let Some(nexus) = single_nexus_attribute(&variant.attrs, errors) else {
        return attr;
    };
    let parsed = nexus.parse_nested_meta(|meta| {
        if meta.path.is_ident("row") {
            let value: LitStr = meta.value()?.parse()?;
            set(&mut attr.row, value, &meta)
        } else if meta.path.is_ident("other") {
            attr.other = true;
            Ok(())
        } else {
            Err(meta.error(unknown_option(
                &meta,
                &["row", "other"],
                "variant option",
                Some("a variant takes `row = \"RowName\"` or `other`"),
            )))
        }
    });
    attr.read = errors.check(parsed).is_some();
    attr
}
