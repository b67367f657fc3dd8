//! reqwest-retry integration (the `reqwest-middleware` feature): a
//! [`RetryableStrategy`] that classifies responses by status, as
//! [`ResponseError::is_retryable`](crate::ResponseError::is_retryable) does.

use reqwest_retry::{Retryable, RetryableStrategy, default_on_request_failure};

use crate::action;

/// A [`reqwest_retry::RetryableStrategy`] that retries exactly the statuses
/// [`ResponseError::is_retryable`](crate::ResponseError::is_retryable) names (408, 429, 500,
/// 502, 503, 504), whatever the table, treats every
/// other 4xx and 5xx as fatal, and lets any other response through. A request that got no
/// response (a connection refused, a timeout) is left to reqwest-retry's
/// [`default_on_request_failure`].
///
/// reqwest-retry's own default also retries 501, 505 and the rest of the 5xx; this strategy
/// follows the status rule of the rest of this crate instead.
///
/// # Retry-After
///
/// reqwest-retry cannot honour `Retry-After`: its middleware asks the
/// [`RetryPolicy`](reqwest_retry::RetryPolicy) for each wait, and the policy sees the
/// attempt count and the start time, never the response. A throttled request is retried on
/// the policy's schedule, whatever the server asked. When the server's wait matters (a 429
/// from a rate limiter that counts early retries against you), retry with backon instead,
/// as the crate documentation's *Retrying* section shows: it reads
/// [`ResponseError::retry_after`](crate::ResponseError::retry_after) before each wait.
///
/// Use it with reqwest-middleware 0.5 and reqwest-retry 0.9, the versions this feature is
/// built on:
///
/// ```
/// use nexus_errors::StatusRetryStrategy;
/// use reqwest_middleware::ClientBuilder;
/// use reqwest_retry::{RetryTransientMiddleware, policies::ExponentialBackoff};
///
/// let policy = ExponentialBackoff::builder().build_with_max_retries(3);
/// let client = ClientBuilder::new(reqwest::Client::new())
///     .with(RetryTransientMiddleware::new_with_policy_and_strategy(policy, StatusRetryStrategy))
///     .build();
/// # drop(client);
/// ```
///
/// Available with the `reqwest-middleware` feature.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct StatusRetryStrategy;

impl RetryableStrategy for StatusRetryStrategy {
    fn handle(
        &self,
        result: &Result<reqwest::Response, reqwest_middleware::Error>,
    ) -> Option<Retryable> {
        match result {
            Ok(response) => for_status(response.status().as_u16()),
            Err(error) => default_on_request_failure(error),
        }
    }
}

/// Transient for a retryable status, fatal for any other 4xx or 5xx, nothing otherwise.
fn for_status(status: u16) -> Option<Retryable> {
    if action::is_retryable(status) {
        Some(Retryable::Transient)
    } else if action::is_client_error(status) || action::is_server_error(status) {
        Some(Retryable::Fatal)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handle(status: u16) -> Option<bool> {
        let response = http::Response::builder()
            .status(status)
            .body(Vec::<u8>::new())
            .expect("a valid status");
        StatusRetryStrategy
            .handle(&Ok(reqwest::Response::from(response)))
            .map(|r| r == Retryable::Transient)
    }

    #[test]
    fn responses_are_classified_by_the_status_rule() {
        for status in 100..=999u16 {
            let expected = match status {
                408 | 429 | 500 | 502 | 503 | 504 => Some(true),
                400..=599 => Some(false),
                _ => None,
            };
            assert_eq!(handle(status), expected, "{status}");
        }
    }

    #[derive(Debug)]
    struct Broken;

    impl std::fmt::Display for Broken {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a middleware failed")
        }
    }

    impl std::error::Error for Broken {}

    #[test]
    fn request_failures_are_left_to_reqwest_retry() {
        let error = reqwest_middleware::Error::middleware(Broken);
        let ours = StatusRetryStrategy.handle(&Err(error));
        let error = reqwest_middleware::Error::middleware(Broken);
        assert!(ours == default_on_request_failure(&error));
        assert!(ours == Some(Retryable::Fatal));
    }
}
