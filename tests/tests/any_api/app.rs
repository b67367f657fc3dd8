//! Tables of string codes in each body shape, served over loopback and read back.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};

use nexus_errors::{ErrorTable, ResponseError};

#[nexus_errors::error_table(path = "problem_details.toml")]
pub enum ProblemDetails {}

#[nexus_errors::error_table(path = "oauth.toml")]
pub enum OAuth {}

#[nexus_errors::error_table(path = "flat.toml")]
pub enum Flat {}

#[nexus_errors::error_table(path = "google.toml")]
pub enum Google {}

#[nexus_errors::error_table(path = "payments.toml")]
pub enum Payments {}

/// The same table, with variants of our own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, nexus_errors::ErrorTable)]
#[nexus(path = "payments.toml")]
pub enum Declines {
    #[nexus(row = "CardDeclined")]
    Declined,
    #[nexus(row = "CardDeclinedInsufficientFunds")]
    NoFunds,
    #[nexus(other)]
    Other(&'static nexus_errors::Row),
}

/// Serves each body once, in order, with its status, on a loopback port.
fn serve(responses: Vec<(u16, String)>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let port = listener.local_addr().expect("its address").port();
    std::thread::spawn(move || {
        for ((status, body), stream) in responses.into_iter().zip(listener.incoming()) {
            let mut stream = stream.expect("a connection");
            let mut request = [0u8; 1024];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    port
}

/// One GET over loopback: the response's status and body, read into table `T`.
fn fetch<T: ErrorTable>(port: u16) -> ResponseError<T> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .write_all(b"GET /thing HTTP/1.1\r\nhost: localhost\r\nconnection: close\r\n\r\n")
        .expect("request");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("response");
    let mut headers = [httparse::EMPTY_HEADER; 16];
    let mut parsed = httparse::Response::new(&mut headers);
    let httparse::Status::Complete(length) = parsed.parse(&raw).expect("an HTTP response") else {
        panic!("a whole head");
    };
    let status = parsed.code.expect("a status");
    ResponseError::from_response(status, &raw[length..])
}

fn show<T: ErrorTable>(label: &str, error: &ResponseError<T>) {
    let row = error.row().map(|row| row.row().name());
    println!("{label}: {row:?} {:?}", error.resolution());
}

fn main() {
    let cases: Vec<(u16, &str)> = vec![
        // RFC 9457, section 3's example body.
        (403, r#"{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"accounts":["/account/12345","/account/67890"]}"#),
        // Problem details whose status member is a string.
        (422, r#"{"type":"https://example.net/validation-error","title":"Your request is not valid.","status":"422"}"#),
        // RFC 6749, section 5.2: the code is `error`.
        (400, r#"{"error":"invalid_scope","error_description":"The requested scope is invalid, unknown, or malformed."}"#),
        (401, r#"{"error":"invalid_client"}"#),
        (429, r#"{"error_code":"rate_limited","error_message":"Slow down."}"#),
        (429, r#"{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}"#),
        (402, r#"{"error":{"code":"card_declined","message":"The card has insufficient funds."}}"#),
        (402, r#"{"error":{"code":"card_declined","message":"The card was declined."}}"#),
        (402, r#"{"error":{"code":"expired_card","message":"Your card expired last month."}}"#),
        (402, r#"{"error":{"code":"card_declined","message":"Do not honor."}}"#),
    ];
    let port = serve(cases.iter().map(|(s, b)| (*s, (*b).to_owned())).collect());
    show("problem details", &fetch::<ProblemDetails>(port));
    show("problem details, string status", &fetch::<ProblemDetails>(port));
    show("oauth", &fetch::<OAuth>(port));
    show("oauth, code alone", &fetch::<OAuth>(port));
    show("flat", &fetch::<Flat>(port));
    show("google", &fetch::<Google>(port));
    show("payments", &fetch::<Payments>(port));
    let derived = fetch::<Declines>(port);
    println!("derived: {:?} {:?}", derived.row(), derived.resolution());
    show("payments, one row of the code", &fetch::<Payments>(port));
    show("payments, a message neither row has", &fetch::<Payments>(port));
    println!(
        "codes: {:?} {:?} {:?}",
        Payments::CardDeclined.code(),
        Declines::from_code("card_declined"),
        Google::from_code("RESOURCE_EXHAUSTED")
    );
}
