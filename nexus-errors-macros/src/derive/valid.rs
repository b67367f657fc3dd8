//! Checking the shape of the enum the derive is on: each variant a unit variant bound to a row,
//! or the one `other` variant carrying `&'static Row`.

use nexus_errors_spec::name::RESERVED;
use syn::{Fields, Ident};

use super::attr::VariantAttr;
use crate::errors::{Errors, with_help};

/// Checks every variant; returns `false` when a variant leaves no way to generate the impls (a
/// variant with fields that is not the single `other`, or one named like a generated item), so
/// only errors are emitted.
pub fn check_variants(variants: &[VariantAttr<'_>], errors: &mut Errors) -> bool {
    let mut expandable = true;
    let mut other: Option<&Ident> = None;
    for attr in variants {
        let ident = &attr.variant.ident;
        if attr.other {
            if let Some(first) = other {
                errors.at(
                    ident.span(),
                    format!("only one variant can be `#[nexus(other)]`; `{first}` already is"),
                );
                expandable = false;
            }
            other = Some(ident);
        }
        check_not_both_other_and_row(attr, errors);
        check_no_discriminant(attr, errors);
        expandable &= check_not_reserved(attr, errors);
        expandable &= check_fields(attr, errors);
    }
    expandable
}

fn check_not_both_other_and_row(attr: &VariantAttr<'_>, errors: &mut Errors) {
    if attr.other && attr.row.is_some() {
        errors.at(
            attr.variant.ident.span(),
            "a variant is either `other` or bound to one `row`, not both",
        );
    }
}

fn check_no_discriminant(attr: &VariantAttr<'_>, errors: &mut Errors) {
    if let Some((_, discriminant)) = &attr.variant.discriminant {
        errors.spanned(
            discriminant,
            "error table variants cannot have explicit discriminants",
        );
    }
}

/// `Type::ALL` would be ambiguous between the variant and the generated constant.
fn check_not_reserved(attr: &VariantAttr<'_>, errors: &mut Errors) -> bool {
    let ident = &attr.variant.ident;
    let Some(item) = RESERVED.iter().find(|&&item| ident == item) else {
        return true;
    };
    {
        errors.at(
            ident.span(),
            with_help(
                format!(
                    "variant `{ident}` would clash with the generated associated item `{item}`"
                ),
                "rename the variant; bind it to its row with `#[nexus(row = \"…\")]`",
            ),
        );
    }
    false
}

/// A unit variant, or the `other` variant with one field; `false` (with an error) otherwise.
fn check_fields(attr: &VariantAttr<'_>, errors: &mut Errors) -> bool {
    let variant = attr.variant;
    let shape_ok = match &variant.fields {
        Fields::Unit => !attr.other,
        Fields::Unnamed(fields) => attr.other && fields.unnamed.len() == 1,
        Fields::Named(_) => false,
    };
    if shape_ok {
        return true;
    }
    let message = if attr.other {
        format!(
            "the `other` variant carries the row: write `{}(&'static nexus_errors::Row)`",
            variant.ident
        )
    } else {
        with_help(
            format!(
                "variant `{}` carries data, but a row is a unit variant: remove the fields",
                variant.ident
            ),
            "to carry rows that have no variant, write `#[nexus(other)] Other(&'static nexus_errors::Row)`",
        )
    };
    // A unit variant has no field tokens to point at; point at its name instead.
    match &variant.fields {
        Fields::Unit => errors.at(variant.ident.span(), message),
        fields => errors.spanned(fields, message),
    }
    false
}
