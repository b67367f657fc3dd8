//! The table's data: each row's value, the `ALL`, `COUNT` and `ROWS` constants, and `row()`.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use nexus_errors_spec::Code;

use super::Expansion;
use super::lookup::literal;
use crate::binding::{Binding, Value};

/// Each binding's value as an expression, in the table's order. Named through the type, not
/// `Self`: rustc resolves `Self::Variant` by a linear search of the variants, quadratic over a
/// large table; `Type::Variant` is a hashed lookup.
pub fn values(x: &Expansion<'_>) -> Vec<TokenStream> {
    let ty = x.ty;
    x.bindings
        .iter()
        .enumerate()
        .map(|(index, binding)| match &binding.value {
            Value::Variant(ident) => quote!(#ty::#ident),
            Value::Other(ident) => {
                let index = Literal::usize_unsuffixed(index);
                quote!(#ty::#ident(&Self::ROWS[#index]))
            }
        })
        .collect()
}

/// `ALL`, `COUNT` and the private `ROWS`.
pub fn constants(x: &Expansion<'_>, values: &[TokenStream]) -> TokenStream {
    let krate = x.krate;
    let count = x.bindings.len();
    let rows = x.bindings.iter().map(|binding| row_constant(x, binding));
    quote! {
        /// Every row of the table, in the spec's order.
        pub const ALL: &'static [Self] = &[#(#values),*];

        /// How many rows the table has.
        pub const COUNT: usize = #count;

        /// The rows' data, in the spec's order.
        const ROWS: &'static [#krate::Row] = &[#(#rows),*];
    }
}

/// One row's data as a `Row` constant expression.
fn row_constant(x: &Expansion<'_>, binding: &Binding) -> TokenStream {
    let krate = x.krate;
    let row = &binding.row;
    let name = &row.name;
    let code = match &row.code {
        Some(code @ Code::Integer(_)) => {
            let code = literal(code);
            quote!(::core::option::Option::Some(#krate::Code::Integer(#code)))
        }
        Some(code @ Code::Text(_)) => {
            let code = literal(code);
            quote!(::core::option::Option::Some(#krate::Code::Text(#code)))
        }
        None => quote!(::core::option::Option::None),
    };
    let status = Literal::u16_unsuffixed(row.status);
    let status_text = &row.status_text;
    let description = &row.description;
    let notes = &row.notes;
    let display = row.display();
    quote! {
        #krate::__private::row(#krate::__private::RowFields {
            name: #name,
            code: #code,
            api: Self::api(),
            status: #krate::__private::status_code(#status),
            status_text: #status_text,
            description: #description,
            notes: &[#(#notes),*],
            display: #display,
        })
    }
}

/// `row()`: the value's row. `ROWS` is named once, not once per arm: rustc lowers the whole
/// constant again at each use.
pub fn row_method(x: &Expansion<'_>) -> TokenStream {
    let krate = x.krate;
    let body = row_body(x);
    quote! {
        /// The table row this error stands for.
        #[inline]
        #[must_use]
        pub const fn row(self) -> &'static #krate::Row {
            #body
        }
    }
}

fn row_body(x: &Expansion<'_>) -> TokenStream {
    let ty = x.ty;
    let arms: Vec<TokenStream> = x
        .bindings
        .iter()
        .enumerate()
        .filter_map(|(index, binding)| match &binding.value {
            Value::Variant(ident) => {
                let index = Literal::usize_unsuffixed(index);
                Some(quote!(#ty::#ident => #index,))
            }
            Value::Other(_) => None,
        })
        .collect();
    if x.declared_in_row_order && x.other.is_none() && !arms.is_empty() {
        // No `match` at all: thousands of arms cost rustc superlinear time.
        quote!(&Self::ROWS[self as usize])
    } else if arms.is_empty() {
        // No unit variant (a table with no rows, or only the `other` variant): nothing to index.
        let other = x.other.map(|ident| quote!(#ty::#ident(row) => row,));
        quote!(match self { #other })
    } else {
        let other = x.other.map(|ident| quote!(#ty::#ident(row) => return row,));
        quote! {
            let index: usize = match self {
                #(#arms)*
                #other
            };
            &Self::ROWS[index]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::expand::tests::{bindings, compact, row, with_expansion};
    use quote::format_ident;

    #[test]
    fn the_attribute_form_indexes_rows_by_discriminant() {
        let rows = bindings(&[("A", None, 400), ("B", None, 401)]);
        let out = with_expansion(&rows, None, |x| compact(row_method(x)));
        assert!(out.contains("& Self :: ROWS [self as usize]"), "{out}");
        assert!(!out.contains("match"), "{out}");
    }

    #[test]
    fn other_rows_are_carried_by_reference_and_matched_out() {
        let other = format_ident!("Other");
        let rows = vec![
            Binding::own_variant(row("A", None, 400)),
            Binding {
                row: row("B", None, 401),
                value: Value::Other(other.clone()),
            },
        ];
        let (values, body) = with_expansion(&rows, Some("Other"), |x| {
            (values(x), compact(row_method(x)))
        });
        assert_eq!(compact(values[0].clone()), "E :: A");
        assert_eq!(
            compact(values[1].clone()),
            "E :: Other (& Self :: ROWS [1])"
        );
        assert!(body.contains("E :: A => 0 ,"), "{body}");
        assert!(body.contains("E :: Other (row) => return row ,"), "{body}");
    }

    #[test]
    fn only_an_other_variant_leaves_nothing_to_index() {
        let rows = vec![Binding {
            row: row("B", None, 401),
            value: Value::Other(format_ident!("Other")),
        }];
        let body = with_expansion(&rows, Some("Other"), |x| compact(row_method(x)));
        assert!(
            body.contains("match self { E :: Other (row) => row , }"),
            "{body}"
        );
    }

    #[test]
    fn each_row_constant_holds_its_columns_and_display() {
        let rows = bindings(&[("A", Some(4001), 400)]);
        let out = with_expansion(&rows, None, |x| compact(constants(x, &values(x))));
        assert!(out.contains("pub const COUNT : usize = 1usize"), "{out}");
        assert!(
            out.contains(":: nexus_errors :: __private :: row (:: nexus_errors :: __private :: RowFields { name : \"A\" , code : :: core :: option :: Option :: Some (:: nexus_errors :: Code :: Integer (4001)) , api : Self :: api () , status : :: nexus_errors :: __private :: status_code (400) , status_text : \"T\" , description : \"D\" , notes : & [] , display : \"400 T [4001]: D\" , })"),
            "{out}"
        );
    }
}
