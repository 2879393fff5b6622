//! Sealing outbox bodies that carry a link token (DESIGN §8, §9): a copy of the database
//! or a backup must not yield working links. AES-256-GCM with a key derived from the
//! app's secret key by HKDF-SHA256 (own `info`, so this key is used for nothing else), a
//! random 96-bit nonce per message, and the outbox id as associated data, so a sealed
//! body cannot be moved to another row (another recipient).

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hkdf::Hkdf;
use rand::RngCore;
use sha2::Sha256;

/// HKDF `info`: names what the derived key is for. Change the version to rotate.
const INFO: &[u8] = b"dsr-tracker outbox body v1";
/// Stored form: `v1:` + base64(nonce || ciphertext with tag).
const PREFIX: &str = "v1:";
const NONCE_LEN: usize = 12;

#[derive(Clone)]
pub struct Sealer {
    cipher: Aes256Gcm,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(..)")
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SealError {
    /// Tampered, truncated, sealed for another row, or sealed under another secret key.
    #[error("the sealed body cannot be opened (damaged, or the secret key changed)")]
    Refused,
}

impl Sealer {
    /// Derive the sealing key from the app's secret key (`Settings.secret_key`).
    pub fn new(secret_key: &[u8]) -> Self {
        let hk = Hkdf::<Sha256>::new(None, secret_key);
        let mut key = [0u8; 32];
        // 32 bytes is far below HKDF-SHA256's limit (255 × 32), so this cannot fail.
        hk.expand(INFO, &mut key)
            .expect("HKDF-SHA256 can expand 32 bytes");
        let cipher = Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&key));
        Self { cipher }
    }

    /// Encrypt `plain`, bound to `aad` (the outbox id).
    pub fn seal(&self, plain: &[u8], aad: &str) -> String {
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill_bytes(&mut nonce);
        let sealed = self
            .cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: plain,
                    aad: aad.as_bytes(),
                },
            )
            // Only fails for inputs longer than GCM allows (64 GiB).
            .expect("AES-GCM seals a message of any sane size");
        let mut out = nonce.to_vec();
        out.extend_from_slice(&sealed);
        format!("{PREFIX}{}", STANDARD.encode(out))
    }

    /// Decrypt what `seal` produced for the same `aad`.
    pub fn open(&self, sealed: &str, aad: &str) -> Result<Vec<u8>, SealError> {
        let raw = sealed
            .strip_prefix(PREFIX)
            .and_then(|b| STANDARD.decode(b).ok())
            .ok_or(SealError::Refused)?;
        if raw.len() < NONCE_LEN {
            return Err(SealError::Refused);
        }
        let (nonce, body) = raw.split_at(NONCE_LEN);
        self.cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: body,
                    aad: aad.as_bytes(),
                },
            )
            .map_err(|_| SealError::Refused)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> Vec<u8> {
        vec![b; 64]
    }

    #[test]
    fn sealing_round_trips_and_hides_the_plain_text() {
        let s = Sealer::new(&key(7));
        let sealed = s.seal(b"http://x/verify/SECRET", "row-1");
        assert!(!sealed.contains("SECRET"));
        assert_eq!(
            s.open(&sealed, "row-1").expect("opens"),
            b"http://x/verify/SECRET"
        );
        // A fresh nonce each time: the same body seals differently.
        assert_ne!(sealed, s.seal(b"http://x/verify/SECRET", "row-1"));
    }

    #[test]
    fn tampered_moved_or_foreign_ciphertext_is_refused() {
        let s = Sealer::new(&key(7));
        let sealed = s.seal(b"body", "row-1");
        let mut raw = STANDARD.decode(&sealed[PREFIX.len()..]).expect("b64");
        let last = raw.len() - 1;
        raw[last] ^= 1;
        let tampered = format!("{PREFIX}{}", STANDARD.encode(&raw));
        assert_eq!(s.open(&tampered, "row-1"), Err(SealError::Refused));
        assert_eq!(
            s.open(&sealed, "row-2"),
            Err(SealError::Refused),
            "other row"
        );
        assert_eq!(
            Sealer::new(&key(8)).open(&sealed, "row-1"),
            Err(SealError::Refused),
            "other secret key"
        );
        for junk in ["", "v1:", "v1:AAAA", "v2:abc", "plain text"] {
            assert_eq!(s.open(junk, "row-1"), Err(SealError::Refused), "{junk:?}");
        }
    }
}
