//! Brown word clusters learned here from unlabelled Indonesian text, and the
//! per-word capitalisation statistics gathered in the same pass.
//!
//! Brown clustering (Brown et al. 1992, in Liang's 2005 windowed form) groups
//! words that occur in similar left/right contexts into a binary hierarchy; a
//! word's cluster is its path from the root (`0110…`). Prefixes of the path at
//! several depths are features, so a rare name shares weight with frequent names
//! that behave the same way. It is the classic semi-supervised gain for linear NER
//! models and needs no pretrained vectors, which we do not have offline.
//!
//! The algorithm keeps `C+1` active clusters: words enter in frequency order, each
//! as its own cluster, and the pair whose merge loses least average mutual
//! information between adjacent clusters is merged. Merge losses of all pairs are
//! kept in a table and updated incrementally (O(C²) per word); after the last word
//! the remaining `C` clusters are merged down to one to give the paths. Everything
//! is single-threaded with ties broken by index, so the output is deterministic.

use crate::error::NerError;
use crate::hash::{self, IdMap};
use std::collections::HashMap;
use std::fmt::Write as _;

/// Normalise a token for cluster lookup: lower case, every digit `0`.
pub fn normalise(token: &str, buf: &mut String) {
    buf.clear();
    for c in token.chars() {
        if c.is_ascii_digit() {
            buf.push('0');
        } else if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
}

/// One word's line in a cluster file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClusterEntry {
    /// Normalised word.
    pub word: String,
    /// Path from the root, as `0`/`1` characters (at most 32).
    pub path: String,
    /// Occurrences in the clustering corpus.
    pub count: u64,
    /// Occurrences in cased text not at sentence start.
    pub cased: u64,
    /// Of those, how many started with an upper-case letter.
    pub capitalised: u64,
}

/// What a tagger knows about a word from unlabelled text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordInfo {
    /// Cluster path bits, root first, in the low `len` bits (MSB = first step).
    pub path: u32,
    /// Path length (0 = no cluster).
    pub len: u8,
    /// Capitalisation bucket: 0 unknown, 1 (almost) always lower, 2 mostly lower,
    /// 3 mixed, 4 mostly capitalised, 5 (almost) always capitalised.
    pub cap: u8,
}

impl WordInfo {
    /// The first `k` steps of the path (all of it when shorter), tagged with the
    /// length so prefixes of different depths never collide.
    pub fn prefix(&self, k: u8) -> u64 {
        let k = k.min(self.len);
        let bits = if k == 0 {
            0
        } else {
            u64::from(self.path >> (self.len - k))
        };
        (u64::from(k) << 40) | bits | 1 << 48
    }
}

/// Capitalisation bucket from counts.
pub fn cap_bucket(cased: u64, capitalised: u64) -> u8 {
    if cased < 2 {
        return 0;
    }
    let r = capitalised as f64 / cased as f64;
    match r {
        r if r < 0.05 => 1,
        r if r < 0.35 => 2,
        r if r < 0.65 => 3,
        r if r < 0.95 => 4,
        _ => 5,
    }
}

/// Word → [`WordInfo`], keyed by the hash of the normalised word.
#[derive(Debug, Clone, Default)]
pub struct ClusterMap {
    map: IdMap<u64, WordInfo>,
}

impl ClusterMap {
    /// Build from cluster-file entries.
    pub fn from_entries(entries: &[ClusterEntry]) -> ClusterMap {
        let mut map = IdMap::default();
        for e in entries {
            let len = e.path.len().min(32) as u8;
            let mut path = 0u32;
            for c in e.path.bytes().take(32) {
                path = (path << 1) | u32::from(c == b'1');
            }
            map.insert(
                hash::str(&e.word),
                WordInfo {
                    path,
                    len,
                    cap: cap_bucket(e.cased, e.capitalised),
                },
            );
        }
        ClusterMap { map }
    }

