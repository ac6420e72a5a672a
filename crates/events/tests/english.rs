//! English event coding through the whole chain a sentence takes in the pipeline:
//! entity stage → quote stage → event coder, on an article with `lang = en`. The
//! sentences are warta's own news-style examples (real actors), one expectation each:
//! the PLOVER type, the CAMEO code where it matters, actor and recipient keys (kb id,
//! else canonical name) and the modality.

mod common;

use chrono::NaiveDate;
use common::{keys, stages};
use warta_model::{Event, Lang, Modality};

/// The events of one English sentence published on 2024-04-09 (a Tuesday), negated
/// ones included.
fn code(text: &str) -> Vec<Event> {
    let date = NaiveDate::from_ymd_opt(2024, 4, 9).expect("date");
    let a = common::article(text, Lang::En, date);
    stages()
        .events
        .code_sentence(text, &a.entities, Lang::En, Some(date))
}

fn sorted(v: &[&str]) -> Vec<String> {
    let mut k: Vec<String> = v.iter().map(|s| s.to_string()).collect();
    k.sort();
    k
}

/// The sentence codes an event of `ty` (and `cameo`, when given) with exactly these
/// actors and recipients, in this modality.
#[track_caller]
fn expect(
    text: &str,
    ty: &str,
    cameo: Option<&str>,
    actors: &[&str],
    recipients: &[&str],
    modality: Modality,
) {
    let found = code(text);
    let hit = found.iter().any(|e| {
        e.event_type == ty
            && cameo.is_none_or(|c| e.cameo == c)
            && keys(&e.actors) == sorted(actors)
            && keys(&e.recipients) == sorted(recipients)
            && e.modality == modality
    });
    let got: Vec<String> = found
        .iter()
        .map(|e| {
            format!(
                "{} {} {:?} -> {:?} [{:?}] ({})",
                e.event_type,
                e.cameo,
                keys(&e.actors),
                keys(&e.recipients),
                e.modality,
                e.trigger.text
            )
        })
        .collect();
    assert!(
        hit,
        "{text}\n  expected {ty} {cameo:?} {actors:?} -> {recipients:?} [{modality:?}]\n  got {got:#?}"
    );
}

/// The sentence codes no event (negated ones aside).
#[track_caller]
fn expect_none(text: &str) {
    let found: Vec<Event> = code(text)
        .into_iter()
        .filter(|e| e.modality != Modality::Negated)
        .collect();
    assert!(found.is_empty(), "{text}\n  got {found:#?}");
}

use Modality::{Asserted, Future, Hypothetical, Negated};

#[test]
fn agreements_and_signings() {
    expect(
        "Russia and China signed a trade agreement in Moscow on Tuesday.",
        "SUPPORT",
        Some("057"),
        &["CHN", "RUS"],
        &[],
        Asserted,
    );
    expect(
        "India and Pakistan agreed to a ceasefire.",
        "AGREE",
        Some("037"),
        &["IND", "PAK"],
        &[],
        Asserted,
    );
    expect(
        "Iran and Saudi Arabia agreed to restore diplomatic relations.",
        "AGREE",
        None,
        &["IRN", "SAU"],
        &[],
        Asserted,
    );
}

#[test]
fn meetings_calls_and_visits() {
    expect(
        "Wang Yi met Sergei Lavrov in Beijing on Monday.",
        "CONSULT",
        Some("040"),
        &["wang-yi"],
        &["sergey-lavrov"],
        Asserted,
    );
    expect(
        "Putin held talks with Xi Jinping in Moscow.",
        "CONSULT",
        Some("040"),
        &["vladimir-putin"],
        &["xi-jinping"],
        Asserted,
    );
    expect(
        "Modi and Biden held a meeting at the White House.",
        "CONSULT",
        Some("040"),
        &["joe-biden", "narendra-modi"],
        &[],
        Asserted,
    );
    expect(
        "Biden spoke by phone with Zelensky on Friday.",
        "CONSULT",
        Some("041"),
        &["joe-biden"],
        &["volodymyr-zelensky"],
        Asserted,
    );
    expect(
        "Macron visited India last week.",
        "CONSULT",
        Some("042"),
        &["emmanuel-macron"],
        &["IND"],
        Asserted,
    );
    expect(
        "Lavrov's visit to Pyongyang drew criticism from Seoul.",
        "CONSULT",
        Some("042"),
        &["sergey-lavrov"],
        &["PRK"],
        Asserted,
    );
}

#[test]
fn future_meetings_are_intents() {
    expect(
        "Blinken will visit Beijing next week.",
        "AGREE",
        Some("036"),
        &["antony-blinken"],
        &["CHN"],
        Future,
    );
    expect(
        "Erdogan will meet Putin in Sochi.",
        "AGREE",
        Some("036"),
        &["recep-tayyip-erdogan"],
        &["vladimir-putin"],
        Future,
    );
}

