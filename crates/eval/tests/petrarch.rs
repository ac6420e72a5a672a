//! The PETRARCH unit-test harness: dictionary readers, the actor chunker, the verb
//! dictionary conversion and the scorer on hand-written snippets, then (when
//! `../shared` is beside the repository) the records parsed and the whole suite run
//! with a floor well below the figure in BENCHMARKS.md. No third-party sentence is
//! copied here: the records are read at test time.

use std::path::PathBuf;

use chrono::NaiveDate;
use warta_eval::petrarch::dictionary::{self, Restriction};
use warta_eval::petrarch::records::{self, Coding, Triple};
use warta_eval::petrarch::score::{self, Tally};
use warta_eval::petrarch::{self, Lexicon, mentions, verbs};
use warta_model::{Event, EventActor, Mention, Modality};

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

const ACTORS: &str = "\
<!-- a comment
over two lines -->
ARNOR_  [ARN]
GONDOR [GON] # trailing comment
+MINAS_TIRITH
HOBBITON
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
#\t[XXX]
\t[HOBREB > 990816]
THE_SHIRE [FRO/BIL/SAM]
KINGDOM OF DALE
\t[--- <950630]
\t[DAL]
WHITE_TOWER [GONGOV]
NOWHERE [---]
";

const AGENTS: &str = "\
!PERSON! = MAN, MEN, WOMAN
SOLDIER [~MIL]
GOVERNMENT [~GOV]
POLICE {} [ ~COP]
GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]
CONGRESS!PERSON! [~LEG]
AID_GROUP [NGO~]
FOREIGN_MINISTER [~GOVFRM]
LAWMAKER [~LEG]
OFFICIAL [~GOV]
ISLAMIST [~MUS]
MEDIA {} [~MED]
";

#[test]
fn actor_dictionary_reads_names_synonyms_dates_and_compounds() {
    let a = dictionary::parse_actors(ACTORS).expect("parses");
    let find = |name: &str| {
        let words = dictionary::name_words(name);
        a.phrases
            .longest(&words)
            .map(|(_, e)| &a.entries[e])
            .expect("name known")
    };
    assert_eq!(find("Arnor").code_on(day(2000, 1, 1)), Some("ARN"));
    assert_eq!(find("minas tirith").code_on(None), Some("GON"));
    let hob = find("HOBBITON");
    assert_eq!(hob.codes.len(), 3, "the commented code line is skipped");
    assert_eq!(hob.code_on(day(1995, 5, 31)), Some("HOB"));
    assert_eq!(hob.code_on(day(1995, 6, 1)), Some("HOBGOV"));
    assert_eq!(hob.code_on(day(1999, 8, 15)), Some("HOBGOV"));
    assert_eq!(hob.code_on(day(2001, 1, 1)), Some("HOBREB"));
    assert!(matches!(hob.codes[0].when, Restriction::Before(_)));
    assert_eq!(find("the shire").code_on(None), Some("FRO/BIL/SAM"));
    let dale = find("kingdom of dale");
    assert_eq!(
        dale.code_on(day(1995, 1, 1)),
        Some(""),
        "codes as nothing before"
    );
    assert_eq!(dale.code_on(day(1996, 1, 1)), Some("DAL"));
    assert_eq!(find("nowhere").code_on(None), None);
}