    /// Build from stored `(hash, info)` pairs.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (u64, WordInfo)>) -> ClusterMap {
        ClusterMap {
            map: pairs.into_iter().collect(),
        }
    }

    /// Info for the word whose normalised form hashes to `h`.
    #[inline]
    pub fn get(&self, h: u64) -> WordInfo {
        self.map.get(&h).copied().unwrap_or_default()
    }

    /// All pairs sorted by hash (for writing a model deterministically).
    pub fn sorted_pairs(&self) -> Vec<(u64, WordInfo)> {
        let mut v: Vec<(u64, WordInfo)> = self.map.iter().map(|(&h, &i)| (h, i)).collect();
        v.sort_unstable_by_key(|p| p.0);
        v
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Parse a cluster file: `word<TAB>path<TAB>count<TAB>cased<TAB>capitalised`,
/// `#` comment lines.
pub fn parse_file(text: &str, path_name: &str) -> Result<Vec<ClusterEntry>, NerError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if (line.starts_with('#') && !line.contains('\t')) || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |m: &str| NerError::Data {
            path: path_name.to_string(),
            message: format!("line {}: {m}", i + 1),
        };
        if cols.len() != 5 {
            return Err(bad("expected 5 tab-separated columns"));
        }
        if !cols[1].bytes().all(|b| b == b'0' || b == b'1') || cols[1].len() > 32 {
            return Err(bad("path must be at most 32 characters of 0/1"));
        }
        let num = |s: &str| s.parse::<u64>().map_err(|_| bad("counts must be integers"));
        out.push(ClusterEntry {
            word: cols[0].to_string(),
            path: cols[1].to_string(),
            count: num(cols[2])?,
            cased: num(cols[3])?,
            capitalised: num(cols[4])?,
        });
    }
    Ok(out)
}

/// Write a cluster file (header comment lines first).
pub fn write_file(header: &str, entries: &[ClusterEntry]) -> String {
    let mut s = String::new();
    for l in header.lines() {
        let _ = writeln!(s, "# {l}");
    }
    for e in entries {
        let _ = writeln!(
            s,
            "{}\t{}\t{}\t{}\t{}",
            e.word, e.path, e.count, e.cased, e.capitalised
        );
    }
    s
}

/// A sentence of the clustering corpus.
#[derive(Debug, Clone)]
pub struct CorpusSentence {
    /// Tokens as written.
    pub tokens: Vec<String>,
    /// Whether the source keeps capitalisation (lower-cased sources do not count
    /// towards the capitalisation statistics).
    pub cased: bool,
}

/// Options for [`brown`].
#[derive(Debug, Clone, Copy)]
pub struct BrownOptions {
    /// Number of clusters kept while words enter (the paper's window).
    pub clusters: usize,
    /// Words seen fewer times get no cluster.
    pub min_count: u64,
}

impl Default for BrownOptions {
    fn default() -> Self {
        BrownOptions {
            clusters: 1024,
            min_count: 2,
        }
    }
}

/// Cluster the corpus; entries come out in frequency order.
pub fn brown(corpus: &[CorpusSentence], opts: BrownOptions) -> Vec<ClusterEntry> {
    // Vocabulary with counts and capitalisation statistics.
    let mut buf = String::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut words: Vec<ClusterEntry> = Vec::new();
    let mut ids: Vec<Vec<usize>> = Vec::with_capacity(corpus.len());
    for s in corpus {
        let mut sent = Vec::with_capacity(s.tokens.len());
        for (i, t) in s.tokens.iter().enumerate() {
            normalise(t, &mut buf);
            let id = match index.get(&buf) {
                Some(&id) => id,
                None => {
                    index.insert(buf.clone(), words.len());
                    words.push(ClusterEntry {
                        word: buf.clone(),
                        path: String::new(),
                        count: 0,
                        cased: 0,
                        capitalised: 0,
                    });
                    words.len() - 1
                }
            };
            let w = &mut words[id];
            w.count += 1;
            if s.cased && i > 0 && t.chars().next().is_some_and(char::is_alphabetic) {
                w.cased += 1;
                if t.chars().next().is_some_and(char::is_uppercase) {
                    w.capitalised += 1;
                }
            }
            sent.push(id);
        }
        ids.push(sent);
    }
    // Frequency order, ties by the word itself: deterministic.
    let mut order: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].count >= opts.min_count)
        .collect();
    order.sort_by(|&a, &b| {
        words[b]
            .count
            .cmp(&words[a].count)
            .then_with(|| words[a].word.cmp(&words[b].word))
    });
    let mut rank = vec![usize::MAX; words.len()];
    for (r, &w) in order.iter().enumerate() {
        rank[w] = r;
    }
    // Bigram lists between vocabulary words, by rank.
    let v = order.len();
    let mut right: Vec<IdMap<usize, f64>> = vec![IdMap::default(); v];
    let mut left: Vec<IdMap<usize, f64>> = vec![IdMap::default(); v];
    let mut n_uni = 0f64;
    let mut n_bi = 0f64;
    for sent in &ids {
        for (i, &w) in sent.iter().enumerate() {
            let a = rank[w];
            if a == usize::MAX {
                continue;
            }
            n_uni += 1.0;
            if let Some(&next) = sent.get(i + 1) {
                let b = rank[next];
                if b != usize::MAX {
                    *right[a].entry(b).or_default() += 1.0;
                    *left[b].entry(a).or_default() += 1.0;
                    n_bi += 1.0;
                }
            }
        }
    }
    let unigram: Vec<f64> = order.iter().map(|&w| words[w].count as f64).collect();
    let paths = if v == 0 {
        Vec::new()
    } else {
        Brown::new(opts.clusters.max(2), n_uni, n_bi.max(1.0)).run(&unigram, &right, &left)
    };
    order
        .iter()
        .zip(paths)
        .map(|(&w, path)| ClusterEntry {
            path,
            ..words[w].clone()
        })
        .collect()
}

