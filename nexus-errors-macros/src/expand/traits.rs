//! The trait impls: `Display`, `Error`, `FromStr`, the `StatusCode` conversion, serde,
//! `ErrorTable` and (through the runtime) `miette::Diagnostic`.

use proc_macro2::TokenStream;
use quote::quote;

use super::Expansion;

/// `Display`: the row's precomputed one-line text.
pub fn display(x: &Expansion<'_>) -> TokenStream {
    let ty = x.ty;
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Display for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.row().display())
            }
        }
    }
}

/// `std::error::Error`, with no source.
pub fn error(x: &Expansion<'_>) -> TokenStream {
    let ty = x.ty;
    quote! {
        #[automatically_derived]
        impl ::std::error::Error for #ty {}
    }
}

/// `FromStr`, by the row's name.
pub fn from_str(x: &Expansion<'_>) -> TokenStream {
    let (ty, krate) = (x.ty, x.krate);
    quote! {
        #[automatically_derived]
        impl ::core::str::FromStr for #ty {
            type Err = #krate::UnknownName;

            // Not `Self::Err`: a variant named `Err` would make that path ambiguous.
            fn from_str(name: &str) -> ::core::result::Result<Self, #krate::UnknownName> {
                Self::from_name(name).ok_or(#krate::UnknownName)
            }
        }
    }
}

/// `From<Type> for http::StatusCode`.
pub fn into_status_code(x: &Expansion<'_>) -> TokenStream {
    let (ty, krate) = (x.ty, x.krate);
    quote! {
        #[automatically_derived]
        impl ::core::convert::From<#ty> for #krate::__private::http::StatusCode {
            fn from(error: #ty) -> Self {
                #krate::__private::row_status_code(error.row())
            }
        }
    }
}

/// `Serialize` and `Deserialize`, as the row's name.
pub fn serde(x: &Expansion<'_>) -> TokenStream {
    let (ty, krate) = (x.ty, x.krate);
    quote! {
        /// Serialized as the row's name, e.g. `"SessionTokenExpired"`.
        #[automatically_derived]
        impl #krate::__private::serde::Serialize for #ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: #krate::__private::serde::Serializer,
            {
                serializer.serialize_str(self.name())
            }
        }

        /// Deserialized from the row's name, e.g. `"SessionTokenExpired"`.
        #[automatically_derived]
        impl<'de> #krate::__private::serde::Deserialize<'de> for #ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: #krate::__private::serde::Deserializer<'de>,
            {
                #krate::__private::deserialize_by_name(deserializer)
            }
        }
    }
}

/// `ErrorTable`, forwarding to the inherent items.
pub fn error_table(x: &Expansion<'_>) -> TokenStream {
    let (ty, krate) = (x.ty, x.krate);
    quote! {
        #[automatically_derived]
        impl #krate::ErrorTable for #ty {
            const ALL: &'static [Self] = Self::ALL;

            #[inline]
            fn row(self) -> &'static #krate::Row {
                Self::row(self)
            }

            #[inline]
            fn with_status(status: u16) -> &'static [Self] {
                Self::with_status(status)
            }

            fn from_name(name: &str) -> ::core::option::Option<Self> {
                Self::from_name(name)
            }

            #[inline]
            fn api() -> &'static #krate::Api {
                Self::api()
            }
        }
    }
}

/// `miette::Diagnostic` when the runtime has its `miette` feature, else nothing: the runtime
/// defines the macro once per case, since a `cfg` written here would be read in the user's
/// crate, not the runtime's.
pub fn diagnostic(x: &Expansion<'_>) -> TokenStream {
    let (ty, krate) = (x.ty, x.krate);
    quote!(#krate::__private::impl_diagnostic!(#ty);)
}
