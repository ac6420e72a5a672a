//! The HTML tags extraction distinguishes, and how each behaves.

use html5ever::LocalName;

macro_rules! tags {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// A compact tag, so passes match on an enum instead of strings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Tag {
            $(
                #[doc = concat!("`<", $name, ">`")]
                $variant,
            )*
            /// Any other element.
            Other,
            /// Not an element (text, document).
            None,
        }

        impl Tag {
            /// Map an html5ever local name.
            pub fn from_local(name: &LocalName) -> Tag {
                match name.as_ref() {
                    $($name => Tag::$variant,)*
                    _ => Tag::Other,
                }
            }
        }
    };
}

tags! {
    Html => "html", Head => "head", Body => "body", Title => "title", Meta => "meta",
    Link => "link", Script => "script", Style => "style", Noscript => "noscript",
    Template => "template", Svg => "svg", Math => "math", Iframe => "iframe",
    Object => "object", Embed => "embed", Canvas => "canvas", Video => "video",
    Audio => "audio", Picture => "picture", Source => "source", Img => "img",
    Form => "form", Input => "input", Button => "button", Select => "select",
    Option => "option", Textarea => "textarea", Label => "label", Fieldset => "fieldset",
    Nav => "nav", Header => "header", Footer => "footer", Aside => "aside",
    Main => "main", Article => "article", Section => "section", Div => "div",
    P => "p", Br => "br", Hr => "hr", H1 => "h1", H2 => "h2", H3 => "h3",
    H4 => "h4", H5 => "h5", H6 => "h6", Ul => "ul", Ol => "ol", Li => "li",
    Dl => "dl", Dt => "dt", Dd => "dd", Blockquote => "blockquote", Pre => "pre",
    Figure => "figure", Figcaption => "figcaption", Table => "table",
    Thead => "thead", Tbody => "tbody", Tfoot => "tfoot", Tr => "tr", Td => "td",
    Th => "th", Caption => "caption", A => "a", Span => "span", B => "b",
    Strong => "strong", I => "i", Em => "em", U => "u", Small => "small",
    Sup => "sup", Sub => "sub", Time => "time", Address => "address",
    Cite => "cite", Q => "q", Code => "code", Mark => "mark", Abbr => "abbr",
    Center => "center", Font => "font", Dialog => "dialog", Menu => "menu",
    Details => "details", Summary => "summary",
}

impl Tag {
    /// Elements whose content is never article text.
    pub fn is_never_content(self) -> bool {
        matches!(
            self,
            Tag::Head
                | Tag::Script
                | Tag::Style
                | Tag::Noscript
                | Tag::Template
                | Tag::Svg
                | Tag::Math
                | Tag::Iframe
                | Tag::Object
                | Tag::Embed
                | Tag::Canvas
                | Tag::Video
                | Tag::Audio
                | Tag::Picture
                | Tag::Source
                | Tag::Button
                | Tag::Select
                | Tag::Option
                | Tag::Textarea
                | Tag::Input
                | Tag::Dialog
                | Tag::Title
                | Tag::Meta
                | Tag::Link
        )
    }

    /// Elements that start a new block of text (a paragraph boundary).
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::P
                | Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Header
                | Tag::Footer
                | Tag::Aside
                | Tag::Nav
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Ul
                | Tag::Ol
                | Tag::Li
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Table
                | Tag::Thead
                | Tag::Tbody
                | Tag::Tfoot
                | Tag::Tr
                | Tag::Td
                | Tag::Th
                | Tag::Caption
                | Tag::Form
                | Tag::Fieldset
                | Tag::Address
                | Tag::Center
                | Tag::Hr
                | Tag::Br
                | Tag::Menu
                | Tag::Details
                | Tag::Summary
                | Tag::Body
                | Tag::Html
        )
    }

    /// Heading elements.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }
}

/// Attributes kept on elements; everything else is dropped at parse time to save memory.
pub fn keep_attr(name: &LocalName) -> bool {
    matches!(
        name.as_ref(),
        "class"
            | "id"
            | "itemprop"
            | "itemtype"
            | "property"
            | "name"
            | "content"
            | "href"
            | "rel"
            | "datetime"
            | "lang"
            | "role"
            | "hidden"
            | "style"
            | "aria-hidden"
            | "type"
            | "charset"
            | "http-equiv"
            | "data-component"
    )
}
