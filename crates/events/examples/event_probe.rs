//! Code events in sentences given on the command line or stdin (one per line), with
//! entities from the entity stage, and print them with the entities found.
//!
//! `cargo run -p warta-events --example event_probe -- [--date YYYY-MM-DD] [--lang id|en|ms] [SENTENCE…]`

use std::io::BufRead;

use chrono::NaiveDate;
use warta_entities::EntityStage;
use warta_events::{Events, Input, Options};
use warta_langdata::DataDir;
use warta_model::Lang;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut date = NaiveDate::from_ymd_opt(2024, 4, 9).ok_or("date")?;
    let mut lang = Lang::Id;
    let mut verbose = false;
    while let Some(a) = args.first().cloned() {
        match a.as_str() {
            "--date" if args.len() > 1 => {
                date = NaiveDate::parse_from_str(&args[1], "%Y-%m-%d")?;
                args.drain(..2);
            }
            "--lang" if args.len() > 1 => {
                lang = Lang::from_tag(&args[1]);
                args.drain(..2);
            }
            "-v" => {
                verbose = true;
                args.remove(0);
            }
            _ => break,
        }
    }
    let data = DataDir::locate(None);
    let entities = EntityStage::load(&data)?;
    let events = Events::load(&data)?;
    let lines: Vec<String> = if args.is_empty() {
        std::io::stdin().lock().lines().collect::<Result<_, _>>()?
    } else {
        args
    };
    for line in lines {
        let ents = entities.find_in(&line, date);
        println!("» {line}");
        if verbose {
            for e in &ents {
                println!(
                    "    entity {:?} {} {:?} {:?} {:?}",
                    e.text, e.label, e.kb_id, e.role, e.how
                );
            }
        }
        let found = events.code_with(
            &Input {
                text: &line,
                lang,
                entities: &ents,
                quotes: &[],
                published: Some(date),
            },
            &Options {
                keep_negated: true,
                keep_actorless: verbose,
            },
        );
        for e in found {
            let names = |v: &[warta_model::EventActor]| {
                v.iter()
                    .map(|a| {
                        a.kb_id
                            .clone()
                            .or(a.canonical.clone())
                            .unwrap_or(a.text.clone())
                    })
                    .collect::<Vec<_>>()
                    .join("+")
            };
            println!(
                "    {} {} {} [{}] {} -> {} | date {:?} | loc {:?} | {} | trig {:?} | {:.2}",
                e.event_type,
                e.mode.as_deref().unwrap_or("-"),
                e.cameo,
                e.modality.as_str(),
                names(&e.actors),
                names(&e.recipients),
                e.date.as_ref().map(|d| d.value.as_str()),
                e.location.as_ref().map(|l| l.text.as_str()),
                e.context.join(","),
                e.trigger.text,
                e.confidence
            );
        }
    }
    Ok(())
}
