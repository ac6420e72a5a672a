//! First-order Viterbi decoding over the model's labels.
//!
//! Scores are emission (per token and label) plus transition (per label pair,
//! with a start row). Forbidden transitions (an `I-PER` after `O`, …) carry
//! `-inf`, so the best path is always well-formed; every label is allowed at
//! sentence start in its `B`/`S`/`O` forms, so a path always exists.

/// The transitions a label scheme allows, as lists of predecessors: decoding skips
/// the forbidden ones instead of adding `-inf` to them. Under BIOES with three
/// types only 61 of the 169 label pairs are allowed, and the inner loop of
/// Viterbi is a sixth of the entity stage's instructions.
#[derive(Debug, Clone, Default)]
pub struct Allowed {
    /// Predecessors of label `j`: `from[offsets[j]..offsets[j + 1]]`, ascending.
    from: Vec<u8>,
    offsets: Vec<usize>,
}

impl Allowed {
    /// The pairs whose transition score in `trans` (`(l + 1) × l`, the start row
    /// last and not used here) is not `-inf`.
    pub fn of(trans: &[f32], l: usize) -> Allowed {
        let mut a = Allowed {
            from: Vec::new(),
            offsets: vec![0],
        };
        for j in 0..l {
            for i in 0..l {
                if trans
                    .get(i * l + j)
                    .is_some_and(|&t| t != f32::NEG_INFINITY)
                {
                    a.from.push(i as u8);
                }
            }
            a.offsets.push(a.from.len());
        }
        a
    }

    /// Every pair: decoding visits all of them, as a dense decoder would.
    pub fn every(l: usize) -> Allowed {
        Allowed {
            from: (0..l).flat_map(|_| (0..l).map(|i| i as u8)).collect(),
            offsets: (0..=l).map(|j| j * l).collect(),
        }
    }

    fn of_label(&self, j: usize) -> &[u8] {
        match (self.offsets.get(j), self.offsets.get(j + 1)) {
            (Some(&a), Some(&b)) => &self.from[a..b],
            _ => &[],
        }
    }
}

/// Decode the best label sequence.
///
/// `emit` is `n × l` (row-major), `trans` is `(l + 1) × l` with row `l` the start
/// row, `end` (length `l`) is added at the last token. Only the `allowed`
/// transitions are visited ([`Allowed::of`] `trans` gives the same result as
/// visiting all: a forbidden one scores `-inf` and never wins). `back` and `score`
/// are scratch buffers; the result goes to `out`.
#[allow(clippy::too_many_arguments)]
pub fn decode(
    emit: &[f32],
    l: usize,
    trans: &[f32],
    end: &[f32],
    allowed: &Allowed,
    back: &mut Vec<u8>,
    score: &mut Vec<f32>,
    out: &mut Vec<usize>,
) {
    out.clear();
    if l == 0 || emit.is_empty() {
        return;
    }
    let n = emit.len() / l;
    back.clear();
    back.resize(n * l, 0);
    score.clear();
    score.resize(2 * l, 0.0);
    let (cur, prev) = score.split_at_mut(l);
    let start = &trans[l * l..l * l + l];
    for j in 0..l {
        prev[j] = start[j] + emit[j];
    }
    for t in 1..n {
        let e = &emit[t * l..t * l + l];
        for j in 0..l {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for &i in allowed.of_label(j) {
                let s = prev[i as usize] + trans[i as usize * l + j];
                if s > best {
                    best = s;
                    arg = i;
                }
            }
            cur[j] = best + e[j];
            back[t * l + j] = arg;
        }
        prev.copy_from_slice(cur);
    }
    let mut best = f32::NEG_INFINITY;
    let mut arg = 0usize;
    for j in 0..l {
        let s = prev[j] + end[j];
        if s > best {
            best = s;
            arg = j;
        }
    }
    out.resize(n, 0);
    out[n - 1] = arg;
    for t in (1..n).rev() {
        arg = back[t * l + arg] as usize;
        out[t - 1] = arg;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_allowed_paths() {
        // Two labels: 0 = O, 1 = X; X→X forbidden.
        let l = 2;
        let trans = vec![0.0, 0.0, 0.0, f32::NEG_INFINITY, 0.0, 0.0];
        let emit = vec![0.0, 1.0, 0.0, 1.0, 0.0, 1.0];
        let (mut b, mut s, mut out) = (Vec::new(), Vec::new(), Vec::new());
        let all = Allowed::every(l);
        decode(
            &emit,
            l,
            &trans,
            &[0.0, 0.0],
            &all,
            &mut b,
            &mut s,
            &mut out,
        );
        assert_eq!(out, vec![1, 0, 1]);
        decode(&[], l, &trans, &[0.0, 0.0], &all, &mut b, &mut s, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn skipping_forbidden_transitions_changes_nothing() {
        // Three labels, some pairs forbidden, pseudo-random scores.
        let l = 3;
        let ninf = f32::NEG_INFINITY;
        let trans = vec![
            0.3, ninf, -0.2, 0.1, 0.5, ninf, ninf, 0.2, 0.4, 0.0, 0.1, 0.2,
        ];
        let allowed = Allowed::of(&trans, l);
        let mut x = 0x9E37_79B9u32;
        for n in 1..40 {
            let emit: Vec<f32> = (0..n * l)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 17;
                    x ^= x << 5;
                    (x % 1000) as f32 / 250.0 - 2.0
                })
                .collect();
            let (mut b, mut s, mut dense, mut sparse) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            let every = Allowed::every(l);
            decode(
                &emit, l, &trans, &[0.0; 3], &every, &mut b, &mut s, &mut dense,
            );
            decode(
                &emit,
                l,
                &trans,
                &[0.0; 3],
                &allowed,
                &mut b,
                &mut s,
                &mut sparse,
            );
            assert_eq!(dense, sparse);
        }
    }
}