#[test]
fn sanctions_active_and_passive() {
    expect(
        "The United States imposed new sanctions on Iran.",
        "SANCTION",
        Some("163"),
        &["USA"],
        &["IRN"],
        Asserted,
    );
    expect(
        "Iran was sanctioned by the European Union.",
        "SANCTION",
        Some("163"),
        &["EU"],
        &["IRN"],
        Asserted,
    );
    expect(
        "Japan expelled two Russian diplomats.",
        "SANCTION",
        Some("166"),
        &["JPN"],
        &["RUS"],
        Asserted,
    );
    expect(
        "France recalled its ambassador to Australia.",
        "SANCTION",
        Some("161"),
        &["FRA"],
        &["AUS"],
        Asserted,
    );
    expect(
        "Moscow cut ties with Kyiv.",
        "SANCTION",
        Some("161"),
        &["RUS"],
        &["UKR"],
        Asserted,
    );
    expect(
        "The European Union lifted sanctions on Belarus.",
        "RETREAT",
        Some("085"),
        &["EU"],
        &["BLR"],
        Asserted,
    );
}

#[test]
fn accusations_criticism_and_lawsuits() {
    expect(
        "Russia's invasion of Ukraine was condemned by Germany.",
        "ACCUSE",
        Some("111"),
        &["DEU"],
        &["RUS"],
        Asserted,
    );
    expect(
        "Turkey accused Greece of violating its airspace.",
        "ACCUSE",
        None,
        &["TUR"],
        &["GRC"],
        Asserted,
    );
    expect(
        "Beijing accused Washington of spying.",
        "ACCUSE",
        Some("1125"),
        &["CHN"],
        &["USA"],
        Asserted,
    );
    expect(
        "Germany criticized China over its support for Russia.",
        "ACCUSE",
        Some("111"),
        &["DEU"],
        &["CHN"],
        Asserted,
    );
    expect(
        "Pakistan summoned the Afghan ambassador.",
        "ACCUSE",
        Some("114"),
        &["PAK"],
        &["AFG"],
        Asserted,
    );
    expect(
        "The Netherlands sued Russia at the International Court of Justice.",
        "ACCUSE",
        Some("115"),
        &["NLD"],
        &["RUS"],
        Asserted,
    );
}

#[test]
fn requests_rejections_threats() {
    expect(
        "The United States urged China to release the detained journalists.",
        "REQUEST",
        Some("0253"),
        &["USA"],
        &["CHN"],
        Asserted,
    );
    expect(
        "Japan called on China to release the detained businessman.",
        "REQUEST",
        None,
        &["JPN"],
        &["CHN"],
        Asserted,
    );
    expect(
        "Egypt demanded that Israel withdraw from Rafah.",
        "REQUEST",
        None,
        &["EGY"],
        &["ISR"],
        Asserted,
    );
    expect(
        "Serbia refused to recognize Kosovo.",
        "REJECT",
        None,
        &["SRB"],
        &["XKX"],
        Asserted,
    );
    expect(
        "North Korea threatened to attack South Korea.",
        "THREATEN",
        Some("138"),
        &["PRK"],
        &["KOR"],
        Asserted,
    );
}

#[test]
fn force_coercion_and_aid() {
    expect(
        "Russian forces shelled Kharkiv overnight.",
        "ASSAULT",
        Some("194"),
        &["RUS"],
        &["UKR"],
        Asserted,
    );
    expect(
        "Israel launched airstrikes on Gaza.",
        "ASSAULT",
        Some("195"),
        &["ISR"],
        &["PSE"],
        Asserted,
    );
    expect(
        "Myanmar's military detained Aung San Suu Kyi.",
        "COERCE",
        Some("173"),
        &["MMR"],
        &["aung-san-suu-kyi"],
        Asserted,
    );
    expect(
        "Kenya deployed troops to Haiti.",
        "MOBILIZE",
        Some("154"),
        &["KEN"],
        &["HTI"],
        Asserted,
    );
    expect(
        "Iran released two French citizens.",
        "RETREAT",
        Some("0841"),
        &["IRN"],
        &["FRA"],
        Asserted,
    );
    expect(
        "The United States will provide military aid to Ukraine.",
        "AGREE",
        None,
        &["USA"],
        &["UKR"],
        Future,
    );
    expect(
        "China apologized to Japan.",
        "SUPPORT",
        Some("055"),
        &["CHN"],
        &["JPN"],
        Asserted,
    );
}

#[test]
fn negation_and_hypotheses() {
    expect_none("China did not condemn the invasion.");
    expect(
        "China did not condemn the invasion.",
        "ACCUSE",
        None,
        &["CHN"],
        &[],
        Negated,
    );
    expect(
        "Russia did not invade Finland.",
        "ASSAULT",
        Some("190"),
        &["RUS"],
        &["FIN"],
        Negated,
    );
    expect(
        "If Israel attacks Iran, Tehran will respond.",
        "ASSAULT",
        None,
        &["ISR"],
        &["IRN"],
        Hypothetical,
    );
    // A statement is not an event.
    expect_none("Lavrov said Russia's position was well known.");
}

