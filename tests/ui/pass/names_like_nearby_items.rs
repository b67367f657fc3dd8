//! Rows named like the traits, types and prelude items the generated code sits among: every
//! name the spec's rule accepts compiles, and every generated item works on each of them.

// Items of the same names around the enum: generated code must not pick them up.
#[allow(dead_code)]
mod nearby {
    pub struct Error;
    pub struct Row;
    pub type Result<T> = ::core::result::Result<T, Error>;
    pub fn from_code(_: u16) {}
}
#[allow(unused_imports)]
use nearby::*;

use nexus_errors::ErrorTable;

#[nexus_errors::error_table(path = "specs/names_like_nearby_items.toml")]
pub enum Nearby {}

fn main() {
    let every = [
        Nearby::Error,
        Nearby::Ok,
        Nearby::Err,
        Nearby::None,
        Nearby::Some,
        Nearby::Row,
        Nearby::Display,
        Nearby::Debug,
        Nearby::Default,
        Nearby::Target,
        Nearby::Output,
        Nearby::Item,
        Nearby::Option,
        Nearby::Result,
        Nearby::Name,
        Nearby::Status,
        Nearby::Code,
        Nearby::From,
        Nearby::Into,
        Nearby::Serialize,
        Nearby::Deserialize,
        Nearby::Action,
        Nearby::ErrorTable,
        Nearby::Clone,
        Nearby::Copy,
        Nearby::Hash,
        Nearby::Eq,
        Nearby::PartialEq,
        Nearby::FromStr,
        Nearby::Formatter,
        Nearby::Vec,
        Nearby::String,
        Nearby::Box,
        Nearby::Send,
        Nearby::Sync,
        Nearby::Sized,
        Nearby::Drop,
        Nearby::Fn,
        Nearby::Iterator,
        Nearby::StatusCode,
        Nearby::ResponseError,
        Nearby::Resolution,
        Nearby::UnknownName,
        Nearby::Nearby,
        Nearby::Api,
        Nearby::All,
        Nearby::Count,
        Nearby::Rows,
        Nearby::Self0,
        Nearby::T,
        Nearby::E,
        Nearby::S,
        Nearby::D,
        Nearby::F,
    ];
    assert_eq!(Nearby::ALL, &every);
    assert_eq!(Nearby::COUNT, 54);
    for (index, &row) in Nearby::ALL.iter().enumerate() {
        // The values below come from the spec's generation rule (see its comment).
        let name = row.name();
        assert_eq!(row.description(), format!("The row named {name}."));
        assert_eq!(row.row().name(), name);
        assert_eq!(Nearby::from_name(name), Some(row));
        assert_eq!(name.parse::<Nearby>(), Ok(row));
        assert_eq!(format!("{row:?}"), name);
        assert!(row.to_string().starts_with(&format!("{} {}", row.status(), row.status_text())));
        assert_eq!(::http::StatusCode::from(row).as_u16(), row.status());
        assert_eq!(row.action(), nexus_errors::Action::for_status(row.status()));
        assert!(row.notes().is_empty());
        assert!(Nearby::with_status(row.status()).contains(&row));
        match row.code() {
            Some(code) => {
                assert_eq!(index % 3, 0);
                assert_eq!(Nearby::from_code(code), Some(row));
            }
            None => assert_ne!(index % 3, 0),
        }
        let json = serde_json::to_string(&row).expect("serializes");
        assert_eq!(json, format!("\"{name}\""));
        assert_eq!(serde_json::from_str::<Nearby>(&json).expect("deserializes"), row);
        let error: &dyn std::error::Error = &row;
        assert_eq!(error.to_string(), row.to_string());
        assert_eq!(<Nearby as ErrorTable>::from_name(name), Some(row));
        assert_eq!(<Nearby as ErrorTable>::row(row), row.row());
        let response = nexus_errors::ResponseError::<Nearby>::from_response(row.status(), row.row().error_body().as_bytes());
        assert_eq!(response.row(), Some(row));
    }
    assert_eq!(<Nearby as ErrorTable>::ALL.len(), Nearby::COUNT);
    assert_eq!(Nearby::api().name(), "Nearby Names API");
    assert_eq!(<Nearby as ErrorTable>::api().source(), Some("https://example.com/errors"));
    assert_eq!(Nearby::from_name("Nope"), None);
}
