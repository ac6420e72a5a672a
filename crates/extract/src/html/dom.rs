//! A compact, index-based DOM built by html5ever's spec-compliant tree builder.
//!
//! Why our own sink instead of `scraper`/`dom_query`: extraction only needs a
//! read-only tree with parent/child/sibling links, tag names and a handful of
//! attributes. Nodes live in one `Vec` addressed by [`NodeId`], which keeps
//! parsing allocation-light and lets every later pass run iteratively (pages
//! nested 100 000 levels deep must not overflow the stack).

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, QualName, local_name, ns, parse_document};
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};

use super::tags::Tag;

/// Index of a node in [`Dom::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

impl NodeId {
    /// The document root.
    pub const ROOT: NodeId = NodeId(0);

    fn idx(self) -> usize {
        self.0 as usize
    }
}

/// What a node is.
#[derive(Debug, Clone)]
pub enum NodeData {
    /// The document itself (always node 0).
    Document,
    /// An element with its tag and the attributes extraction reads.
    Element(Element),
    /// A run of text.
    Text(StrTendril),
    /// Comments, doctypes, processing instructions: kept only to keep the tree shape.
    Other,
}

/// An element: its tag and attributes.
#[derive(Debug, Clone)]
pub struct Element {
    /// Our compact tag.
    pub tag: Tag,
    /// The full name, for html5ever.
    pub name: QualName,
    /// Attributes as (local name, value).
    pub attrs: Vec<(LocalName, StrTendril)>,
}

impl Element {
    /// The value of attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| &**n == name)
            .map(|(_, v)| v.as_ref())
    }
}

/// A tree node with its links.
#[derive(Debug, Clone)]
pub struct Node {
    /// Parent, `None` for the root and detached nodes.
    pub parent: Option<NodeId>,
    /// First child.
    pub first_child: Option<NodeId>,
    /// Last child.
    pub last_child: Option<NodeId>,
    /// Previous sibling.
    pub prev: Option<NodeId>,
    /// Next sibling.
    pub next: Option<NodeId>,
    /// Payload.
    pub data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Node {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev: None,
            next: None,
            data,
        }
    }
}

/// A parsed HTML document.
#[derive(Debug)]
pub struct Dom {
    /// All nodes; node 0 is the document.
    pub nodes: Vec<Node>,
}

/// Parse an HTML document into a [`Dom`]. Never fails: HTML parsing recovers from
/// any input, as browsers do.
pub fn parse(html: &str) -> Dom {
    let sink = Sink {
        nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
        quirks: Cell::new(QuirksMode::NoQuirks),
    };
    parse_document(sink, Default::default()).one(html)
}

impl Dom {
    /// The node with id `id`.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.idx()]
    }

    /// The element data of `id`, if it is an element.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes.get(id.idx())?.data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The tag of `id` ([`Tag::None`] for non-elements).
    pub fn tag(&self, id: NodeId) -> Tag {
        self.element(id).map_or(Tag::None, |e| e.tag)
    }

    /// Children of `id` in order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.node(id).first_child,
        }
    }

    /// Element children of `id`.
    pub fn element_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id)
            .filter(|c| matches!(self.node(*c).data, NodeData::Element(_)))
    }

    /// `id` and all its descendants in document order (pre-order), iteratively.
    pub fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: Some(id),
        }
    }

    /// Ancestors of `id`, nearest first, excluding `id`.
    pub fn ancestors(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.node(id).parent, move |p| self.node(*p).parent)
    }

    /// The first element with tag `tag` in document order.
    pub fn find_tag(&self, tag: Tag) -> Option<NodeId> {
        self.descendants(NodeId::ROOT).find(|n| self.tag(*n) == tag)
    }

    /// All text under `id`, concatenated as is.
    pub fn text_of(&self, id: NodeId) -> String {
        let mut s = String::new();
        for n in self.descendants(id) {
            if let NodeData::Text(t) = &self.node(n).data {
                s.push_str(t);
            }
        }
        s
    }

    /// Depth-first traversal with enter/leave events, for serialisers that need
    /// to know when an element ends.
    pub fn walk(&self, id: NodeId) -> Walk<'_> {
        Walk {
            dom: self,
            root: id,
            next: Some((id, true)),
        }
    }
}

