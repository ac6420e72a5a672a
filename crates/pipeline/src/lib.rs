//! Runs the stages over many inputs: ingest → extract → language ID → entities →
//! quotes → events, on all cores, with bounded memory, and hands articles back in input order.
//!
//! Shape: one reader thread walks the inputs (streaming, record by record) and
//! feeds a bounded channel; `threads` workers extract and identify the language;
//! the calling thread reorders results and passes them to a sink. A fixed pool of
//! tickets caps the documents in flight, so a slow document cannot make finished
//! ones pile up in memory. A panic in a worker (a bug, never expected) becomes an
//! error for that one document and the batch goes on.

use crossbeam_channel::{Receiver, Sender, bounded};
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};
use warta_entities::EntityStage;
use warta_extract::Extractor;
use warta_ingest::{IngestError, IngestOptions, RawDoc};
use warta_lang::LangId;
use warta_langdata::DataDir;
use warta_model::{Article, Lang};

pub use warta_ingest;

/// Errors loading the stages.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// Extraction rules failed to load.
    #[error("loading extraction rules: {0}")]
    Extract(#[from] warta_extract::ExtractError),
    /// Language-ID data failed to load.
    #[error("loading language identification data: {0}")]
    Lang(#[from] warta_lang::LangError),
    /// The entity stage (segmenter, knowledge base, NER model) failed to load.
    #[error("loading the entity stage: {0}")]
    Entities(#[from] warta_entities::EntityError),
    /// The quotation data failed to load.
    #[error("loading quotation data: {0}")]
    Quotes(#[from] warta_quotes::QuoteError),
    /// The event-coding data failed to load.
    #[error("loading event-coding data: {0}")]
    Events(#[from] warta_events::EventError),
}

/// Everything the stages need, loaded once and shared by the workers.
#[derive(Debug)]
pub struct Stages {
    /// Article extraction.
    pub extractor: Extractor,
    /// Language identification.
    pub langid: LangId,
    /// Entities linked to the knowledge base.
    pub entities: EntityStage,
    /// Quotations with their speakers and channels.
    pub quotes: warta_quotes::Quotes,
    /// Coded events with actors, recipients, dates and places.
    pub events: warta_events::Events,
}

impl Stages {
    /// Load every stage's data from the data folder.
    pub fn load(data: &DataDir) -> Result<Stages, PipelineError> {
        Ok(Stages {
            extractor: Extractor::load(data)?,
            langid: LangId::load(data)?,
            entities: EntityStage::load(data)?,
            quotes: warta_quotes::Quotes::load(data)?,
            events: warta_events::Events::load(data)?,
        })
    }

    /// Why some stage runs degraded (e.g. no NER model), if one does.
    pub fn warnings(&self) -> Vec<String> {
        self.entities
            .warning()
            .map(str::to_string)
            .into_iter()
            .collect()
    }

    /// Analyse one document completely.
    pub fn analyze(&self, doc: &RawDoc) -> Article {
        let mut article = self.extractor.extract(doc);
        let hint = (article.lang != Lang::Other).then_some(article.lang);
        article.lang = self.langid.detect(&article.text, hint);
        let reference = self.extractor.reference_for(doc);
        article.entities = self.entities.find(&article, reference);
        // After entities: speakers are linked through the article's mentions.
        article.quotes = self.quotes.find(&article);
        // After quotes: "kami" inside a quotation is its speaker.
        article.events = self.events.find(&article);
        article
    }
}

/// How to run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Reader settings (document size limit, progress counter).
    pub ingest: IngestOptions,
    /// Worker threads (0 = one per core).
    pub threads: usize,
}

/// A failure to analyse one document or input.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    /// The input could not be read or decoded.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// Analysis of the document failed unexpectedly (a bug; reported, not fatal).
    #[error("{source_name}: internal error while analysing: {message}")]
    Internal {
        /// The document.
        source_name: String,
        /// The panic message.
        message: String,
    },
}

/// What happened to one document.
pub type Outcome = Result<Article, DocError>;

/// Totals of a run.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    /// Articles written.
    pub articles: u64,
    /// Documents or inputs that failed.
    pub errors: u64,
    /// Wall time.
    pub elapsed: Duration,
}

/// Run the stages over `inputs`, calling `sink` with each outcome in input order.
/// `sink` may stop the run early by returning an error (e.g. a closed stdout),
/// which is returned.
pub fn run<E>(
    stages: &Stages,
    inputs: &[PathBuf],
    options: &Options,
    mut sink: impl FnMut(Outcome) -> Result<(), E>,
) -> Result<Summary, E> {
    let start = Instant::now();
    let threads = if options.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        options.threads
    };
    let in_flight = 4 * threads + 8;
    let (tickets_tx, tickets_rx) = bounded::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = tickets_tx.send(());
    }
    let (work_tx, work_rx) = bounded::<(u64, Result<RawDoc, IngestError>)>(2 * threads);
    let (done_tx, done_rx) = bounded::<(u64, Outcome)>(2 * threads);
    let mut summary = Summary::default();

    let result = std::thread::scope(|scope| {
        let ingest = options.ingest.clone();
        scope.spawn(move || read_inputs(inputs, &ingest, &tickets_rx, &work_tx));
        for _ in 0..threads {
            let work_rx = work_rx.clone();
            let done_tx = done_tx.clone();
            scope.spawn(move || work(stages, &work_rx, &done_tx));
        }
        drop(done_tx);
        drop(work_rx);
        let mut pending: BTreeMap<u64, Outcome> = BTreeMap::new();
        let mut next = 0u64;
        let mut stopped = None;
        'receive: for (seq, outcome) in done_rx.iter() {
            pending.insert(seq, outcome);
            while let Some(outcome) = pending.remove(&next) {
                next += 1;
                match &outcome {
                    Ok(_) => summary.articles += 1,
                    Err(_) => summary.errors += 1,
                }
                let r = sink(outcome);
                let _ = tickets_tx.send(());
                if let Err(e) = r {
                    stopped = Some(e);
                    break 'receive;
                }
            }
        }
        // Closing our ends makes the reader and workers stop at their next send.
        drop(done_rx);
        drop(tickets_tx);
        stopped
    });
    summary.elapsed = start.elapsed();
    match result {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}

/// The reader thread: number the documents and hand them out, one ticket each.
fn read_inputs(
    inputs: &[PathBuf],
    options: &IngestOptions,
    tickets: &Receiver<()>,
    work: &Sender<(u64, Result<RawDoc, IngestError>)>,
) {
    for (seq, doc) in warta_ingest::open(inputs, options).enumerate() {
        if tickets.recv().is_err() {
            return;
        }
        if work.send((seq as u64, doc)).is_err() {
            return;
        }
    }
}

/// A worker thread: analyse documents until the reader is done.
fn work(
    stages: &Stages,
    work: &Receiver<(u64, Result<RawDoc, IngestError>)>,
    done: &Sender<(u64, Outcome)>,
) {
    for (seq, doc) in work.iter() {
        let outcome = match doc {
            Err(e) => Err(DocError::Ingest(e)),
            Ok(doc) => catch_unwind(AssertUnwindSafe(|| stages.analyze(&doc))).map_err(|panic| {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "panic".to_string());
                DocError::Internal {
                    source_name: doc.source.clone(),
                    message,
                }
            }),
        };
        if done.send((seq, outcome)).is_err() {
            return;
        }
    }
}
