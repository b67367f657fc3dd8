//! An axum router served on 127.0.0.1, port 0, for the suites that talk to a live server:
//! started, addressed and stopped the same way everywhere.

use std::time::Duration;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running server; `stop` shuts it down and checks that it ran cleanly.
pub struct Loopback {
    base: String,
    shutdown: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Loopback {
    /// Serves `router` on a free loopback port.
    pub async fn serve(router: Router) -> Loopback {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("its address"));
        let (shutdown, signal) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async {
                    let _ = signal.await;
                })
                .await
        });
        Loopback {
            base,
            shutdown,
            task,
        }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Shuts the server down; panics if it does not stop in time or ended with an error.
    pub async fn stop(self) {
        let _ = self.shutdown.send(());
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("the server stops in time")
            .expect("the server task ends cleanly")
            .expect("the server ran without an I/O error");
    }
}

/// A client for loopback: no proxy from the environment, and a timeout so no test hangs.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()
        .expect("a client")
}