/// Iterator over the children of a node.
pub struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.dom.node(cur).next;
        Some(cur)
    }
}

/// Pre-order iterator over a subtree.
pub struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        let node = self.dom.node(cur);
        self.next = if let Some(c) = node.first_child {
            Some(c)
        } else {
            next_after(self.dom, cur, self.root)
        };
        Some(cur)
    }
}

impl Descendants<'_> {
    /// Do not descend into the children of the node returned last.
    pub fn skip_children_of(&mut self, id: NodeId) {
        self.next = next_after(self.dom, id, self.root);
    }
}

/// The next node in pre-order after the subtree of `cur`, staying inside `root`.
fn next_after(dom: &Dom, mut cur: NodeId, root: NodeId) -> Option<NodeId> {
    loop {
        if cur == root {
            return None;
        }
        let node = dom.node(cur);
        if let Some(n) = node.next {
            return Some(n);
        }
        cur = node.parent?;
    }
}

/// One step of [`Dom::walk`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Entering a node (its children follow).
    Enter(NodeId),
    /// Leaving an element after its children.
    Leave(NodeId),
}

/// Enter/leave traversal of a subtree.
pub struct Walk<'a> {
    dom: &'a Dom,
    root: NodeId,
    /// (node, entering?)
    next: Option<(NodeId, bool)>,
}

impl Walk<'_> {
    /// Skip the children of the node just entered; its `Leave` still comes.
    pub fn skip_children(&mut self) {
        if let Some((n, true)) = self.next {
            // `next` points at the first child of the node we entered; go back to leave it.
            if let Some(parent) = self.dom.node(n).parent {
                self.next = Some((parent, false));
            }
        }
    }
}

impl Iterator for Walk<'_> {
    type Item = Step;
    fn next(&mut self) -> Option<Step> {
        let (cur, entering) = self.next?;
        let node = self.dom.node(cur);
        if entering {
            self.next = match node.first_child {
                Some(c) => Some((c, true)),
                None => Some((cur, false)),
            };
            Some(Step::Enter(cur))
        } else {
            self.next = if cur == self.root {
                None
            } else if let Some(n) = node.next {
                Some((n, true))
            } else {
                node.parent.map(|p| (p, false))
            };
            Some(Step::Leave(cur))
        }
    }
}

/// Name reported for a non-element handle (html5ever never asks; this avoids a panic path).
static NOT_AN_ELEMENT: std::sync::LazyLock<QualName> =
    std::sync::LazyLock::new(|| QualName::new(None, ns!(html), local_name!("div")));

/// The html5ever tree sink that fills the node vector.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    quirks: Cell<QuirksMode>,
}