/// State of Liang's windowed Brown clustering.
struct Brown {
    c: usize,
    n1_total: f64,
    n2_total: f64,
    slots: usize,
    /// Is the slot active?
    active: Vec<bool>,
    /// Tree node currently held by each slot.
    node: Vec<usize>,
    n1: Vec<f64>,
    /// n2[a * slots + b]: bigram count from cluster a to cluster b.
    n2: Vec<f64>,
    /// q[a * slots + b]: that bigram's term of the mutual information.
    q: Vec<f64>,
    /// loss[a * slots + b] (a < b): quality lost by merging a and b.
    loss: Vec<f64>,
    /// Tree: parent of each node (leaves are the first nodes).
    parent: Vec<usize>,
    /// Which child (0/1) of its parent each node is.
    side: Vec<u8>,
}

impl Brown {
    fn new(c: usize, n1_total: f64, n2_total: f64) -> Brown {
        let slots = c + 1;
        Brown {
            c,
            n1_total,
            n2_total,
            slots,
            active: vec![false; slots],
            node: vec![0; slots],
            n1: vec![0.0; slots],
            n2: vec![0.0; slots * slots],
            q: vec![0.0; slots * slots],
            loss: vec![0.0; slots * slots],
            parent: Vec::new(),
            side: Vec::new(),
        }
    }

    #[inline]
    fn qv(&self, n2: f64, n1a: f64, n1b: f64) -> f64 {
        if n2 <= 0.0 {
            return 0.0;
        }
        let p2 = n2 / self.n2_total;
        p2 * (p2 / ((n1a / self.n1_total) * (n1b / self.n1_total))).ln()
    }

    #[inline]
    fn at(&self, a: usize, b: usize) -> usize {
        a * self.slots + b
    }

    fn refresh_q(&mut self, a: usize) {
        for x in 0..self.slots {
            if !self.active[x] {
                continue;
            }
            let (i, j) = (self.at(a, x), self.at(x, a));
            self.q[i] = self.qv(self.n2[i], self.n1[a], self.n1[x]);
            self.q[j] = self.qv(self.n2[j], self.n1[x], self.n1[a]);
        }
    }

    /// Merge loss of (s, t) computed from scratch: O(C).
    fn full_loss(&self, s: usize, t: usize) -> f64 {
        let n1m = self.n1[s] + self.n1[t];
        let mut l = 0.0;
        for x in 0..self.slots {
            if !self.active[x] {
                continue;
            }
            l += self.q[self.at(s, x)]
                + self.q[self.at(x, s)]
                + self.q[self.at(t, x)]
                + self.q[self.at(x, t)];
            if x != s && x != t {
                l -= self.qv(
                    self.n2[self.at(s, x)] + self.n2[self.at(t, x)],
                    n1m,
                    self.n1[x],
                );
                l -= self.qv(
                    self.n2[self.at(x, s)] + self.n2[self.at(x, t)],
                    self.n1[x],
                    n1m,
                );
            }
        }
        l -= self.q[self.at(s, s)]
            + self.q[self.at(t, t)]
            + self.q[self.at(s, t)]
            + self.q[self.at(t, s)];
        let self_n2 = self.n2[self.at(s, s)]
            + self.n2[self.at(s, t)]
            + self.n2[self.at(t, s)]
            + self.n2[self.at(t, t)];
        l - self.qv(self_n2, n1m, n1m)
    }

