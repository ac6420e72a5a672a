//! Loading and validation on small inline knowledge bases (the real data is tested in
//! `tests/`).

use crate::{ActorKind, Kb, KbError, MatchKind};
use chrono::NaiveDate;

const VOCAB: &str = r#"
[titles]
connectors = ["of the", "of"]
former = ["mantan", "former"]

[[sector]]
code = "GOV"
[[sector]]
code = "MIL"
[[sector]]
code = "IGO"

[[role]]
key = "foreign_minister"
sector = "GOV"
titles = ["Menteri Luar Negeri", "Menlu", "Foreign Minister", { text = "Secretary of State", country = "USA" }]
in_organisation = "high_representative"

[[role]]
key = "high_representative"
titles = []

[[role]]
key = "ambassador"
titles = ["Duta Besar", "Ambassador"]
shared = true

[[role]]
key = "top_diplomat"
epithets = ["diplomat tertinggi"]
includes = ["foreign_minister"]

[[institution_kind]]
key = "foreign_ministry"
titles = ["Kementerian Luar Negeri", "Foreign Ministry"]
"#;

const ACTORS: &str = r#"
[[country]]
id = "RUS"
name = "Russia"
name_id = "Rusia"
demonyms = ["Russian"]
metonyms = [{ name = "Kremlin" }]

[[country]]
id = "USA"
name = "United States"
aliases = ["AS", "Amerika Serikat"]

[[place]]
id = "RUS:moscow"
name = "Moscow"
aliases = ["Moskow"]
country = "RUS"
capital = true

[[organisation]]
id = "EU"
name = "European Union"
aliases = ["Uni Eropa", "EU"]
sector = "IGO"

[[organisation]]
id = "RUS-MFA"
name = "Ministry of Foreign Affairs of Russia"
country = "RUS"
sector = "GOV"
institution = "foreign_ministry"

[[person]]
id = "sergey-lavrov"
name = "Sergey Lavrov"
aliases = ["Sergei Lavrov"]
country = "RUS"
sector = "GOV"
roles = [{ role = "foreign_minister", country = "RUS", from = "2004-03-09" }]

[[person]]
id = "andrei-kozyrev"
name = "Andrei Kozyrev"
country = "RUS"
sector = "GOV"
roles = [{ role = "foreign_minister", country = "RUS", from = "1990-10", to = "1996-01-09" }]

[[person]]
id = "anatoly-antonov"
name = "Anatoly Antonov"
country = "RUS"
roles = [{ role = "ambassador", country = "RUS", from = "2017-08-21", note = "to the United States" }]

[[person]]
id = "josep-borrell"
name = "Josep Borrell"
sector = "IGO"
roles = [{ role = "high_representative", org = "EU", from = "2019-12-01", to = "2024-12-01" }]
"#;

fn kb() -> Kb {
    Kb::from_sources([("vocab.toml", VOCAB), ("actors.toml", ACTORS)]).expect("test data loads")
}