impl Sink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        let id = NodeId(u32::try_from(nodes.len()).unwrap_or(u32::MAX));
        nodes.push(Node::new(data));
        id
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &mut nodes[id.idx()];
            (n.parent.take(), n.prev.take(), n.next.take())
        };
        match next {
            Some(nx) => nodes[nx.idx()].prev = prev,
            None => {
                if let Some(p) = parent {
                    nodes[p.idx()].last_child = prev;
                }
            }
        }
        match prev {
            Some(pv) => nodes[pv.idx()].next = next,
            None => {
                if let Some(p) = parent {
                    nodes[p.idx()].first_child = next;
                }
            }
        }
    }

    fn append_node(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent.idx()].last_child;
        nodes[child.idx()].parent = Some(parent);
        nodes[child.idx()].prev = last;
        match last {
            Some(l) => nodes[l.idx()].next = Some(child),
            None => nodes[parent.idx()].first_child = Some(child),
        }
        nodes[parent.idx()].last_child = Some(child);
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let parent = nodes[sibling.idx()].parent;
        let prev = nodes[sibling.idx()].prev;
        nodes[child.idx()].parent = parent;
        nodes[child.idx()].next = Some(sibling);
        nodes[child.idx()].prev = prev;
        nodes[sibling.idx()].prev = Some(child);
        match prev {
            Some(p) => nodes[p.idx()].next = Some(child),
            None => {
                if let Some(par) = parent {
                    nodes[par.idx()].first_child = Some(child);
                }
            }
        }
    }

    /// Append text to `parent`, merging with a trailing text node.
    fn append_text(&self, parent: NodeId, text: StrTendril) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(last) = nodes[parent.idx()].last_child
            && let NodeData::Text(t) = &mut nodes[last.idx()].data
        {
            t.push_tendril(&text);
            return;
        }
        drop(nodes);
        let id = self.push(NodeData::Text(text));
        Self::append_node(&mut self.nodes.borrow_mut(), parent, id);
    }

    /// Insert text before `sibling`, merging with a preceding text node.
    fn insert_text_before(&self, sibling: NodeId, text: StrTendril) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(prev) = nodes[sibling.idx()].prev
            && let NodeData::Text(t) = &mut nodes[prev.idx()].data
        {
            t.push_tendril(&text);
            return;
        }
        drop(nodes);
        let id = self.push(NodeData::Text(text));
        Self::insert_before(&mut self.nodes.borrow_mut(), sibling, id);
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        NodeId::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match nodes.get(target.idx()) {
            Some(Node {
                data: NodeData::Element(e),
                ..
            }) => &e.name,
            _ => &NOT_AN_ELEMENT,
        })
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        _flags: ElementFlags,
    ) -> NodeId {
        let tag = Tag::from_local(&name.local);
        let attrs = attrs
            .into_iter()
            .filter(|a| super::tags::keep_attr(&a.name.local))
            .map(|a| (a.name.local, a.value))
            .collect();
        self.push(NodeData::Element(Element { tag, name, attrs }))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendNode(c) => {
                Self::append_node(&mut self.nodes.borrow_mut(), *parent, c)
            }
            NodeOrText::AppendText(t) => self.append_text(*parent, t),
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[element.idx()].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        // Template contents are not content; keep them inside the template element,
        // which extraction skips.
        *target
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.quirks.set(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match new_node {
            NodeOrText::AppendNode(c) => {
                Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, c)
            }
            NodeOrText::AppendText(t) => self.insert_text_before(*sibling, t),
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Node {
            data: NodeData::Element(e),
            ..
        }) = nodes.get_mut(target.idx())
        {
            for a in attrs {
                if super::tags::keep_attr(&a.name.local)
                    && !e.attrs.iter().any(|(n, _)| *n == a.name.local)
                {
                    e.attrs.push((a.name.local, a.value));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        while let Some(c) = nodes[node.idx()].first_child {
            Self::append_node(&mut nodes, *new_parent, c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_tree_and_merges_text() {
        let dom = parse("<html><body><p>Satu <b>dua</b> tiga</p><p>empat</p></body></html>");
        let body = dom.find_tag(Tag::Body).unwrap();
        let ps: Vec<NodeId> = dom.element_children(body).collect();
        assert_eq!(ps.len(), 2);
        assert_eq!(dom.text_of(ps[0]), "Satu dua tiga");
        assert_eq!(dom.text_of(body), "Satu dua tigaempat");
    }

    #[test]
    fn misnested_markup_recovers() {
        let dom = parse("<p>a<b>b<i>c</b>d</i>e<table><tr><td>x</table>");
        let text = dom.text_of(NodeId::ROOT);
        assert_eq!(text, "abcdex");
    }

    #[test]
    fn walk_enters_and_leaves_everything() {
        let dom = parse("<div><p>a</p><p>b<br>c</p></div>");
        let body = dom.find_tag(Tag::Body).unwrap();
        let steps: Vec<Step> = dom.walk(body).collect();
        let enters = steps.iter().filter(|s| matches!(s, Step::Enter(_))).count();
        let leaves = steps.len() - enters;
        assert_eq!(enters, leaves);
        assert_eq!(steps.first(), Some(&Step::Enter(body)));
        assert_eq!(steps.last(), Some(&Step::Leave(body)));
    }
}