    /// The part of loss(s, t) contributed by cluster x (x ∉ {s, t}).
    #[inline]
    fn term(&self, s: usize, t: usize, x: usize) -> f64 {
        let n1m = self.n1[s] + self.n1[t];
        self.q[self.at(s, x)]
            + self.q[self.at(x, s)]
            + self.q[self.at(t, x)]
            + self.q[self.at(x, t)]
            - self.qv(
                self.n2[self.at(s, x)] + self.n2[self.at(t, x)],
                n1m,
                self.n1[x],
            )
            - self.qv(
                self.n2[self.at(x, s)] + self.n2[self.at(x, t)],
                self.n1[x],
                n1m,
            )
    }

    fn active_list(&self) -> Vec<usize> {
        (0..self.slots).filter(|&s| self.active[s]).collect()
    }

    fn new_node(&mut self) -> usize {
        self.parent.push(usize::MAX);
        self.side.push(0);
        self.parent.len() - 1
    }

    /// Put word `w` (a new leaf) into free slot `z`.
    fn add_word(
        &mut self,
        z: usize,
        w: usize,
        unigram: &[f64],
        right: &[IdMap<usize, f64>],
        left: &[IdMap<usize, f64>],
        slot_of: &[usize],
    ) {
        for x in 0..self.slots {
            let (i, j) = (self.at(z, x), self.at(x, z));
            self.n2[i] = 0.0;
            self.n2[j] = 0.0;
        }
        self.active[z] = true;
        self.n1[z] = unigram[w];
        self.node[z] = w;
        // Sorted neighbour lists: summation order fixed for determinism.
        let mut r: Vec<(usize, f64)> = right[w].iter().map(|(&k, &v)| (k, v)).collect();
        r.sort_unstable_by_key(|p| p.0);
        for (u, n) in r {
            if u <= w {
                let su = if u == w { z } else { slot_of[u] };
                let i = self.at(z, su);
                self.n2[i] += n;
            }
        }
        let mut l: Vec<(usize, f64)> = left[w].iter().map(|(&k, &v)| (k, v)).collect();
        l.sort_unstable_by_key(|p| p.0);
        for (u, n) in l {
            if u < w {
                let su = slot_of[u];
                let i = self.at(su, z);
                self.n2[i] += n;
            }
        }
        self.refresh_q(z);
    }

