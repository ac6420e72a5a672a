//! Print the entities of a text file (or of the seeds) as found by the entity stage:
//! `cargo run -p warta-entities --example entities_probe -- FILE [YYYY-MM-DD]`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: entities_probe FILE [DATE]")?;
    let date = std::env::args()
        .nth(2)
        .map(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d"))
        .transpose()?
        .unwrap_or_else(|| chrono::Utc::now().date_naive());
    let data = warta_langdata::DataDir::locate(None);
    let stage = warta_entities::EntityStage::load(&data)?;
    if let Some(w) = stage.warning() {
        eprintln!("warning: {w}");
    }
    let text = std::fs::read_to_string(&path)?;
    for e in stage.find_in(&text, date) {
        println!(
            "{:>5}-{:<5} {:3} {:<28} → {:<24} {:<16} {:<4} {:<5} {:<8} {:.2}",
            e.start,
            e.end,
            e.label,
            e.text,
            e.canonical.unwrap_or_default(),
            e.kb_id.unwrap_or_default(),
            e.country.unwrap_or_default(),
            e.sector.unwrap_or_default(),
            e.how.unwrap_or_default(),
            e.confidence
        );
    }
    Ok(())
}
