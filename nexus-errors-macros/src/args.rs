//! The macro's own options, shared by `#[error_table(…)]` and the derive's `#[nexus(…)]`.

use proc_macro2::TokenStream;
use syn::meta::ParseNestedMeta;
use syn::parse::Parser;
use syn::{LitStr, Path};

use nexus_errors_spec::did_you_mean;

use crate::errors::Errors;

/// Options naming the spec and the runtime crate.
pub struct SpecArgs {
    /// The spec file, relative to the crate's `CARGO_MANIFEST_DIR`.
    pub path: LitStr,
    /// Where the runtime items live; `::nexus_errors` unless re-exported elsewhere.
    pub krate: Path,
}

/// The runtime crate's path when no `crate = …` is given.
pub fn default_krate() -> Path {
    syn::parse_quote!(::nexus_errors)
}

/// Collects options as they are parsed; `finish` checks that `path` was given.
#[derive(Default)]
pub struct SpecArgsBuilder {
    path: Option<LitStr>,
    krate: Option<Path>,
}

/// The options both forms take.
pub const OPTIONS: &[&str] = &["path", "crate"];

impl SpecArgsBuilder {
    /// Parses one `key = value` option.
    pub fn option(&mut self, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
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
            Err(meta.error(unknown_option(meta, OPTIONS, "option", None)))
        }
    }

    /// The options, or `None` when `path` was not given.
    pub fn finish(self) -> Option<SpecArgs> {
        Some(SpecArgs {
            path: self.path?,
            krate: self.krate.unwrap_or_else(default_krate),
        })
    }
}

/// `#[error_table(…)]`'s options. Problems go to `errors`; `None` when there is no usable path.
pub fn attribute_args(args: TokenStream, errors: &mut Errors) -> Option<SpecArgs> {
    let span = args
        .clone()
        .into_iter()
        .next()
        .map_or_else(proc_macro2::Span::call_site, |first| first.span());
    let mut builder = SpecArgsBuilder::default();
    let parsed = syn::meta::parser(|meta| builder.option(&meta)).parse2(args);
    // A misspelt option is likely the path: saying it is also missing would only repeat that.
    errors.check(parsed)?;
    let args = builder.finish();
    if args.is_none() {
        errors.at(
            span,
            "missing the spec path: write `#[error_table(path = \"spec/errors.toml\")]`",
        );
    }
    args
}

/// "unknown option `x`; did you mean `y`?", or the list of options when nothing is close.
pub fn unknown_option(
    meta: &ParseNestedMeta<'_>,
    known: &[&str],
    what: &str,
    otherwise: Option<&str>,
) -> String {
    let name = meta
        .path
        .get_ident()
        .map_or_else(|| "?".to_owned(), ToString::to_string);
    let hint = match (did_you_mean(&name, known), otherwise) {
        (Some(close), _) => format!("did you mean `{close}`?"),
        (None, Some(otherwise)) => otherwise.to_owned(),
        (None, None) => format!("the options are: {}", known.join(", ")),
    };
    format!("unknown {what} `{name}`; {hint}")
}

/// Sets an option once; a second value is an error at the option's name.
pub fn set<T>(slot: &mut Option<T>, value: T, meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
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

    fn parse(tokens: TokenStream) -> (Option<SpecArgs>, Vec<String>) {
        let mut errors = Errors::default();
        let args = attribute_args(tokens, &mut errors);
        (args, errors.messages())
    }

    #[test]
    fn path_and_crate_are_read() {
        let (args, errors) = parse(quote::quote!(path = "a.toml", crate = ::my::reexport));
        assert!(errors.is_empty(), "{errors:?}");
        let args = args.expect("valid");
        assert_eq!(args.path.value(), "a.toml");
        let krate = &args.krate;
        assert_eq!(
            quote::quote!(#krate).to_string().replace(' ', ""),
            "::my::reexport"
        );
    }

    #[test]
    fn misuse_is_reported_with_a_fix() {
        let message = |tokens| parse(tokens).1.concat();
        assert!(message(quote::quote!()).contains("missing the spec path"));
        assert!(message(quote::quote!(path = 3)).contains("must be a string literal"));
        assert!(message(quote::quote!(pth = "a")).contains("did you mean `path`?"));
        assert!(message(quote::quote!(colour = "a")).contains("the options are: path, crate"));
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

    #[test]
    fn a_misspelt_option_is_not_also_a_missing_path() {
        let (args, errors) = parse(quote::quote!(pth = "a"));
        assert!(args.is_none());
        assert_eq!(errors.len(), 1, "{errors:?}");
    }
}