#[test]
fn english_morphology_reads_inflections_and_irregular_forms() {
    let s = stages();
    let lex = s.events.lexicon(Lang::En).expect("English lexicon");
    for (word, code) in [
        ("met", "040"),
        ("meets", "040"),
        ("criticised", "111"),
        ("denied", "120"),
        ("banned", "172"),
        ("expelled", "166"),
        ("sought", "020"),
        ("fought", "190"),
        ("struck", "190"),
        ("kidnapped", "181"),
        ("negotiating", "046"),
    ] {
        assert!(
            lex.codes_of_word(word).iter().any(|c| c == code),
            "{word}: {:?}",
            lex.codes_of_word(word)
        );
    }
}

#[test]
fn recipients_in_object_phrases_complements_and_places() {
    // The agent of an event noun the verb is about.
    expect(
        "France condemned an attack by Russian forces.",
        "ACCUSE",
        None,
        &["FRA"],
        &["RUS"],
        Asserted,
    );
    // Where the object comes from.
    expect(
        "Syria withdrew its troops from Lebanon.",
        "RETREAT",
        None,
        &["SYR"],
        &["LBN"],
        Asserted,
    );
    // Both sides of a between-phrase in the object.
    expect(
        "Turkey welcomed the talks between Russia and Ukraine.",
        "SUPPORT",
        None,
        &["TUR"],
        &["RUS", "UKR"],
        Asserted,
    );
    // A recipient inside the complement of a promise whose verb is no trigger.
    expect(
        "Japan pledged to continue humanitarian aid to Ukraine.",
        "AGREE",
        None,
        &["JPN"],
        &["UKR"],
        Asserted,
    );
    // With nobody else named, the country where it happens.
    expect(
        "Hundreds of Pakistanis demonstrated in London on Friday.",
        "PROTEST",
        None,
        &["PAK"],
        &["GBR"],
        Asserted,
    );
    // Not the venue of a meeting.
    expect(
        "Lavrov and Wang Yi met in Beijing on Monday.",
        "CONSULT",
        None,
        &["sergey-lavrov", "wang-yi"],
        &[],
        Asserted,
    );
}

#[test]
fn subjects_inside_noun_phrases_and_light_verbs() {
    // "forces in Guinea": the place stands for its country.
    expect(
        "Security forces in Myanmar have tortured hundreds of Rohingya refugees.",
        "ASSAULT",
        None,
        &["MMR"],
        &[],
        Asserted,
    );
    // An adjective between the light verb and its event noun.
    expect(
        "Moroccan diplomats held their first meeting with President Obama.",
        "CONSULT",
        Some("040"),
        &["MAR"],
        &["barack-obama"],
        Asserted,
    );
    // The source of the rejected appeal.
    expect(
        "Hamas rejected an appeal from Egypt to release the hostages.",
        "REJECT",
        Some("124"),
        &["hamas"],
        &["EGY"],
        Asserted,
    );
}

#[test]
fn reported_obligations_are_demands() {
    // "X said Y must …": X demands of Y.
    expect(
        "Germany said on Monday that Russia must withdraw its troops from Ukraine.",
        "REQUEST",
        Some("100"),
        &["DEU"],
        &["RUS"],
        Asserted,
    );
    expect(
        "France said Iran must release the detained journalists.",
        "REQUEST",
        Some("100"),
        &["FRA"],
        &["IRN"],
        Asserted,
    );
}

#[test]
fn compounds_with_articles_and_parentheticals() {
    // "X and the Y" is one compound subject.
    expect(
        "Russia and the United States signed a prisoner exchange agreement.",
        "SUPPORT",
        None,
        &["RUS", "USA"],
        &[],
        Asserted,
    );
    // A prepositional parenthetical between the subject and its verb.
    expect(
        "Sergei Lavrov, in remarks published on Monday, urged Ukraine to return to talks.",
        "REQUEST",
        None,
        &["sergey-lavrov"],
        &["UKR"],
        Asserted,
    );
}

#[test]
fn the_object_of_one_verb_is_not_the_subject_of_the_next() {
    // "killed one U.S. soldier and wounded two others": the soldier wounded nobody.
    let found = code("A roadside bomb killed one U.S. soldier and wounded two others.");
    assert!(
        found
            .iter()
            .all(|e| !keys(&e.actors).contains(&"USA".to_string())),
        "{found:#?}"
    );
    expect(
        "Russian drones killed two Ukrainian soldiers and wounded three others.",
        "ASSAULT",
        None,
        &["RUS"],
        &["UKR"],
        Asserted,
    );
}

#[test]
fn the_receiver_between_verb_and_aid_is_the_recipient() {
    // A `gap_names` entry: the name in the gap is the recipient.
    expect(
        "Japan sent Turkey humanitarian aid after the earthquake.",
        "AID",
        None,
        &["JPN"],
        &["TUR"],
        Asserted,
    );
}
