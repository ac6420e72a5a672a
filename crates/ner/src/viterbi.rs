//! First-order Viterbi decoding over the model's labels.
//!
//! Scores are emission (per token and label) plus transition (per label pair,
//! with a start row). Forbidden transitions (an `I-PER` after `O`, …) carry
//! `-inf`, so the best path is always well-formed; every label is allowed at
//! sentence start in its `B`/`S`/`O` forms, so a path always exists.

/// Decode the best label sequence.
///
/// `emit` is `n × l` (row-major), `trans` is `(l + 1) × l` with row `l` the start
/// row, `end` (length `l`) is added at the last token. `back` and `score` are
/// scratch buffers; the result goes to `out`.
pub fn decode(
    emit: &[f32],
    l: usize,
    trans: &[f32],
    end: &[f32],
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
            for i in 0..l {
                let s = prev[i] + trans[i * l + j];
                if s > best {
                    best = s;
                    arg = i as u8;
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
        decode(&emit, l, &trans, &[0.0, 0.0], &mut b, &mut s, &mut out);
        assert_eq!(out, vec![1, 0, 1]);
        decode(&[], l, &trans, &[0.0, 0.0], &mut b, &mut s, &mut out);
        assert!(out.is_empty());
    }
}
