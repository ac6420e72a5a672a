//! Scratch: time html5ever parsing into our DOM over a directory of .html.gz files.
use std::io::Read;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: parse_speed DIR")?;
    let mut pages = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        let mut s = String::new();
        flate2::read::GzDecoder::new(std::fs::File::open(&p)?).read_to_string(&mut s)?;
        pages.push(s);
    }
    let t = std::time::Instant::now();
    let mut n = 0;
    for p in &pages {
        n += warta_extract::html::dom::parse(p).nodes.len();
    }
    let el = t.elapsed().as_secs_f64();
    println!(
        "{} pages, {} nodes, {:.3}s, {:.0} pages/s",
        pages.len(),
        n,
        el,
        pages.len() as f64 / el
    );
    for depth in [1000usize, 10000, 100000] {
        let html = "<div>".repeat(depth) + "x";
        let t = std::time::Instant::now();
        let d = warta_extract::html::dom::parse(&html);
        println!(
            "depth {depth}: {} nodes {:.3}s",
            d.nodes.len(),
            t.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
