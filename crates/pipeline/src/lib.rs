//! Runs the stages over many inputs: ingest → extract → language ID, on all cores,
//! with bounded memory and output in input order.

pub use warta_ingest::IngestOptions;
