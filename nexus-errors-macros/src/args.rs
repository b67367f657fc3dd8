//! The macro's own options, shared by `#[error_table(…)]` and the derive's `#[nexus(…)]`.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{LitStr, Path};

use nexus_errors_spec::did_you_mean;

/// Options naming the spec and the runtime crate.
pub struct SpecArgs {
    /// The spec file, relative to the crate's `CARGO_MANIFEST_DIR`.
    pub path: LitStr,
    /// Where the runtime items live; `::nexus_errors` unless re-exported elsewhere.
    pub krate: Path,
}

/// Collects options as they are parsed; `finish` checks that `path` was given.
#[derive(Default)]
pub struct SpecArgsBuilder {
    path: Option<LitStr>,
    krate: Option<Path>,
}

pub const OPTIONS: &[&str] = &["path", "crate"];

impl SpecArgsBuilder {
    /// Parses one `key = value` option. `extra` names further options the caller accepts,
    /// for the "unknown option" message.
    pub fn option(&mut self, meta: &ParseNestedMeta<'_>, extra: &[&str]) -> syn::Result<()> {
        if (meta.path.is_ident("path") || meta.path.is_ident("crate"))
            && !meta.input.peek(syn::Token![=])
        {
            let example = if meta.path.is_ident("path") {
                "path = \"spec/errors.toml\""
            } else {
                "crate = ::nexus_errors"
            };
            return Err(meta.error(format!("this option needs a value: write `{example}`")));
        }
        if meta.path.is_ident("path") {
            let value = meta.value()?;
            let literal: syn::Lit = value.parse()?;
            let syn::Lit::Str(path) = literal else {
                return Err(syn::Error::new_spanned(
                    literal,
                    "`path` must be a string literal, e.g. `path = \"spec/errors.toml\"`",
                ));
            };
            set(&mut self.path, path, meta)
        } else if meta.path.is_ident("crate") {
            let path: Path = meta.value()?.parse()?;
            set(&mut self.krate, path, meta)
        } else {
            let name = meta
                .path
                .get_ident()
                .map_or_else(|| "?".to_owned(), ToString::to_string);
            let known: Vec<&str> = OPTIONS.iter().chain(extra).copied().collect();
            let hint = match did_you_mean(&name, &known) {
                Some(close) => format!("did you mean `{close}`?"),
                None => format!("the options are: {}", known.join(", ")),
            };
            Err(meta.error(format!("unknown option `{name}`; {hint}")))
        }
    }

    /// The options, or an error at `span` saying how to give the missing path.
    pub fn finish(self, span: Span, example: &str) -> syn::Result<SpecArgs> {
        let Some(path) = self.path else {
            return Err(syn::Error::new(
                span,
                format!("missing the spec path: write `{example}`"),
            ));
        };
        Ok(SpecArgs {
            path,
            krate: self
                .krate
                .unwrap_or_else(|| syn::parse_quote!(::nexus_errors)),
        })
    }
}

fn set<T>(slot: &mut Option<T>, value: T, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    if slot.is_some() {
        let name = meta
            .path
            .get_ident()
            .map_or_else(|| "?".to_owned(), ToString::to_string);
        return Err(meta.error(format!("`{name}` is given twice")));
    }
    *slot = Some(value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::parse::Parser;

    fn parse(tokens: proc_macro2::TokenStream) -> syn::Result<SpecArgs> {
        let mut builder = SpecArgsBuilder::default();
        syn::meta::parser(|meta| builder.option(&meta, &[])).parse2(tokens)?;
        builder.finish(
            Span::call_site(),
            "#[error_table(path = \"spec/errors.toml\")]",
        )
    }

    #[test]
    fn path_and_crate_are_read() {
        let args = parse(quote::quote!(path = "a.toml", crate = ::my::reexport)).expect("valid");
        assert_eq!(args.path.value(), "a.toml");
        let krate = &args.krate;
        assert_eq!(
            quote::quote!(#krate).to_string().replace(' ', ""),
            "::my::reexport"
        );
    }

    #[test]
    fn misuse_is_reported_with_a_fix() {
        let message = |tokens| {
            parse(tokens)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(message(quote::quote!()).contains("missing the spec path"));
        assert!(message(quote::quote!(path = 3)).contains("must be a string literal"));
        assert!(message(quote::quote!(pth = "a")).contains("did you mean `path`?"));
        assert!(message(quote::quote!(path = "a", path = "b")).contains("given twice"));
        assert!(
            message(quote::quote!(path))
                .contains("needs a value: write `path = \"spec/errors.toml\"`")
        );
        assert!(
            message(quote::quote!(path = "a", crate))
                .contains("needs a value: write `crate = ::nexus_errors`")
        );
    }
}
