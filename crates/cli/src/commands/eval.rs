//! `warta eval …`: benchmark commands whose figures go into BENCHMARKS.md.

use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use warta_eval::extraction::{self, Split};
use warta_langdata::DataDir;

/// Benchmarks.
#[derive(Debug, clap::Subcommand)]
pub enum EvalCommand {
    /// ScrapingHub article-extraction benchmark: precision, recall, F1 (the benchmark's
    /// own shingle metric) and pages per second on one thread.
    Extraction(ExtractionArgs),
    /// NER: exact-span precision, recall, F1 (seqeval) of the tagger on CoNLL files.
    Ner(super::ner::EvalNerArgs),
    /// NER robustness: NER-UGM test folds minus sentences of the training/dev splits.
    NerUgm(super::ner::EvalUgmArgs),
    /// PETRARCH unit-test records (English): share of gold (source, target, CAMEO)
    /// events produced and extra events per record, by category, with warta's own
    /// English lexicon and with the tests' verb dictionary converted.
    Petrarch(PetrarchArgs),
    /// PLOVER gold records (English, CAMEO manual examples): event-type and actor
    /// accuracy of the entity stage + event coder, per type.
    Plover(PloverArgs),
}

/// Arguments of `warta eval extraction`.
#[derive(Debug, clap::Args)]
pub struct ExtractionArgs {
    /// Benchmark folder (with ground-truth.json and html/).
    #[arg(default_value = "../shared/data/extraction/scrapinghub-article-extraction-benchmark")]
    dir: PathBuf,
    /// Which pages: all, dev (ids 0–7…, for tuning) or test (ids 8–f…).
    #[arg(long, default_value = "all", value_parser = ["all", "dev", "test"])]
    split: String,
    /// Repeat the timed extraction this many times and report the best run.
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    /// List the N worst pages by F1.
    #[arg(long, default_value_t = 0)]
    worst: usize,
    /// Write {id: {articleBody}} predictions here (the benchmark's output format).
    #[arg(long, value_name = "FILE")]
    dump: Option<PathBuf>,
}

/// Run an eval subcommand.
pub fn run(data: &DataDir, cmd: EvalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        EvalCommand::Extraction(args) => extraction_cmd(data, args),
        EvalCommand::Ner(args) => super::ner::eval_ner(data, args),
        EvalCommand::NerUgm(args) => super::ner::eval_ugm(data, args),
        EvalCommand::Petrarch(args) => petrarch_cmd(data, args),
        EvalCommand::Plover(args) => plover_cmd(data, args),
    }
}

