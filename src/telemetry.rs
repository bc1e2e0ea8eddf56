//! Logging with `tracing`: `RUST_LOG` filters, `ACCORD_LOG_FORMAT=json` for JSON lines.

use tracing_subscriber::EnvFilter;

pub fn init(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        // A log line that cannot be written (a full disk) is dropped: never a panic that would
        // cost a request its answer.
        .log_internal_errors(false);
    let result = if json {
        builder.json().flatten_event(true).try_init()
    } else {
        builder.try_init()
    };
    // Already initialised (tests start many servers in one process): keep the first.
    drop(result);
}
