//! Secret tokens for links sent by email (DESIGN §3, §9): 256 random bits, URL-safe,
//! stored only as a SHA-256 hash so a database leak does not leak working links.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// What a token lets its holder do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Confirms the subject's email address for one request; single use.
    Verify,
    /// Opens the subject's own requests (status page, "track my requests"); expires.
    Access,
    /// Creates the first admin account; single use.
    Setup,
    /// Lets a staff member set their own password (an invitation or a reset); single
    /// use; `email` is the account's address.
    Password,
}

impl Purpose {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Verify => "verify",
            Self::Access => "access",
            Self::Setup => "setup",
            Self::Password => "password",
        }
    }
}

/// A freshly generated token: the secret goes into the link, the hash into the database.
pub struct NewToken {
    pub secret: String,
    pub hash: String,
}

pub fn generate() -> NewToken {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let secret = URL_SAFE_NO_PAD.encode(bytes);
    let hash = hash(&secret);
    NewToken { secret, hash }
}

/// The stored form of a secret. Anything that is not a well-formed token hashes to a
/// value no stored token has, so lookups simply find nothing (answered with 404).
pub fn hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// Cheap shape check before touching the database.
pub fn looks_valid(secret: &str) -> bool {
    secret.len() == 43
        && secret
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_256_bit_url_safe_and_distinct() {
        let a = generate();
        let b = generate();
        assert_ne!(a.secret, b.secret);
        assert!(looks_valid(&a.secret));
        assert_eq!(URL_SAFE_NO_PAD.decode(&a.secret).map(|v| v.len()), Ok(32));
        assert_eq!(a.hash, hash(&a.secret));
        assert_ne!(a.hash, a.secret);
    }

    #[test]
    fn malformed_secrets_are_rejected_early() {
        assert!(!looks_valid(""));
        assert!(!looks_valid("../../etc/passwd"));
        assert!(!looks_valid(&"a".repeat(44)));
    }
}