#[test]
fn agent_dictionary_reads_plurals_sets_and_placement() {
    let g = dictionary::parse_agents(AGENTS).expect("parses");
    let code = |name: &str| {
        let words = dictionary::name_words(name);
        g.phrases
            .longest(&words)
            .map(|(n, e)| (n, g.entries[e].code.clone(), g.entries[e].place))
    };
    assert_eq!(code("soldiers").map(|c| c.1), Some("MIL".into()));
    assert_eq!(code("police").map(|c| c.1), Some("COP".into()));
    assert!(code("polices").is_none(), "`{{}}`: no plural");
    assert_eq!(code("golden geese").map(|c| c.0), Some(2));
    assert!(
        code("golden gooses").is_none(),
        "listed plurals replace the regular one"
    );
    assert_eq!(code("congresswoman").map(|c| c.1), Some("LEG".into()));
    assert_eq!(code("congressmen").map(|c| c.1), Some("LEG".into()));
    assert_eq!(
        code("aid group").map(|c| c.2),
        Some(dictionary::AgentPlace::Prefix)
    );
    assert_eq!(dictionary::plural("authority"), "authorities");
    assert_eq!(dictionary::plural("press"), "presses");
    assert!(
        dictionary::parse_agents("ORPHAN [GOV]").is_err(),
        "code without `~`"
    );
}

#[test]
fn discards_match_whole_phrases() {
    let d = dictionary::parse_discards("MONTHS LATER\n+World Golf Championships # x\n");
    let words =
        |t: &str| -> Vec<String> { mentions::words(t).into_iter().map(|w| w.norm).collect() };
    assert!(d.hits(&words("It ended months later.")).is_some());
    assert!(
        d.hits(&words("He won the World Golf Championships."))
            .is_some()
    );
    assert!(d.hits(&words("Golf is later.")).is_none());
}

#[test]
fn words_split_possessives_and_keep_abbreviations() {
    let w: Vec<String> = mentions::words("Gondor's U.S. allies didn't go (now).")
        .into_iter()
        .map(|w| w.text)
        .collect();
    assert_eq!(
        w,
        [
            "Gondor", "'s", "U.S.", "allies", "did", "n't", "go", "(", "now", ")", "."
        ]
    );
}

fn codes_of(text: &str, date: Option<NaiveDate>) -> Vec<(String, String)> {
    let a = dictionary::parse_actors(ACTORS).expect("actors");
    let g = dictionary::parse_agents(AGENTS).expect("agents");
    mentions::entities(text, &a, &g, date)
        .into_iter()
        .map(|e| {
            assert_eq!(e.role.as_deref(), Some("actor"));
            assert_eq!(
                text.chars()
                    .skip(e.start)
                    .take(e.end - e.start)
                    .collect::<String>(),
                e.text,
                "char offsets point at the mention"
            );
            (e.text, e.kb_id.unwrap_or_default())
        })
        .collect()
}

#[test]
fn mentions_combine_actors_and_agents_per_noun_phrase() {
    let c = codes_of("Arnor soldiers attacked the government of Gondor.", None);
    assert_eq!(
        c,
        [
            ("Arnor soldiers".to_string(), "ARNMIL".to_string()),
            ("government of Gondor".into(), "GONGOV".into())
        ]
    );
    let c = codes_of("Gondor's awful and evil foreign minister spoke.", None);
    assert_eq!(c[0].1, "GONGOVFRM");
    let c = codes_of("An aid group Arnor official left.", None);
    assert_eq!(c[0].1, "NGOARNGOV");
    let c = codes_of("Lawmakers and officials in Arnor and Gondor met.", None);
    assert_eq!(c[0].1, "ARNLEG/GONLEG/ARNGOV/GONGOV");
    let c = codes_of("Arnor Islamist media and government spoke.", None);
    assert_eq!(c[0].1, "ARNMUSMED/ARNMUSGOV");
    let c = codes_of("White Tower officials and former Arnor soldiers met.", None);
    assert_eq!(
        c[0].1, "GONGOV",
        "an agent already in the code is not repeated"
    );
    assert_eq!(c[1].1, "ARNELI", "former: the agent becomes ELI");
    let c = codes_of(
        "Officials said Hobbiton and the Shire agreed.",
        day(1996, 1, 1),
    );
    assert_eq!(
        c.iter().map(|(_, k)| k.as_str()).collect::<Vec<_>>(),
        ["---GOV", "HOBGOV", "FRO/BIL/SAM"],
        "plain coordinations stay separate; dated codes on the record date"
    );
    assert!(codes_of("Kingdom of Dale wept.", day(1995, 1, 1)).is_empty());
}

