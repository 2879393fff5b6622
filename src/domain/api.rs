//! What an API key may do (issue 13): its scopes. A key holds a set of them; each
//! endpoint names the one it needs.

/// One scope, as stored (space-separated in `api_keys.scopes`) and as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Scope {
    /// Send requests in, unverified: the subject gets the verification email.
    RequestsCreate,
    /// Send requests in with the identity already verified by the caller (e.g. "logged in
    /// to My Page"), with the method recorded and the true time of receipt.
    RequestsCreateVerified,
    RequestsRead,
    /// The handler actions.
    RequestsAct,
    WebhooksManage,
    /// The Art. 21(3) suppression list.
    SuppressionRead,
    /// Systems that hold the data report their tasks done.
    TasksReport,
}

impl Scope {
    pub const ALL: &'static [Scope] = &[
        Scope::RequestsCreate,
        Scope::RequestsCreateVerified,
        Scope::RequestsRead,
        Scope::RequestsAct,
        Scope::WebhooksManage,
        Scope::SuppressionRead,
        Scope::TasksReport,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::RequestsCreate => "requests:create",
            Scope::RequestsCreateVerified => "requests:create_verified",
            Scope::RequestsRead => "requests:read",
            Scope::RequestsAct => "requests:act",
            Scope::WebhooksManage => "webhooks:manage",
            Scope::SuppressionRead => "suppression:read",
            Scope::TasksReport => "tasks:report",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.iter().copied().find(|x| x.as_str() == s)
    }

    /// The words of the scope on the admin page (a message id).
    pub fn label_id(self) -> &'static str {
        match self {
            Scope::RequestsCreate => "api-scope-requests-create",
            Scope::RequestsCreateVerified => "api-scope-requests-create-verified",
            Scope::RequestsRead => "api-scope-requests-read",
            Scope::RequestsAct => "api-scope-requests-act",
            Scope::WebhooksManage => "api-scope-webhooks-manage",
            Scope::SuppressionRead => "api-scope-suppression-read",
            Scope::TasksReport => "api-scope-tasks-report",
        }
    }
}

/// A stored scope list, unknown names skipped.
pub fn parse_scopes(stored: &str) -> Vec<Scope> {
    stored.split_whitespace().filter_map(Scope::parse).collect()
}

/// Scopes as stored: in the order of `Scope::ALL`, each once.
pub fn store_scopes(scopes: &[Scope]) -> String {
    Scope::ALL
        .iter()
        .filter(|s| scopes.contains(s))
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_round_trip_in_a_fixed_order() {
        let stored = store_scopes(&[
            Scope::RequestsRead,
            Scope::RequestsCreate,
            Scope::RequestsRead,
        ]);
        assert_eq!(stored, "requests:create requests:read");
        assert_eq!(
            parse_scopes(&stored),
            [Scope::RequestsCreate, Scope::RequestsRead]
        );
        assert_eq!(parse_scopes("nonsense requests:act"), [Scope::RequestsAct]);
        for s in Scope::ALL {
            assert_eq!(Scope::parse(s.as_str()), Some(*s));
        }
    }
}
