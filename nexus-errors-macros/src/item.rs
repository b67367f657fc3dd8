//! Checks on the enum a macro is applied to, shared by both forms.

use syn::Generics;

/// An error table is a plain enum: no type, lifetime or const parameters, no where clause.
pub fn reject_generics(generics: &Generics) -> syn::Result<()> {
    let message = "an error table enum cannot be generic: remove the parameters";
    if !generics.params.is_empty() {
        return Err(syn::Error::new_spanned(generics, message));
    }
    match &generics.where_clause {
        // `enum E where … {}` has empty `<>`, which has no span of its own.
        Some(where_clause) => Err(syn::Error::new_spanned(where_clause, message)),
        None => Ok(()),
    }
}