const VERBS: &str = "\
<!-- test -->
&TIES
+MILITARY
+ECONOMIC

--- RESTORE [064] ---
RESTORE
+REESTABLISH {REESTABLISHED}
- * &TIES_TIES [902]
- * DIPLOMATIC TIES [901] # words may intervene
- NOT * [112]
- % * TALKS [031:031]
- + WAS_ * FROM $ [066]
- * JUNK [+++]

--- MEET [031:032] ---
MEET {MET}

--- CLOSE [---] ---
CLOSE
- * BORDER [192]
";

#[test]
fn verb_dictionary_parses_and_converts() {
    let d = verbs::parse(VERBS).expect("parses");
    assert_eq!(d.blocks.len(), 3);
    assert_eq!(d.synsets.get("&TIES").map(Vec::len), Some(2));
    assert_eq!(d.blocks[0].verbs.len(), 2);
    assert_eq!(d.blocks[0].patterns.len(), 6);
    assert!(verbs::verb_forms("restore").contains(&"restored".to_string()));
    assert!(verbs::verb_forms("stop").contains(&"stopped".to_string()));
    assert!(verbs::verb_forms("deny").contains(&"denies".to_string()));
    assert!(!verbs::verb_forms("depart").contains(&"departes".to_string()));
    let (triggers, stats) = verbs::convert(&d);
    assert_eq!(stats.skipped, 1, "[+++] is not a code");
    assert_eq!(stats.reverse_dropped, 1, "MEET [031:032]");
    let restore = triggers
        .iter()
        .find(|t| t.cameo == "064" && t.matches.iter().any(|m| m == &["restore"]))
        .expect("bare verb trigger");
    assert!(
        restore
            .refine
            .iter()
            .any(|(w, c)| w == &["economic", "ties"] && c == "902"),
        "synset expanded in a refinement"
    );
    let not = triggers.iter().find(|t| t.cameo == "112").expect("NOT *");
    assert!(not.matches.iter().any(|m| m == &["not", "restored"]));
    let talks = triggers.iter().find(|t| t.cameo == "031" && t.symmetric);
    assert!(talks.is_some(), "% → symmetric");
    let from = triggers.iter().find(|t| t.cameo == "066").expect("+ * $");
    assert!(from.inverse);
    let ties = triggers
        .iter()
        .find(|t| t.cameo == "901")
        .expect("spaced phrase");
    assert_eq!(ties.gap, verbs::GAP);
    let close = triggers
        .iter()
        .find(|t| t.cameo == "192")
        .expect("[---] verb");
    assert!(close.matches.iter().any(|m| m == &["closed", "border"]));
    assert!(
        !triggers
            .iter()
            .any(|t| t.matches.iter().any(|m| m == &["close"])),
        "a [---] verb codes nothing alone"
    );
}

#[test]
fn converted_triggers_load_as_a_lexicon() {
    // Real CAMEO codes only, so warta's ontology knows them.
    let d = verbs::parse(
        "--- RESTORE [064] ---\nRESTORE\n- * TIES [0311]\n- SAID * [042]\n--- MEET [040:040] ---\nMEET {MET}\n",
    )
    .expect("parses");
    let (triggers, _) = verbs::convert(&d);
    let toml = verbs::to_toml(&triggers);
    let data = warta_langdata::DataDir::locate(None);
    let onto = warta_events::Ontology::load(&data).expect("ontology");
    let lex = warta_events::Lexicon::parse("en", "converted", &toml, &onto)
        .expect("the converted entries are valid lexicon entries");
    assert_eq!(lex.trigger_count(), 3);
}

