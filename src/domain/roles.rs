//! Who may do what on the dashboard (DESIGN §9).

use super::status::text_enum;

text_enum!(
    /// A handler account's role, stored as text (CHECK in the `users` table).
    Role "role" {
        Admin => "admin", "Admin";
        Handler => "handler", "Handler";
        Auditor => "auditor", "Auditor";
    }
);

impl Role {
    /// Handlers and admins work cases; auditors only read.
    pub fn works_cases(self) -> bool {
        matches!(self, Self::Admin | Self::Handler)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_only_auditors_cannot_work_cases() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.as_str()), Some(*r));
        }
        assert_eq!(Role::parse("root"), None);
        assert!(Role::Admin.works_cases() && Role::Handler.works_cases());
        assert!(!Role::Auditor.works_cases());
    }
}
