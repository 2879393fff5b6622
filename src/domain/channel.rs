//! How a request reached the organisation (DESIGN §2): the portal, the API, or a handler
//! entering one that came by phone, letter, email or in person.

use super::status::text_enum;

text_enum!(
    /// Stored as text (CHECK in the `requests` table).
    Channel "channel" {
        Portal => "portal", "Portal";
        Api => "api", "API";
        Phone => "phone", "Phone";
        Letter => "letter", "Letter";
        Email => "email", "Email";
        InPerson => "in_person", "In person";
    }
);