#[test]
fn toml_tables_are_removed_by_name() {
    let text = "a = 1\n[roles]\nx = [\n  [1, 2],\n]\n[[trigger]]\ncameo = \"1\"\n[[trigger.refine]]\nafter = \"x\"\n[[trigger]]\ncameo = \"2\"\n[voice]\ny = 2\n";
    let out =
        petrarch::dictmode::remove_tables(text, |n| n == "trigger" || n.starts_with("trigger."));
    assert_eq!(out, "a = 1\n[roles]\nx = [\n  [1, 2],\n]\n[voice]\ny = 2\n");
}

const XML: &str = r#"<Validation><Sentences>
<Sentence date = "19950101" id="T-01" category="DEMO" sentence="true">
<!-- comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"NEW ACTOR"' targetcode="---" eventcode="023"></EventCoding>
<Text>
Arnor will abandon full &amp;TIES
ties with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="T-02" category="AGENTS" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950103" id="T-03" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Sports.</Text>
</Sentence>
</Sentences></Validation>"#;

#[test]
fn records_parse_attributes_entities_and_markers() {
    let rs = records::parse(XML).expect("parses");
    assert_eq!(rs.len(), 3);
    assert_eq!(
        rs[0].text,
        "Arnor will abandon full &TIES ties with Gondor."
    );
    assert_eq!(rs[0].date, day(1995, 1, 1));
    assert_eq!(rs[0].gold()[1], Triple::new("\"NEW ACTOR\"", "---", "023"));
    assert_eq!(rs[1].category, "AGENT");
    assert_eq!(rs[1].codings, [Coding::NoEvents]);
    assert_eq!(rs[2].error(), Some("storydiscard"));
    let c = records::counts(&rs);
    assert_eq!((c.codings, c.triples, c.no_events, c.errors), (4, 2, 1, 1));
    assert!(records::parse("<Sentence><EventCoding").is_err());
}

fn actor(text: &str, kb: Option<&str>) -> EventActor {
    EventActor {
        text: text.into(),
        start: 0,
        end: text.chars().count(),
        canonical: None,
        kb_id: kb.map(str::to_string),
        country: None,
        sector: None,
    }
}

fn event(
    code: &str,
    actors: Vec<EventActor>,
    recipients: Vec<EventActor>,
    reciprocal: bool,
) -> Event {
    Event {
        event_type: "CONSULT".into(),
        mode: None,
        context: Vec::new(),
        cameo: code.into(),
        goldstein: 0.0,
        quad_class: 1,
        actors,
        recipients,
        reciprocal,
        date: None,
        location: None,
        modality: Modality::Asserted,
        trigger: Mention {
            text: "met".into(),
            start: 0,
            end: 3,
        },
        start: 0,
        end: 10,
        confidence: 0.9,
        same_as: None,
    }
}

#[test]
fn events_become_petrarch_triples() {
    let t = |s: &str, g: &str, c: &str| Triple::new(s, g, c);
    let e = event(
        "064",
        vec![actor("the Shire", Some("FRO/BIL"))],
        vec![actor("Gondor", Some("GON"))],
        false,
    );
    assert_eq!(
        score::triples(&[e]),
        [t("FRO", "GON", "064"), t("BIL", "GON", "064")]
    );
    let e = event(
        "031",
        vec![actor("A", Some("ARN")), actor("G", Some("GON"))],
        vec![],
        true,
    );
    assert_eq!(
        score::triples(&[e]),
        [t("ARN", "GON", "031"), t("GON", "ARN", "031")]
    );
    let e = event(
        "031",
        vec![actor("A", Some("ARN"))],
        vec![actor("G", Some("GON"))],
        true,
    );
    assert_eq!(
        score::triples(&[e]),
        [t("ARN", "GON", "031"), t("GON", "ARN", "031")]
    );
    let e = event("023", vec![actor("injury toll", None)], vec![], false);
    assert_eq!(
        score::triples(&[e.clone(), e]),
        [t("\"INJURY TOLL\"", "---", "023")]
    );
}

