//! The languages the portal, the dashboard and the emails speak (DESIGN §12, issue 8).

use std::fmt;

/// A language the tool is translated into. The message files live in `locales/<code>/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Norwegian Bokmål.
    Nb,
    /// Swedish.
    Sv,
    /// English.
    En,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::Nb, Lang::Sv, Lang::En];

    /// The BCP 47 code, as in `<html lang>` and the `locales/` folder names.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The language's own name for itself, as the language switch shows it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::Nb => "Norsk bokmål",
            Lang::Sv => "Svenska",
            Lang::En => "English",
        }
    }

    /// A code as stored or sent by a browser: `nb`, `sv`, `en`, also with a region
    /// (`sv-SE`, `en-GB`). Plain `no` and Nynorsk (`nn`) readers get Bokmål, the written
    /// standard they all read.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" | "nn" => Some(Lang::Nb),
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_regions_are_ignored() {
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(*l));
        }
        assert_eq!(Lang::parse("sv-SE"), Some(Lang::Sv));
        assert_eq!(Lang::parse("en_GB"), Some(Lang::En));
        assert_eq!(Lang::parse("no"), Some(Lang::Nb));
        assert_eq!(Lang::parse("nn-NO"), Some(Lang::Nb));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
