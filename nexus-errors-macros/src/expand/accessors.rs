//! The column accessors, each a `const fn` through `row()`, and `api()`.

use nexus_errors_spec::{Body, Preset};
use proc_macro2::TokenStream;
use quote::quote;

use super::Expansion;
use super::lookup::CodeKind;

/// `name()` … `action()`: one `const fn` per column of the row.
pub fn columns(x: &Expansion<'_>) -> TokenStream {
    let krate = x.krate;
    let kind = CodeKind::of(x);
    let code_type = kind.output();
    let code_variant = match kind {
        CodeKind::Integer => quote!(Integer),
        CodeKind::Text => quote!(Text),
    };
    quote! {
        /// The row's name in the spec, which is also the variant's name.
        #[inline]
        #[must_use]
        pub const fn name(self) -> &'static str {
            self.row().name()
        }

        /// The documented error code, if the documentation gives one.
        #[inline]
        #[must_use]
        pub const fn code(self) -> ::core::option::Option<#code_type> {
            match self.row().code() {
                ::core::option::Option::Some(#krate::Code::#code_variant(code)) => {
                    ::core::option::Option::Some(code)
                }
                _ => ::core::option::Option::None,
            }
        }

        /// The HTTP status code as a number.
        #[inline]
        #[must_use]
        pub const fn status(self) -> u16 {
            self.row().status()
        }

        /// The status text as the documentation writes it, e.g. `Bad Request`.
        #[inline]
        #[must_use]
        pub const fn status_text(self) -> &'static str {
            self.row().status_text()
        }

        /// The documented description, word for word; it may be empty.
        #[inline]
        #[must_use]
        pub const fn description(self) -> &'static str {
            self.row().description()
        }

        /// The notes the documentation gives under the row.
        #[inline]
        #[must_use]
        pub const fn notes(self) -> &'static [&'static str] {
            self.row().notes()
        }

        /// What a client should do about this error, decided by its status.
        #[inline]
        #[must_use]
        pub const fn action(self) -> #krate::Action {
            self.row().action()
        }
    }
}

/// `api()`: the spec's `[api]` name and source.
pub fn api(x: &Expansion<'_>) -> TokenStream {
    let krate = x.krate;
    let name = &x.api.name;
    let source = match &x.api.source {
        Some(source) => quote!(::core::option::Option::Some(#source)),
        None => quote!(::core::option::Option::None),
    };
    let body = body_shape(x);
    quote! {
        /// The API the table documents: the spec's `[api]` name and source.
        #[inline]
        #[must_use]
        pub const fn api() -> &'static #krate::Api {
            const { &#krate::__private::api(#name, #source, #body) }
        }
    }
}

/// The table's body shape: a preset's constant, or the spec's pointers as reference tokens.
fn body_shape(x: &Expansion<'_>) -> TokenStream {
    let krate = x.krate;
    match &x.api.body {
        Body::Preset(preset) => {
            let preset = match preset {
                Preset::Nexus => quote!(NEXUS),
                Preset::ProblemDetails => quote!(PROBLEM_DETAILS),
                Preset::OAuth => quote!(OAUTH),
                Preset::Flat => quote!(FLAT),
            };
            quote!(#krate::BodyShape::#preset)
        }
        Body::Pointers { code, message } => {
            let code = code.iter().map(|tokens| quote!(&[#(#tokens),*]));
            let message = message.iter().map(|tokens| quote!(&[#(#tokens),*]));
            quote!(#krate::BodyShape::__from_pointers(&[#(#code),*], &[#(#message),*]))
        }
    }
}