#[test]
fn matching_counts_exact_root_dyad_and_extras() {
    let t = |s: &str, g: &str, c: &str| Triple::new(s, g, c);
    let gold = [
        t("ARN", "GON", "064"),
        t("GON", "ARN", "064"),
        t("ARN", "CAL", "112"),
    ];
    let produced = [
        t("ARN", "GON", "064"),
        t("GON", "ARN", "0641"),
        t("ARN", "CAL", "042"),
        t("X", "Y", "010"),
    ];
    let m = score::match_triples(&gold, &produced);
    assert_eq!((m.exact, m.root, m.dyad, m.extra), (1, 2, 3, 3));
    let mut tally = Tally::default();
    tally.add(gold.len(), produced.len(), m);
    tally.add(0, 0, score::match_triples(&[], &[]));
    assert_eq!(tally.passed, 1, "an empty record with no gold passes");
    assert!((tally.recall() - 1.0 / 3.0).abs() < 1e-9);
    assert!((tally.extra_per_record() - 1.5).abs() < 1e-9);
    assert_eq!(score::root("1717"), "17");
}

fn suite_path() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/events/PETR.UnitTest.records.xml");
    p.exists().then_some(p)
}

#[test]
fn unit_test_records_are_counted() {
    let Some(path) = suite_path() else {
        eprintln!("skipped: ../shared/data/events not found beside the repository");
        return;
    };
    let suite = petrarch::load(&path).expect("records and dictionaries load");
    let c = records::counts(&suite.records);
    assert_eq!(c.records, 284);
    assert_eq!(
        c.codings, 385,
        "the 385 gold events of the file's description"
    );
    assert_eq!((c.triples, c.no_events, c.errors), (359, 19, 7));
    assert!(suite.actors.entries.len() > 100);
    assert!(suite.agents.entries.len() > 80);
    let cats: std::collections::BTreeSet<&str> =
        suite.records.iter().map(|r| r.category.as_str()).collect();
    assert_eq!(
        cats.into_iter().collect::<Vec<_>>(),
        [
            "ACTOR", "AGENT", "COMPOUND", "DATE", "DEMO", "ERROR", "MODIFY", "PARSING", "PATTERN",
            "SYNSET", "VERB"
        ]
    );
    let dict = verbs::load(&suite.verb_file).expect("verb dictionary");
    assert!(dict.blocks.len() > 200);
}

#[test]
fn suite_runs_end_to_end_above_a_floor() {
    let Some(path) = suite_path() else {
        eprintln!("skipped: ../shared/data/events not found beside the repository");
        return;
    };
    let suite = petrarch::load(&path).expect("loads");
    let data = warta_langdata::DataDir::locate(None);
    let events = warta_events::Events::load(&data).expect("coder loads");
    let own = petrarch::run(&suite, &events, Lexicon::Own, None);
    assert_eq!(own.tallies.total.gold, 359);
    assert_eq!(
        own.tallies.total.records, 282,
        "two parse-tree records not scored"
    );
    let dict = verbs::load(&suite.verb_file).expect("verbs");
    let coder = petrarch::dictmode::build(&data, &dict).expect("dictionary-mode coder");
    let report = petrarch::run(
        &suite,
        &coder.events,
        Lexicon::Dictionary,
        Some(coder.stats.clone()),
    );
    let t = report.tallies.total;
    eprintln!(
        "own: exact {:.3} dyad {:.3} extra/rec {:.2}; dictionary: exact {:.3} root {:.3} extra/rec {:.2}",
        own.tallies.total.recall(),
        own.tallies.total.recall_dyad(),
        own.tallies.total.extra_per_record(),
        t.recall(),
        t.recall_root(),
        t.extra_per_record()
    );
    assert!(
        t.recall() >= 0.5,
        "dictionary-mode recall fell to {:.3}",
        t.recall()
    );
    assert!(
        t.extra_per_record() <= 1.5,
        "extra events per record rose to {:.2}",
        t.extra_per_record()
    );
}