    fn run(
        mut self,
        unigram: &[f64],
        right: &[IdMap<usize, f64>],
        left: &[IdMap<usize, f64>],
    ) -> Vec<String> {
        let v = unigram.len();
        // slot_of[word] for words already in, following merges.
        let mut slot_of = vec![usize::MAX; v];
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); self.slots];
        let first = v.min(self.c);
        for w in 0..first {
            self.add_word(w, w, unigram, right, left, &slot_of);
            slot_of[w] = w;
            members[w].push(w);
        }
        let act = self.active_list();
        for (i, &s) in act.iter().enumerate() {
            for &t in &act[i + 1..] {
                let k = self.at(s, t);
                self.loss[k] = self.full_loss(s, t);
            }
        }
        // Phase 1: each further word enters as cluster C+1, then the best pair
        // merges. Words merged here share their final cluster's path.
        for w in first..v {
            let z = (0..self.slots).find(|&s| !self.active[s]).unwrap_or(self.c);
            self.add_word(z, w, unigram, right, left, &slot_of);
            slot_of[w] = z;
            members[z] = vec![w];
            let act = self.active_list();
            // Existing pairs gain the terms of the new cluster.
            for (i, &s) in act.iter().enumerate() {
                if s == z {
                    continue;
                }
                for &t in &act[i + 1..] {
                    if t == z {
                        continue;
                    }
                    let k = self.at(s, t);
                    self.loss[k] += self.term(s, t, z);
                }
            }
            for &s in &act {
                if s != z {
                    let (a, b) = (s.min(z), s.max(z));
                    let k = self.at(a, b);
                    self.loss[k] = self.full_loss(a, b);
                }
            }
            let (a, b) = self.best_pair(&act);
            self.merge(a, b, &act, &mut members, &mut slot_of, false);
        }
        // Phase 2: one leaf per remaining cluster, merged down to the root.
        let final_slot = slot_of.clone();
        for s in self.active_list() {
            self.node[s] = self.new_node();
        }
        let leaf_of_slot = self.node.clone();
        loop {
            let act = self.active_list();
            if act.len() < 2 {
                break;
            }
            let (a, b) = self.best_pair(&act);
            self.merge(a, b, &act, &mut members, &mut slot_of, true);
        }
        // Paths: walk from each word's leaf to the root.
        (0..v)
            .map(|w| {
                let mut bits = Vec::new();
                let mut n = leaf_of_slot[final_slot[w]];
                while self.parent[n] != usize::MAX {
                    bits.push(if self.side[n] == 1 { '1' } else { '0' });
                    n = self.parent[n];
                }
                bits.iter().rev().take(32).collect()
            })
            .collect()
    }

    /// Test only: compare every kept merge loss with a brute-force recomputation
    /// of the mutual information before and after the merge.
    #[cfg(test)]
    fn check(&self) {
        let act = self.active_list();
        let total = |n1: &dyn Fn(usize) -> f64, n2: &dyn Fn(usize, usize) -> f64, ids: &[usize]| {
            let mut q = 0.0;
            for &a in ids {
                for &b in ids {
                    q += self.qv(n2(a, b), n1(a), n1(b));
                }
            }
            q
        };
        let q0 = total(&|a| self.n1[a], &|a, b| self.n2[self.at(a, b)], &act);
        for (i, &s) in act.iter().enumerate() {
            for &t in &act[i + 1..] {
                let m = |x: usize| if x == t { s } else { x };
                let ids: Vec<usize> = act.iter().copied().filter(|&x| x != t).collect();
                let n1 = |a: usize| {
                    if a == s {
                        self.n1[s] + self.n1[t]
                    } else {
                        self.n1[a]
                    }
                };
                let n2 = |a: usize, b: usize| {
                    let mut sum = 0.0;
                    for &x in &act {
                        for &y in &act {
                            if m(x) == a && m(y) == b {
                                sum += self.n2[self.at(x, y)];
                            }
                        }
                    }
                    sum
                };
                let q1 = total(&n1, &n2, &ids);
                let kept = self.loss[self.at(s, t)];
                assert!(
                    ((q0 - q1) - kept).abs() < 1e-9,
                    "loss({s},{t}) = {kept}, true {}",
                    q0 - q1
                );
            }
        }
    }

    /// The pair with the smallest merge loss, ties to the lowest slots.
    fn best_pair(&self, act: &[usize]) -> (usize, usize) {
        #[cfg(test)]
        self.check();
        let mut best = (f64::INFINITY, act[0], act[1]);
        for (i, &s) in act.iter().enumerate() {
            for &t in &act[i + 1..] {
                let l = self.loss[self.at(s, t)];
                if l < best.0 {
                    best = (l, s, t);
                }
            }
        }
        (best.1, best.2)
    }

    fn merge(
        &mut self,
        a: usize,
        b: usize,
        act: &[usize],
        members: &mut [Vec<usize>],
        slot_of: &mut [usize],
        record_tree: bool,
    ) {
        // Remove the old a and b terms from every other pair's loss.
        for (i, &s) in act.iter().enumerate() {
            if s == a || s == b {
                continue;
            }
            for &t in &act[i + 1..] {
                if t == a || t == b {
                    continue;
                }
                let k = self.at(s, t);
                self.loss[k] -= self.term(s, t, a) + self.term(s, t, b);
            }
        }
        // Merge counts into a.
        for x in 0..self.slots {
            if !self.active[x] || x == a || x == b {
                continue;
            }
            let (ax, bx, xa, xb) = (self.at(a, x), self.at(b, x), self.at(x, a), self.at(x, b));
            self.n2[ax] += self.n2[bx];
            self.n2[xa] += self.n2[xb];
        }
        let (aa, ab, ba, bb) = (self.at(a, a), self.at(a, b), self.at(b, a), self.at(b, b));
        self.n2[aa] += self.n2[ab] + self.n2[ba] + self.n2[bb];
        self.n1[a] += self.n1[b];
        self.active[b] = false;
        for x in 0..self.slots {
            let (bx, xb) = (self.at(b, x), self.at(x, b));
            self.n2[bx] = 0.0;
            self.n2[xb] = 0.0;
            self.q[bx] = 0.0;
            self.q[xb] = 0.0;
        }
        self.refresh_q(a);
        if record_tree {
            let n = self.new_node();
            let (na, nb) = (self.node[a], self.node[b]);
            self.parent[na] = n;
            self.side[na] = 0;
            self.parent[nb] = n;
            self.side[nb] = 1;
            self.node[a] = n;
        }
        let moved = std::mem::take(&mut members[b]);
        for &w in &moved {
            slot_of[w] = a;
        }
        members[a].extend(moved);
        // Add the new a's terms back, and recompute pairs involving a.
        let act2: Vec<usize> = act.iter().copied().filter(|&s| s != b).collect();
        for (i, &s) in act2.iter().enumerate() {
            if s == a {
                continue;
            }
            for &t in &act2[i + 1..] {
                if t == a {
                    continue;
                }
                let k = self.at(s, t);
                self.loss[k] += self.term(s, t, a);
            }
        }
        for &s in &act2 {
            if s != a {
                let (x, y) = (s.min(a), s.max(a));
                let k = self.at(x, y);
                self.loss[k] = self.full_loss(x, y);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(s: &str) -> CorpusSentence {
        CorpusSentence {
            tokens: s.split_whitespace().map(str::to_string).collect(),
            cased: true,
        }
    }

    #[test]
    fn similar_contexts_share_clusters() {
        let mut corpus = Vec::new();
        for i in 0..20 {
            for name in ["Budi", "Siti", "Andi"] {
                corpus.push(sent(&format!("kata {name} .")));
            }
            for city in ["Jakarta", "Bandung", "Medan"] {
                corpus.push(sent(&format!("tinggal di {city} kemarin")));
            }
            if i % 2 == 0 {
                corpus.push(sent("ia tinggal di Jakarta"));
            }
        }
        let e = brown(
            &corpus,
            BrownOptions {
                clusters: 8,
                min_count: 2,
            },
        );
        let path = |w: &str| e.iter().find(|x| x.word == w).map(|x| x.path.clone());
        let p = |w: &str| path(w).unwrap_or_default();
        // Cities share a longer prefix with each other than with a name.
        let common = |a: &str, b: &str| {
            p(a).chars()
                .zip(p(b).chars())
                .take_while(|(x, y)| x == y)
                .count()
        };
        assert!(common("bandung", "medan") > common("bandung", "siti"));
        let jak = e
            .iter()
            .find(|x| x.word == "jakarta")
            .map(|x| (x.cased, x.capitalised));
        assert_eq!(jak, Some((30, 30)));
        // Deterministic.
        let again = brown(
            &corpus,
            BrownOptions {
                clusters: 8,
                min_count: 2,
            },
        );
        assert_eq!(e, again);
    }

    #[test]
    fn file_round_trip_and_prefixes() {
        let entries = vec![ClusterEntry {
            word: "jakarta".into(),
            path: "0110".into(),
            count: 9,
            cased: 8,
            capitalised: 8,
        }];
        let text = write_file("made by a test", &entries);
        let back = parse_file(&text, "x").unwrap();
        assert_eq!(back, entries);
        let m = ClusterMap::from_entries(&back);
        let info = m.get(hash::str("jakarta"));
        assert_eq!((info.path, info.len, info.cap), (0b0110, 4, 5));
        assert_ne!(info.prefix(2), info.prefix(4));
        assert_eq!(info.prefix(4), info.prefix(9));
        assert!(parse_file("a\t012\t1\t1\t1\n", "x").is_err());
    }
}
