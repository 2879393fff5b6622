//! Webhooks to the systems that hold the data (issue 13): the dispatcher that sends the
//! deliveries `workflow::webhooks::emit` queued. Subscriptions, payloads and tasks live in
//! `workflow::webhooks`; which URLs may be called and the signature in
//! `domain::webhooks`.

pub mod dispatcher;

/// Make ring the process's TLS provider for outgoing HTTPS (the webhook client). Safe to
/// call more than once; the first call wins.
pub fn install_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}