fn extraction_cmd(data: &DataDir, args: ExtractionArgs) -> anyhow::Result<ExitCode> {
    let split = match args.split.as_str() {
        "dev" => Split::Dev,
        "test" => Split::Test,
        _ => Split::All,
    };
    let extractor = warta_extract::Extractor::load(data).context("loading extraction rules")?;
    let pages = extraction::load(&args.dir, split)
        .with_context(|| format!("loading benchmark from {}", args.dir.display()))?;
    let mut best = extraction::run(&extractor, &pages);
    for _ in 1..args.repeat.max(1) {
        let r = extraction::run(&extractor, &pages);
        if r.extract_time < best.extract_time {
            best = r;
        }
    }
    let s = best.scores;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "pages={} split={} precision={:.4} recall={:.4} F1={:.4} pages/s={:.0} (one thread, best of {})",
        best.pages.len(),
        args.split,
        s.precision,
        s.recall,
        s.f1,
        best.pages_per_sec(),
        args.repeat.max(1)
    )?;
    if args.worst > 0 {
        let mut worst: Vec<_> = best.pages.iter().collect();
        worst.sort_by(|a, b| a.f1.total_cmp(&b.f1));
        for p in worst.into_iter().take(args.worst) {
            writeln!(
                out,
                "  {:.3}  tp={:.2} fp={:.2} fn={:.2}  {}",
                p.f1, p.counts.tp, p.counts.fp, p.counts.fn_, p.id
            )?;
        }
    }
    if let Some(path) = args.dump {
        let map: serde_json::Map<String, serde_json::Value> = best
            .pages
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    serde_json::json!({ "articleBody": p.predicted }),
                )
            })
            .collect();
        std::fs::write(&path, serde_json::to_string_pretty(&map)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `warta eval petrarch`.
#[derive(Debug, clap::Args)]
pub struct PetrarchArgs {
    /// The records file; its dictionaries (`PETR.Validate.*`) are read from the same
    /// folder, as its `<Environment>` names them.
    #[arg(default_value = "../shared/data/events/PETR.UnitTest.records.xml")]
    path: PathBuf,
    /// Which English lexicon: own (warta's), dictionary (the tests' verb dictionary,
    /// converted) or both.
    #[arg(long, default_value = "both", value_parser = ["own", "dictionary", "both"])]
    lexicon: String,
    /// List the N worst records (missed + extra triples) of each run.
    #[arg(long, default_value_t = 0)]
    worst: usize,
    /// List the N most costly test-dictionary verbs in records with missed events.
    #[arg(long, default_value_t = 15)]
    verbs: usize,
    /// Write the full report (every record) as JSON here.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write the converted lexicon (dictionary mode's `lang/en/events.toml`) here.
    #[arg(long, value_name = "FILE")]
    dump_lexicon: Option<PathBuf>,
    /// Which records: all, dev (even positions in the file, for development) or test
    /// (odd positions, held out).
    #[arg(long, default_value = "all", value_parser = ["all", "dev", "test"])]
    split: String,
}

fn petrarch_cmd(data: &DataDir, args: PetrarchArgs) -> anyhow::Result<ExitCode> {
    use warta_eval::petrarch::{self, Lexicon};
    let split = petrarch::Split::parse(&args.split).unwrap_or(petrarch::Split::All);
    let suite = petrarch::load(&args.path)
        .with_context(|| format!("loading {}", args.path.display()))?
        .split(split);
    let dict = petrarch::verbs::load(&suite.verb_file)?;
    let mut out = std::io::stdout().lock();
    let c = petrarch::records::counts(&suite.records);
    writeln!(
        out,
        "PETRARCH unit tests: {} records, {} <EventCoding>: {} gold triples, {} no-event, {} error markers ({})",
        c.records,
        c.codings,
        c.triples,
        c.no_events,
        c.errors,
        args.path.display()
    )?;
    writeln!(out, "split: {}", split.name())?;
    let mut reports = Vec::new();
    if args.lexicon != "dictionary" {
        let events = warta_events::Events::load(data).context("loading the event coder")?;
        reports.push(petrarch::run(&suite, &events, Lexicon::Own, None));
    }
    if args.lexicon != "own" {
        let coder = petrarch::dictmode::build(data, &dict)?;
        if let Some(p) = &args.dump_lexicon {
            std::fs::write(p, &coder.lexicon)
                .with_context(|| format!("writing {}", p.display()))?;
        }
        reports.push(petrarch::run(
            &suite,
            &coder.events,
            Lexicon::Dictionary,
            Some(coder.stats.clone()),
        ));
    }
    for report in &reports {
        print_petrarch(&mut out, report, &dict, &args)?;
    }
    if let Some(p) = &args.json {
        std::fs::write(p, serde_json::to_string_pretty(&reports)?)
            .with_context(|| format!("writing {}", p.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_petrarch(
    out: &mut impl Write,
    report: &warta_eval::petrarch::Report,
    dict: &warta_eval::petrarch::verbs::VerbDict,
    args: &PetrarchArgs,
) -> anyhow::Result<()> {
    writeln!(out, "\n== {} ==", report.lexicon.name())?;
    if let Some(s) = &report.conversion {
        writeln!(
            out,
            "converted: {} blocks, {} verbs ({} pattern-only), {} patterns: {} refine, {} phrase triggers, {} skipped; markers dropped in {}, reverse codes dropped {}",
            s.blocks,
            s.verbs,
            s.uncoded_verbs,
            s.patterns,
            s.refines,
            s.phrase_triggers,
            s.skipped,
            s.markers_dropped,
            s.reverse_dropped
        )?;
    }
    writeln!(
        out,
        "{:<10} {:>5} {:>5} {:>7} {:>7} {:>7} {:>9} {:>6} {:>9}",
        "category", "recs", "gold", "exact", "root", "dyad", "extra/rec", "prec", "passed"
    )?;
    let row = |out: &mut dyn Write, name: &str, t: &warta_eval::petrarch::score::Tally| {
        writeln!(
            out,
            "{:<10} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3} {:>9.2} {:>6.3} {:>4}/{:<4}",
            name,
            t.records,
            t.gold,
            t.recall(),
            t.recall_root(),
            t.recall_dyad(),
            t.extra_per_record(),
            t.precision(),
            t.passed,
            t.records
        )
    };
    for (cat, t) in &report.tallies.by_category {
        row(out, cat, t)?;
    }
    row(out, "ALL", &report.tallies.total)?;
    let skipped: Vec<&str> = report
        .records
        .iter()
        .filter(|r| r.skipped)
        .map(|r| r.id.as_str())
        .collect();
    if !skipped.is_empty() {
        writeln!(out, "not scored (parse-tree tests): {}", skipped.join(", "))?;
    }
    if args.verbs > 0 {
        let v = warta_eval::petrarch::missing_verbs(report, dict, args.verbs);
        let list: Vec<String> = v.iter().map(|(w, n)| format!("{w} {n}")).collect();
        writeln!(
            out,
            "test verbs in records with missed dyads: {}",
            list.join(", ")
        )?;
    }
    if args.worst > 0 {
        let mut worst: Vec<_> = report
            .records
            .iter()
            .filter(|r| !r.skipped && r.errors() > 0)
            .collect();
        worst.sort_by(|a, b| b.errors().cmp(&a.errors()).then(a.index.cmp(&b.index)));
        for r in worst.into_iter().take(args.worst) {
            writeln!(out, "  {} [{}] {}", r.id, r.category, r.text)?;
            let fmt = |v: Vec<&warta_eval::petrarch::records::Triple>| {
                v.iter()
                    .map(|t| format!("({t})"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            writeln!(out, "    missed: {}", fmt(r.missed()))?;
            writeln!(out, "    extra:  {}", fmt(r.extra()))?;
            let actors: Vec<String> = r.actors.iter().map(|(t, c)| format!("{t}={c}")).collect();
            writeln!(out, "    actors: {}", actors.join("; "))?;
            if let Some(d) = &r.discarded {
                writeln!(out, "    discarded: {d}")?;
            }
        }
    }
    Ok(())
}

/// Arguments of `warta eval plover`.
#[derive(Debug, clap::Args)]
pub struct PloverArgs {
    /// The PLOVER gold records (JSON array).
    #[arg(default_value = "../shared/data/events/PLOVER_GSR_CAMEO.txt")]
    path: PathBuf,
    /// List N records whose top event has the wrong type or actors.
    #[arg(long, default_value_t = 0)]
    show_misses: usize,
    /// List the N most frequent gold trigger words of records whose type was never
    /// produced.
    #[arg(long, default_value_t = 25)]
    triggers: usize,
    /// Write the full report as JSON here.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Code with this PETRARCH-1 verb dictionary converted (e.g.
    /// `../shared/data/events/CAMEO.verbpatterns.150430.txt`) instead of warta's own
    /// English lexicon: a reference point, as in `warta eval petrarch`'s dictionary mode.
    #[arg(long, value_name = "FILE")]
    verb_dictionary: Option<PathBuf>,
    /// Which records: all, dev (even positions in the file, for development) or test
    /// (odd positions, held out).
    #[arg(long, default_value = "all", value_parser = ["all", "dev", "test"])]
    split: String,
}

fn plover_cmd(data: &DataDir, args: PloverArgs) -> anyhow::Result<ExitCode> {
    use warta_eval::plover;
    let split =
        warta_eval::petrarch::Split::parse(&args.split).unwrap_or(warta_eval::petrarch::Split::All);
    let records = plover::split(&plover::load(&args.path)?, split);
    let stage = plover::EntityStage::load(data).context("loading the entity stage")?;
    let mut out = std::io::stdout().lock();
    let converted;
    let own;
    let events = match &args.verb_dictionary {
        Some(path) => {
            let dict = warta_eval::petrarch::verbs::load(path)?;
            converted = warta_eval::petrarch::dictmode::build_with(
                data,
                &dict,
                warta_eval::petrarch::dictmode::Conventions::Warta,
            )?;
            let s = &converted.stats;
            writeln!(
                out,
                "English triggers: {} converted ({} verbs, {} refine, {} phrase triggers)",
                path.display(),
                s.verbs,
                s.refines,
                s.phrase_triggers
            )?;
            &converted.events
        }
        None => {
            own = warta_events::Events::load(data).context("loading the event coder")?;
            &own
        }
    };
    let report = plover::run(&stage, events, &records);
    if let Some(w) = stage.warning() {
        writeln!(out, "warning: {w}")?;
    }
    writeln!(
        out,
        "PLOVER gold records: {} ({}, split {}); old labels mapped DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT",
        records.len(),
        args.path.display(),
        split.name()
    )?;
    writeln!(
        out,
        "{:<10} {:>5} {:>6} {:>7} {:>8} {:>7} {:>7} {:>8} {:>7} {:>8} {:>8}",
        "type",
        "recs",
        "coded",
        "type",
        "type|cod",
        "any",
        "source",
        "src|cod",
        "target",
        "tgt|cod",
        "KB s/t"
    )?;
    let row = |out: &mut dyn Write, name: &str, t: &plover::TypeTally| {
        writeln!(
            out,
            "{:<10} {:>5} {:>6} {:>7.3} {:>8.3} {:>7.3} {:>7.3} {:>8.3} {:>7.3} {:>8.3} {:>3}/{:<3}",
            name,
            t.records,
            t.coded,
            t.accuracy(),
            t.accuracy_coded(),
            t.any_rate(),
            t.source_accuracy(),
            t.source_accuracy_coded(),
            t.target_accuracy(),
            t.target_accuracy_coded(),
            t.source_found,
            t.target_found
        )
    };
    for (ty, t) in &report.by_type {
        row(&mut out, ty, t)?;
    }
    row(&mut out, "ALL", &report.total)?;
    let mut conf: Vec<_> = report.confusions.iter().collect();
    conf.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let list: Vec<String> = conf
        .iter()
        .take(12)
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    writeln!(
        out,
        "top confusions (gold -> top event): {}",
        list.join(", ")
    )?;
    let missed: Vec<String> = report
        .missed_triggers
        .iter()
        .take(args.triggers)
        .map(|(w, n)| format!("{w} {n}"))
        .collect();
    writeln!(
        out,
        "gold triggers of records whose type was never produced: {}",
        missed.join(", ")
    )?;
    if args.show_misses > 0 {
        let misses = report
            .results
            .iter()
            .filter(|r| !r.type_ok || r.source_ok == Some(false) || r.target_ok == Some(false));
        for r in misses.take(args.show_misses) {
            let pred = r
                .predicted
                .as_ref()
                .map(|(t, c)| format!("{t} {c}"))
                .unwrap_or_else(|| "-".into());
            writeln!(
                out,
                "  {} gold {} -> {} | actors {:?} recipients {:?}",
                r.id, r.gold, pred, r.roles.0, r.roles.1
            )?;
            writeln!(out, "    {}", r.text)?;
        }
    }
    if let Some(p) = &args.json {
        std::fs::write(p, serde_json::to_string_pretty(&report)?)
            .with_context(|| format!("writing {}", p.display()))?;
    }
    Ok(ExitCode::SUCCESS)
}
