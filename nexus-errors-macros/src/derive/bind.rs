//! Binding the table's rows to the user's variants: by the variant's name, or the row named by
//! `#[nexus(row = "…")]`, with the `other` variant carrying the rows left over.

use nexus_errors_spec::{Row, did_you_mean};
use syn::Ident;

use super::attr::VariantAttr;
use crate::binding::{Binding, Value};
use crate::errors::{Errors, with_help};

/// What the binding may blame on the enum: nothing it cannot be sure of.
pub struct Blame {
    /// Report variants without a row: the spec was read without error, so every row is there.
    pub variants: bool,
    /// Report rows without a variant: also every variant's attribute was read, so none of
    /// them was meant for a row it failed to name.
    pub rows: bool,
}

/// One binding per row of `rows` that has a value, in the table's order, then a placeholder
/// row for each variant that has none (so the impls still compile and nothing cascades).
pub fn bind(
    rows: Vec<Row>,
    variants: &[VariantAttr<'_>],
    ty: &Ident,
    file: &str,
    blame: &Blame,
    errors: &mut Errors,
) -> Vec<Binding> {
    let other = variants.iter().find(|v| v.other).map(|v| &v.variant.ident);
    let mut bound: Vec<Option<&Ident>> = vec![None; rows.len()];
    let mut placeholders = Vec::new();
    for attr in variants.iter().filter(|v| !v.other) {
        let ident = &attr.variant.ident;
        let (name, span) = match &attr.row {
            Some(literal) => (literal.value(), literal.span()),
            None => (ident.to_string(), ident.span()),
        };
        match rows.iter().position(|row| row.name == name) {
            Some(index) => match bound[index] {
                Some(first) => {
                    errors.at(
                        span,
                        format!("row `{name}` is already bound to variant `{first}`"),
                    );
                    placeholders.push(ident);
                }
                None => bound[index] = Some(ident),
            },
            None => {
                // A variant whose attribute could not be read may have meant another row.
                if blame.variants && attr.read {
                    errors.at(span, no_row(ident, &name, file, &rows));
                }
                placeholders.push(ident);
            }
        }
    }
    let mut bindings = Vec::with_capacity(rows.len() + placeholders.len());
    for (row, variant) in rows.into_iter().zip(bound) {
        let value = match (variant, other) {
            (Some(variant), _) => Value::Variant(variant.clone()),
            (None, Some(other)) => Value::Other(other.clone()),
            (None, None) => {
                if blame.rows {
                    errors.at(ty.span(), no_variant(&row, ty, file));
                }
                continue;
            }
        };
        bindings.push(Binding { row, value });
    }
    bindings.extend(placeholders.into_iter().map(placeholder));
    bindings
}

fn no_row(variant: &Ident, name: &str, file: &str, rows: &[Row]) -> String {
    let message = format!("variant `{variant}` has no row: `{file}` has no row named `{name}`");
    let known: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    match did_you_mean(name, &known) {
        Some(close) => with_help(
            message,
            format!("did you mean `{close}`? Bind it with `#[nexus(row = \"{close}\")]`"),
        ),
        None => message,
    }
}

fn no_variant(row: &Row, ty: &Ident, file: &str) -> String {
    with_help(
        format!(
            "row `{}` ({file}:{}) has no variant in `{ty}`",
            row.name,
            row.line.unwrap_or_default()
        ),
        format!(
            "add a variant `{}`, or carry unlisted rows with `#[nexus(other)] Other(&'static nexus_errors::Row)`",
            row.name
        ),
    )
}

/// A stand-in row for a variant the table lacks; the error is already reported.
fn placeholder(ident: &Ident) -> Binding {
    Binding {
        row: Row {
            name: ident.to_string(),
            code: None,
            status: 500,
            status_text: String::new(),
            description: String::new(),
            notes: Vec::new(),
            line: None,
        },
        value: Value::Variant(ident.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::attr::variant_attrs;
    use crate::expand::tests::row;
    use syn::{Data, DeriveInput};

    /// Binds the rows `A` (401) and `B` (404) to `input`'s variants; returns each binding as
    /// `row=value` and how many errors were recorded.
    fn bound(input: DeriveInput, blame: Blame) -> (Vec<String>, usize) {
        let Data::Enum(data) = &input.data else {
            panic!("an enum");
        };
        let mut errors = Errors::default();
        let variants = variant_attrs(data, &mut errors);
        let rows = vec![row("A", None, 401), row("B", None, 404)];
        let bindings = bind(rows, &variants, &input.ident, "t.toml", &blame, &mut errors);
        let shown = bindings
            .iter()
            .map(|b| match &b.value {
                Value::Variant(v) => format!("{}={v}", b.row.name),
                Value::Other(v) => format!("{}={v}(..)", b.row.name),
            })
            .collect();
        (shown, errors.messages().len())
    }

    const ALL: Blame = Blame {
        variants: true,
        rows: true,
    };

    #[test]
    fn variants_bind_by_name_or_by_row_attribute() {
        let input = syn::parse_quote!(
            enum E {
                #[nexus(row = "A")]
                Gone,
                B,
            }
        );
        assert_eq!(bound(input, ALL), (vec!["A=Gone".into(), "B=B".into()], 0));
    }

    #[test]
    fn the_other_variant_carries_the_rows_left_over() {
        let input = syn::parse_quote!(
            enum E {
                B,
                #[nexus(other)]
                Rest(&'static Row),
            }
        );
        assert_eq!(
            bound(input, ALL),
            (vec!["A=Rest(..)".into(), "B=B".into()], 0)
        );
    }

    #[test]
    fn a_variant_without_a_row_gets_a_placeholder_and_a_row_without_a_variant_is_left_out() {
        let input = syn::parse_quote!(
            enum E {
                A,
                Missing,
            }
        );
        // `Missing` has no row and `B` has no variant: two errors, and nothing cascades.
        assert_eq!(
            bound(input, ALL),
            (vec!["A=A".into(), "Missing=Missing".into()], 2)
        );
    }

    #[test]
    fn nothing_is_blamed_that_the_enum_cannot_be_sure_of() {
        let input: DeriveInput = syn::parse_quote!(
            enum E {
                A,
                Missing,
            }
        );
        let blame = Blame {
            variants: false,
            rows: false,
        };
        assert_eq!(bound(input, blame).1, 0);
    }

    #[test]
    fn a_row_bound_twice_keeps_the_first_variant() {
        let input = syn::parse_quote!(
            enum E {
                A,
                #[nexus(row = "A")]
                Again,
                B,
            }
        );
        let (shown, errors) = bound(input, ALL);
        assert_eq!(shown, ["A=A", "B=B", "Again=Again"]);
        assert_eq!(errors, 1);
    }
}
