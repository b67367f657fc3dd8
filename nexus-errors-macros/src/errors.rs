//! The one place errors are collected, in the manner of serde's `Ctxt`: every stage records
//! its problems here and carries on with what it could read, so the user sees all of them at
//! once, and the expanders still emit the items so nothing cascades.

use std::fmt::Display;

use nexus_errors_spec::Diagnostic;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;

/// Every problem found while expanding one macro call.
#[derive(Default)]
pub struct Errors(Vec<syn::Error>);

impl Errors {
    /// Records an error.
    pub fn push(&mut self, error: syn::Error) {
        self.0.push(error);
    }

    /// Records `message` at `span`.
    pub fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// Records `message` over the tokens of `tokens`.
    pub fn spanned(&mut self, tokens: impl ToTokens, message: impl Display) {
        self.push(syn::Error::new_spanned(tokens, message));
    }

    /// The value of `result`, or `None` with its error recorded.
    pub fn check<T>(&mut self, result: syn::Result<T>) -> Option<T> {
        result.map_err(|error| self.push(error)).ok()
    }

    /// Records a spec's diagnostics, each at `span` (the path literal), in their own words.
    pub fn spec(&mut self, diagnostics: &[Diagnostic], span: Span) {
        for diagnostic in diagnostics {
            self.at(span, diagnostic);
        }
    }

    /// Every message recorded, in order.
    #[cfg(test)]
    pub fn messages(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }

    /// The errors as `compile_error!` invocations, in the order they were recorded.
    pub fn into_compile_errors(self) -> TokenStream {
        self.0
            .into_iter()
            .map(syn::Error::into_compile_error)
            .collect()
    }
}

/// A message with a line saying how to fix it, laid out as the spec's diagnostics are.
pub fn with_help(message: impl Display, help: impl Display) -> String {
    format!("{message}\n  = help: {help}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_is_kept_in_order() {
        let mut errors = Errors::default();
        errors.at(Span::call_site(), "first");
        assert_eq!(errors.check(Ok::<_, syn::Error>(7)), Some(7));
        assert_eq!(
            errors.check::<()>(Err(syn::Error::new(Span::call_site(), "second"))),
            None
        );
        let tokens = errors.into_compile_errors().to_string();
        let first = tokens.find("\"first\"").expect("first");
        let second = tokens.find("\"second\"").expect("second");
        assert!(first < second, "{tokens}");
    }

    #[test]
    fn help_goes_on_its_own_line() {
        assert_eq!(with_help("bad", "fix it"), "bad\n  = help: fix it");
    }
}