fn problems(extra: &str) -> Vec<String> {
    match Kb::from_sources([
        ("vocab.toml", VOCAB),
        ("actors.toml", ACTORS),
        ("extra.toml", extra),
    ]) {
        Err(KbError::Invalid(p)) => p.iter().map(ToString::to_string).collect(),
        Err(e) => vec![e.to_string()],
        Ok(_) => Vec::new(),
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn loads_and_indexes() {
    let kb = kb();
    let stats = kb.stats();
    assert_eq!((stats.countries, stats.persons, stats.places), (2, 4, 1));
    assert_eq!(kb.get("RUS").map(|a| a.kind), Some(ActorKind::Country));
    assert_eq!(
        kb.get("RUS").and_then(|a| a.country.as_deref()),
        Some("RUS")
    );
    // The capital became a metonym of its country.
    let rus = kb.get("RUS").expect("RUS");
    assert!(
        rus.metonyms
            .iter()
            .any(|m| m.name == "Moskow" && m.sector == "GOV")
    );
    // Default surname: last word of the name.
    assert_eq!(
        kb.get("sergey-lavrov").map(|a| a.surnames.clone()),
        Some(vec!["Lavrov".into()])
    );
}

#[test]
fn lookup_reports_how_it_matched() {
    let kb = kb();
    let how = |s: &str| -> Vec<(String, MatchKind)> {
        kb.lookup(s)
            .iter()
            .map(|c| (c.actor.id.clone(), c.how))
            .collect()
    };
    assert_eq!(how("Russia"), [("RUS".to_string(), MatchKind::Name)]);
    assert_eq!(how("RUSIA"), [("RUS".to_string(), MatchKind::Alias)]);
    assert_eq!(how("Russian"), [("RUS".to_string(), MatchKind::Demonym)]);
    assert_eq!(how("Kremlin"), [("RUS".to_string(), MatchKind::Metonym)]);
    assert_eq!(
        how("Lavrov"),
        [("sergey-lavrov".to_string(), MatchKind::Surname)]
    );
    assert_eq!(how("AS"), [("USA".to_string(), MatchKind::Alias)]);
    assert!(how("as").is_empty());
    assert!(how("rusia").is_empty(), "capitalised names need a capital");
    let moskow = kb.lookup("Moskow");
    assert_eq!(moskow.len(), 2);
    assert!(
        moskow
            .iter()
            .any(|c| c.how == MatchKind::Metonym && c.sector == Some("GOV"))
    );
}

#[test]
fn roles_resolve_by_date() {
    let kb = kb();
    let fm = |d| {
        kb.role_holders("foreign_minister", "RUS", d)
            .iter()
            .map(|a| a.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(fm(day(1995, 1, 1)), ["andrei-kozyrev"]);
    assert_eq!(
        fm(day(1996, 1, 9)),
        Vec::<String>::new(),
        "`to` is exclusive"
    );
    assert_eq!(fm(day(2024, 1, 1)), ["sergey-lavrov"]);
    // Epithets include the roles they name.
    assert_eq!(
        kb.role_holders("top_diplomat", "RUS", day(2024, 1, 1))
            .len(),
        1
    );
}

#[test]
fn titles_find_their_country_on_either_side() {
    let kb = kb();
    let date = day(2022, 3, 1);
    for phrase in [
        "Menlu Rusia",
        "Menteri Luar Negeri Rusia",
        "Foreign Minister of Russia",
        "Russian Foreign Minister",
        "Russia's foreign minister",
        "Menlu Moskow",
        "diplomat tertinggi Rusia",
        "Menteri Luar Negeri (Menlu) Rusia",
    ] {
        let t = kb
            .parse_role_title(phrase)
            .unwrap_or_else(|| panic!("{phrase}"));
        let who: Vec<&str> = kb
            .title_holders(&t, date)
            .iter()
            .map(|a| a.id.as_str())
            .collect();
        assert_eq!(who, ["sergey-lavrov"], "{phrase}");
        assert_eq!((t.start, t.end), (0, phrase.len()), "{phrase}");
    }
    // A title on an organisation means its organisational role.
    let eu = kb.parse_role_title("Menlu Uni Eropa").expect("title");
    assert_eq!(eu.key, "high_representative");
    assert_eq!(kb.title_holders(&eu, date)[0].id, "josep-borrell");
    // Implied country; former holders; institutions.
    let sec = kb.parse_role_title("Secretary of State").expect("title");
    assert_eq!(sec.of.map(|a| a.id.as_str()), Some("USA"));
    assert!(sec.of_span.is_none());
    let former = kb.parse_role_title("mantan Menlu Rusia").expect("title");
    assert!(former.former);
    assert!(kb.title_holders(&former, date).is_empty());
    let mfa = kb
        .parse_role_title("Kementerian Luar Negeri Rusia")
        .expect("title");
    assert_eq!(kb.title_holders(&mfa, date)[0].id, "RUS-MFA");
    assert!(kb.parse_role_title("Sergei Lavrov").is_none());
    // A shared role (one ambassador per host country) names no one by title.
    let envoy = kb.parse_role_title("Duta Besar Rusia").expect("title");
    assert_eq!(envoy.key, "ambassador");
    assert!(kb.title_holders(&envoy, date).is_empty());
}

#[test]
fn surnames_resolve_when_unambiguous() {
    let kb = kb();
    let lavrov = kb
        .resolve_surname("Lavrov", day(2024, 1, 1))
        .expect("Lavrov");
    assert_eq!(lavrov.id, "sergey-lavrov");
    assert!(kb.is_surname_of(lavrov, "LAVROV"));
    assert!(kb.resolve_surname("Smith", day(2024, 1, 1)).is_none());
}

#[test]
fn validation_names_file_and_entry() {
    let dup = problems("[[country]]\nid = \"RUS\"\nname = \"Again\"\n");
    assert!(
        dup.iter().any(|p| p.contains("extra.toml")
            && p.contains("`RUS`")
            && p.contains("already defined")),
        "{dup:?}"
    );

    let bad = problems(
        r#"
[[person]]
id = "x"
name = "X Y"
country = "ZZZ"
sector = "ABC"
qid = "7747"
roles = [
  { role = "king_of_the_hill", country = "RUS", from = "2020-01-01" },
  { role = "foreign_minister", country = "RUS", from = "2020-13-01" },
  { role = "foreign_minister", country = "RUS", from = "2020-01-01", to = "2019-01-01" },
  { role = "foreign_minister", from = "2020-01-01" },
]
"#,
    );
    for needle in [
        "unknown country `ZZZ`",
        "unknown sector `ABC`",
        "not a Wikidata QID",
        "unknown role `king_of_the_hill`",
        "bad `from` date `2020-13-01`",
        "is not after",
        "exactly one of `country` or `org`",
    ] {
        assert!(
            bad.iter().any(|p| p.contains(needle) && p.contains("`x`")),
            "{needle}: {bad:?}"
        );
    }

    let ext = problems("[[extend]]\nid = \"NOPE\"\naliases = [\"x\"]\n");
    assert!(
        ext.iter().any(|p| p.contains("extends an unknown id")),
        "{ext:?}"
    );

    let shape = problems(
        "[[country]]\nid = \"Atlantis\"\nname = \"Atlantis\"\nroles = []\nsector = \"GOV\"\n",
    );
    assert!(shape.iter().any(|p| p.contains("alpha-3")), "{shape:?}");
    assert!(shape.iter().any(|p| p.contains("no sector")), "{shape:?}");
}

#[test]
fn unknown_keys_are_parse_errors() {
    let err = Kb::from_sources([(
        "typo.toml",
        "[[country]]\nid = \"X\"\nname = \"X\"\nalias = [\"Y\"]\n",
    )]);
    match err {
        Err(KbError::Parse { file, message }) => {
            assert_eq!(file, "typo.toml");
            assert!(message.contains("alias"), "{message}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn coding_follows_the_office_held() {
    let kb = kb();
    let borrell = kb.get("josep-borrell").expect("Borrell");
    let c = kb.coding_on(borrell, day(2022, 1, 1));
    assert_eq!((c.country, c.sector), (None, Some("IGO")));
    let lavrov = kb.get("sergey-lavrov").expect("Lavrov");
    let c = kb.coding_on(lavrov, day(2022, 1, 1));
    assert_eq!((c.country, c.sector), (Some("RUS"), Some("GOV")));
    let mfa = kb.get("RUS-MFA").expect("MFA");
    let c = kb.coding_on(mfa, day(2022, 1, 1));
    assert_eq!((c.country, c.sector), (Some("RUS"), Some("GOV")));
}

#[test]
fn kb_can_be_shared_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Kb>();
}
