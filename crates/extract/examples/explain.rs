//! Scratch: show which container the HTML extractor chose for a page and why.
use std::io::Read;
use warta_extract::html::{blocks, content, dom, markup::never_content, tags::Tag};
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: explain FILE.html[.gz]")?;
    let mut s = String::new();
    let f = std::fs::File::open(&path)?;
    if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(f).read_to_string(&mut s)?;
    } else {
        std::io::BufReader::new(f).read_to_string(&mut s)?;
    }
    let data = warta_langdata::DataDir::locate(None);
    let markup = warta_extract::html::markup::Markup::load(&data)?;
    let d = dom::parse(&s);
    let root = d.find_tag(Tag::Body).unwrap_or(dom::NodeId::ROOT);
    let meta = warta_extract::html::metadata::read(&d);
    println!("meta: {:?}", meta.title);
    let body = content::select(
        &d,
        root,
        &markup,
        content::Hints {
            guide: meta.article_body.as_deref(),
            description: meta.description.as_deref(),
            title: meta.title.as_deref(),
        },
    );
    let desc = |n: dom::NodeId| {
        let e = d.element(n);
        format!(
            "{:?}.{}#{}",
            d.tag(n),
            e.and_then(|e| e.attr("class")).unwrap_or(""),
            e.and_then(|e| e.attr("id")).unwrap_or("")
        )
    };
    let mut path: Vec<String> = d.ancestors(body.container).map(desc).collect();
    path.reverse();
    path.push(desc(body.container));
    println!("container: {}", path.join(" > "));
    struct Hard;
    impl blocks::Skip for Hard {
        fn skip(&self, d: &dom::Dom, id: dom::NodeId) -> bool {
            never_content(d, id)
        }
    }
    for b in blocks::collect(&d, root, &Hard) {
        let kept = body
            .blocks
            .iter()
            .any(|k| k.owner == b.owner && k.text == b.text);
        let inside = b.owner == body.container || d.ancestors(b.owner).any(|a| a == body.container);
        println!(
            "{}{} {:>5} ld={:.2} lead={:>3} prose={:>5.0} {:?} | {}",
            if kept { "K" } else { " " },
            if inside { "i" } else { " " },
            b.chars,
            b.link_density(),
            b.leading_link_chars,
            content::prose_chars(&b),
            b.tag,
            b.text.chars().take(110).collect::<String>()
        );
    }
    Ok(())
}
