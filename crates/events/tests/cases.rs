//! The Indonesian event cases: development sets (`tests/cases/id-dev.txt`, format in
//! its header, and `id-dev-2.txt`) and the blind test set `id-test.txt`, scored through the whole chain a sentence takes in
//! the pipeline: entity stage → quote stage → event coder.
//!
//! An event matches a gold event when its PLOVER type, actor set and recipient set
//! agree; precision and recall are reported per type, per focus group (meetings,
//! visits, calls, sanctions, accusations) and overall, with type-only agreement and,
//! on matched events, CAMEO, date and modality agreement.
//!
//! `cargo test --release -p warta-events --test cases -- --nocapture` prints the figures
//! and every mismatch.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use common::{keys, stages};
use warta_model::{Event, Lang};

/// One expected event.
#[derive(Debug, Clone)]
struct Gold {
    event_type: String,
    cameo: String,
    actors: Vec<String>,
    recipients: Vec<String>,
    date: Option<String>,
    modality: String,
}

#[derive(Debug, Default)]
struct Case {
    line: usize,
    date: Option<NaiveDate>,
    text: String,
    gold: Vec<Gold>,
}

fn sorted(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s.split_whitespace().map(str::to_string).collect();
    v.sort();
    v
}

fn parse(text: &str) -> Vec<Case> {
    let mut cases: Vec<Case> = Vec::new();
    let mut date = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(d) = line.strip_prefix("@date ") {
            date = Some(NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").expect("valid @date"));
        } else if let Some(t) = line.strip_prefix("> ") {
            cases.push(Case {
                line: n + 1,
                date,
                text: t.to_string(),
                gold: Vec::new(),
            });
        } else if let Some(g) = line.strip_prefix("= ") {
            let case = cases.last_mut().expect("a gold line follows a sentence");
            if g.trim() == "none" {
                continue;
            }
            let f: Vec<&str> = g.split('|').map(str::trim).collect();
            let head: Vec<&str> = f[0].split_whitespace().collect();
            assert!(
                head.len() == 2 && f.len() >= 3,
                "line {}: bad gold line",
                n + 1
            );
            case.gold.push(Gold {
                event_type: head[0].to_string(),
                cameo: head[1].to_string(),
                actors: sorted(f[1]),
                recipients: sorted(f[2]),
                date: f.get(3).filter(|d| !d.is_empty()).map(|d| d.to_string()),
                modality: f
                    .get(4)
                    .filter(|m| !m.is_empty())
                    .map_or("asserted".to_string(), |m| m.to_string()),
            });
        } else {
            panic!("line {}: unexpected {line:?}", n + 1);
        }
    }
    cases
}

/// Code one case as the pipeline would: an article of one paragraph.
fn code(case: &Case) -> Vec<Event> {
    let date = case
        .date
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(2024, 6, 1).expect("date"));
    stages()
        .events
        .find(&common::article(&case.text, Lang::Id, date))
}

/// The focus group of an event: meetings, visits, calls, sanctions, accusations.
fn group(event_type: &str, cameo: &str) -> Option<&'static str> {
    match (event_type, cameo) {
        ("CONSULT", "042" | "043") => Some("visits"),
        ("CONSULT", "041") => Some("calls"),
        ("CONSULT", _) => Some("meetings"),
        ("SANCTION", _) => Some("sanctions"),
        ("ACCUSE", _) => Some("accusations"),
        _ => None,
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Count {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Count {
    fn p(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn r(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    fn f(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

#[derive(Debug, Default)]
struct Score {
    cases: usize,
    all: Count,
    by_type: BTreeMap<String, Count>,
    by_group: BTreeMap<&'static str, Count>,
    type_only: Count,
    cameo_same: (usize, usize),
    date_same: (usize, usize),
    modality_same: (usize, usize),
    errors: Vec<String>,
}

fn score(cases: &[Case]) -> Score {
    let mut sc = Score {
        cases: cases.len(),
        ..Score::default()
    };
    for case in cases {
        let sys = code(case);
        let mut used = vec![false; sys.len()];
        let mut matched_gold = vec![false; case.gold.len()];
        for (gi, g) in case.gold.iter().enumerate() {
            let hit = sys.iter().enumerate().find(|(si, e)| {
                !used[*si]
                    && e.event_type == g.event_type
                    && keys(&e.actors) == g.actors
                    && keys(&e.recipients) == g.recipients
            });
            if let Some((si, e)) = hit {
                used[si] = true;
                matched_gold[gi] = true;
                sc.all.tp += 1;
                sc.by_type.entry(g.event_type.clone()).or_default().tp += 1;
                if let Some(gr) = group(&g.event_type, &g.cameo) {
                    sc.by_group.entry(gr).or_default().tp += 1;
                }
                if g.cameo != "-" {
                    sc.cameo_same.1 += 1;
                    if e.cameo == g.cameo {
                        sc.cameo_same.0 += 1;
                    } else {
                        sc.errors.push(format!(
                            "line {}: CAMEO {} for gold {}: {}",
                            case.line, e.cameo, g.cameo, case.text
                        ));
                    }
                }
                if let Some(d) = &g.date {
                    sc.date_same.1 += 1;
                    let got = e.date.as_ref().map(|x| x.value.as_str());
                    if got == Some(d.as_str()) {
                        sc.date_same.0 += 1;
                    } else {
                        sc.errors.push(format!(
                            "line {}: date {got:?} for gold {d}: {}",
                            case.line, case.text
                        ));
                    }
                }
                sc.modality_same.1 += 1;
                if e.modality.as_str() == g.modality {
                    sc.modality_same.0 += 1;
                } else {
                    sc.errors.push(format!(
                        "line {}: modality {} for gold {}: {}",
                        case.line,
                        e.modality.as_str(),
                        g.modality,
                        case.text
                    ));
                }
            }
        }
        for (gi, g) in case.gold.iter().enumerate() {
            if !matched_gold[gi] {
                sc.all.fn_ += 1;
                sc.by_type.entry(g.event_type.clone()).or_default().fn_ += 1;
                if let Some(gr) = group(&g.event_type, &g.cameo) {
                    sc.by_group.entry(gr).or_default().fn_ += 1;
                }
                sc.errors.push(format!(
                    "line {}: MISSED {} {} {:?} -> {:?}: {}",
                    case.line, g.event_type, g.cameo, g.actors, g.recipients, case.text
                ));
            }
        }
        for (si, e) in sys.iter().enumerate() {
            if !used[si] {
                sc.all.fp += 1;
                sc.by_type.entry(e.event_type.clone()).or_default().fp += 1;
                if let Some(gr) = group(&e.event_type, &e.cameo) {
                    sc.by_group.entry(gr).or_default().fp += 1;
                }
                sc.errors.push(format!(
                    "line {}: EXTRA {} {} {:?} -> {:?} [{}] ({:?}): {}",
                    case.line,
                    e.event_type,
                    e.cameo,
                    keys(&e.actors),
                    keys(&e.recipients),
                    e.modality.as_str(),
                    e.trigger.text,
                    case.text
                ));
            }
        }
        // Type-only agreement: per sentence, the multiset of types.
        let mut gold_types: BTreeMap<&str, usize> = BTreeMap::new();
        for g in &case.gold {
            *gold_types.entry(g.event_type.as_str()).or_default() += 1;
        }
        let mut sys_types: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &sys {
            *sys_types.entry(e.event_type.as_str()).or_default() += 1;
        }
        for (t, &n) in &gold_types {
            let m = sys_types.get(t).copied().unwrap_or(0);
            sc.type_only.tp += n.min(m);
            sc.type_only.fn_ += n.saturating_sub(m);
        }
        for (t, &m) in &sys_types {
            let n = gold_types.get(t).copied().unwrap_or(0);
            sc.type_only.fp += m.saturating_sub(n);
        }
    }
    sc
}

fn report(name: &str, sc: &Score) {
    let row = |label: &str, c: &Count| {
        println!(
            "  {label:<12} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})",
            c.p(),
            c.r(),
            c.f(),
            c.tp,
            c.fp,
            c.fn_
        );
    };
    println!("== {name}: {} sentences", sc.cases);
    row("overall", &sc.all);
    row("type only", &sc.type_only);
    println!("  by focus group:");
    for (g, c) in &sc.by_group {
        row(g, c);
    }
    println!("  by PLOVER type:");
    for (t, c) in &sc.by_type {
        row(t, c);
    }
    let ratio = |(a, b): (usize, usize)| if b == 0 { 1.0 } else { a as f64 / b as f64 };
    println!(
        "  on matched events: CAMEO {:.3} ({}/{}), date {:.3} ({}/{}), modality {:.3} ({}/{})",
        ratio(sc.cameo_same),
        sc.cameo_same.0,
        sc.cameo_same.1,
        ratio(sc.date_same),
        sc.date_same.0,
        sc.date_same.1,
        ratio(sc.modality_same),
        sc.modality_same.0,
        sc.modality_same.1
    );
    for e in &sc.errors {
        println!("    {e}");
    }
}

fn load(file: &str) -> Vec<Case> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("case file");
    parse(&text)
}

/// Score one case file, print the figures, and check them against floors: overall
/// precision and recall, and for `groups` the focus-group bar of the issue
/// (precision 0.85, recall 0.75). `hide_errors`: the mismatch lines are printed only
/// with `WARTA_SHOW_TEST_ERRORS=1` (the blind test set).
fn check_set(file: &str, min_cases: usize, floor: (f64, f64), groups: bool, hide_errors: bool) {
    let cases = load(file);
    assert!(cases.len() >= min_cases, "{file}: {} cases", cases.len());
    let mut sc = score(&cases);
    if hide_errors && std::env::var_os("WARTA_SHOW_TEST_ERRORS").is_none() {
        sc.errors.clear();
    }
    report(file.trim_end_matches(".txt"), &sc);
    assert!(
        sc.all.p() >= floor.0,
        "{file}: overall precision {:.3}",
        sc.all.p()
    );
    assert!(
        sc.all.r() >= floor.1,
        "{file}: overall recall {:.3}",
        sc.all.r()
    );
    if groups {
        for g in ["meetings", "visits", "calls", "sanctions", "accusations"] {
            let c = sc.by_group.get(g).copied().unwrap_or_default();
            assert!(c.p() >= 0.85, "{file}: {g} precision {:.3}", c.p());
            assert!(c.r() >= 0.75, "{file}: {g} recall {:.3}", c.r());
        }
    }
}

// Floors just under the figures reported in BENCHMARKS.md, so a regression fails.

#[test]
fn indonesian_dev_set() {
    check_set("id-dev.txt", 150, (0.95, 0.95), true, false);
}

/// Once held out; development data since its errors were read (see its header).
#[test]
fn indonesian_second_dev_set() {
    check_set("id-dev-2.txt", 50, (0.80, 0.85), false, false);
}

/// Sanctions in their many forms, written after the blind test set showed them
/// weakest (see its header).
#[test]
fn indonesian_third_dev_set() {
    check_set("id-dev-3.txt", 30, (0.90, 0.85), false, false);
}

/// The blind test set: written without running the coder (see its header), never
/// tuned on. Its mismatch lines are hidden so a developer reading the figures does
/// not read the answers.
#[test]
fn indonesian_test_set() {
    check_set("id-test.txt", 200, (0.84, 0.84), true, true);
}
