//! Training a linear-chain CRF (maximum conditional likelihood with an L2
//! penalty) by L-BFGS, on the same features and labels as the perceptron.
//!
//! The objective is convex, so the result does not depend on the order of the
//! sentences: unlike the perceptron, whose dev scores move by a point from one
//! shuffling seed to the next, two runs with different options can be compared
//! on the small dev sets. Forward–backward uses scaled probabilities (one
//! normaliser per position, maximum emission subtracted before `exp`), in `f64`,
//! in a fixed order on one thread: deterministic.

// Index loops mirror the forward–backward formulas; iterators would hide them.
#![allow(clippy::needless_range_loop)]

use crate::label::Scheme;

/// The training data as the trainers see it.
pub(crate) struct Problem<'a> {
    /// Label scheme.
    pub scheme: Scheme,
    /// Number of feature ids.
    pub n_feat: usize,
    /// Feature ids of token `t`: `ids[tok_off[t]..tok_off[t+1]]`.
    pub ids: &'a [u32],
    pub tok_off: &'a [usize],
    /// Per sentence: first token, token count, transition block.
    pub sents: Vec<(usize, usize, usize)>,
    /// Gold label per token.
    pub gold: &'a [usize],
    /// Transition blocks each sentence uses besides the shared block 0.
    pub domain_blocks: bool,
    /// Block of each feature id (0 shared, else a domain); empty: all shared.
    pub feat_block: Vec<u8>,
}

/// CRF options.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CrfOptions {
    /// L2 coefficient (CRFsuite's `c2`): the penalty is `c2 · ‖θ‖²`... halved.
    pub c2: f64,
    /// Maximum L-BFGS iterations.
    pub max_iter: usize,
    /// Stop when the objective improved by less than this fraction over the last
    /// 10 iterations.
    pub delta: f64,
    /// L-BFGS history length.
    pub memory: usize,
    /// The L2 coefficient of per-domain weights (emissions and transitions) is
    /// `c2 · domain_c2_scale`: above 1, a domain departs from the shared weights
    /// only where its data insist (chosen on dev: 2).
    pub domain_c2_scale: f64,
}

impl Default for CrfOptions {
    fn default() -> Self {
        CrfOptions {
            c2: 1.0,
            max_iter: 150,
            delta: 1e-5,
            memory: 6,
            domain_c2_scale: 1.0,
        }
    }
}

/// Weights as the model exporter wants them: emissions `n_feat × l` and
/// transitions `3 × (l+1) × l` (shared, news, wiki).
pub(crate) struct Weights {
    pub w: Vec<f32>,
    pub t: Vec<f32>,
}

struct Eval<'a> {
    p: &'a Problem<'a>,
    l: usize,
    mask: Vec<bool>,
    end_ok: Vec<bool>,
    n_em: usize,
}

/// Buffers for one sentence.
#[derive(Default)]
struct Buf {
    e: Vec<f64>,
    alpha: Vec<f64>,
    beta: Vec<f64>,
    c: Vec<f64>,
    tr: Vec<f64>,
}

impl Eval<'_> {
    /// Negative penalised log-likelihood and its gradient at `x`.
    fn value_grad(&self, x: &[f64], g: &mut [f64], c2: (f64, f64), buf: &mut Buf) -> f64 {
        let l = self.l;
        let tsz = (l + 1) * l;
        g.fill(0.0);
        let mut nll = 0.0;
        let (w, t) = x.split_at(self.n_em);
        for &(first, n, block) in &self.p.sents {
            // Transition scores of this sentence: shared + its block.
            buf.tr.clear();
            buf.tr.resize(tsz, 0.0);
            for i in 0..tsz {
                if !self.mask[i] {
                    let mut v = t[i];
                    if self.p.domain_blocks {
                        v += t[block * tsz + i];
                    }
                    buf.tr[i] = v;
                }
            }
            // Emission scores.
            buf.e.clear();
            buf.e.resize(n * l, 0.0);
            for k in 0..n {
                let row = &mut buf.e[k * l..(k + 1) * l];
                for &f in &self.p.ids[self.p.tok_off[first + k]..self.p.tok_off[first + k + 1]] {
                    let wf = &w[f as usize * l..(f as usize + 1) * l];
                    for (r, v) in row.iter_mut().zip(wf) {
                        *r += v;
                    }
                }
            }
            let gold = &self.p.gold[first..first + n];
            // Gold path score.
            let mut gold_score = 0.0;
            for k in 0..n {
                gold_score += buf.e[k * l + gold[k]];
                let from = if k == 0 { l } else { gold[k - 1] };
                gold_score += buf.tr[from * l + gold[k]];
            }
            // Exponentiate: emissions with their max subtracted, transitions as is.
            let mut log_z = 0.0;
            for k in 0..n {
                let row = &mut buf.e[k * l..(k + 1) * l];
                let m = row.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
                log_z += m;
                for r in row.iter_mut() {
                    *r = (*r - m).exp();
                }
            }
            let trx: Vec<f64> = (0..tsz)
                .map(|i| if self.mask[i] { 0.0 } else { buf.tr[i].exp() })
                .collect();
            // Forward.
            buf.alpha.clear();
            buf.alpha.resize(n * l, 0.0);
            buf.c.clear();
            buf.c.resize(n + 1, 0.0);
            for y in 0..l {
                buf.alpha[y] = trx[l * l + y] * buf.e[y];
            }
            for k in 0..n {
                if k > 0 {
                    for y in 0..l {
                        let mut s = 0.0;
                        for yp in 0..l {
                            s += buf.alpha[(k - 1) * l + yp] * trx[yp * l + y];
                        }
                        buf.alpha[k * l + y] = s * buf.e[k * l + y];
                    }
                }
                let c: f64 = buf.alpha[k * l..(k + 1) * l].iter().sum();
                let c = if c > 0.0 { c } else { f64::MIN_POSITIVE };
                buf.c[k] = c;
                for a in &mut buf.alpha[k * l..(k + 1) * l] {
                    *a /= c;
                }
            }
            let cn: f64 = (0..l)
                .map(|y| {
                    if self.end_ok[y] {
                        buf.alpha[(n - 1) * l + y]
                    } else {
                        0.0
                    }
                })
                .sum();
            let cn = if cn > 0.0 { cn } else { f64::MIN_POSITIVE };
            buf.c[n] = cn;
            log_z += buf.c.iter().map(|c| c.ln()).sum::<f64>();
            nll += log_z - gold_score;
            // Backward.
            buf.beta.clear();
            buf.beta.resize(n * l, 0.0);
            for y in 0..l {
                buf.beta[(n - 1) * l + y] = if self.end_ok[y] { 1.0 / cn } else { 0.0 };
            }
            for k in (0..n - 1).rev() {
                for yp in 0..l {
                    let mut s = 0.0;
                    for y in 0..l {
                        s += trx[yp * l + y] * buf.e[(k + 1) * l + y] * buf.beta[(k + 1) * l + y];
                    }
                    buf.beta[k * l + yp] = s / buf.c[k + 1];
                }
            }
            // Gradient: expected minus observed.
            let (gw, gt) = g.split_at_mut(self.n_em);
            let blocks: &[usize] = if self.p.domain_blocks {
                &[0, block]
            } else {
                &[0]
            };
            for k in 0..n {
                let mut marg = [0f64; 16];
                for y in 0..l {
                    marg[y] = buf.alpha[k * l + y] * buf.beta[k * l + y];
                }
                marg[gold[k]] -= 1.0;
                for &f in &self.p.ids[self.p.tok_off[first + k]..self.p.tok_off[first + k + 1]] {
                    let gf = &mut gw[f as usize * l..(f as usize + 1) * l];
                    for (a, m) in gf.iter_mut().zip(&marg[..l]) {
                        *a += m;
                    }
                }
                // Transition marginals.
                if k == 0 {
                    for y in 0..l {
                        let p = buf.alpha[y] * buf.beta[y] - f64::from(u8::from(y == gold[0]));
                        for &b in blocks {
                            gt[b * tsz + l * l + y] += p;
                        }
                    }
                } else {
                    let ck = buf.c[k];
                    for yp in 0..l {
                        let a = buf.alpha[(k - 1) * l + yp];
                        if a == 0.0 {
                            continue;
                        }
                        for y in 0..l {
                            let i = yp * l + y;
                            if self.mask[i] {
                                continue;
                            }
                            let p = a * trx[i] * buf.e[k * l + y] * buf.beta[k * l + y] / ck;
                            for &b in blocks {
                                gt[b * tsz + i] += p;
                            }
                        }
                    }
                    let i = gold[k - 1] * l + gold[k];
                    for &b in blocks {
                        gt[b * tsz + i] -= 1.0;
                    }
                }
            }
        }
        // L2 penalty: `c2.0` on shared weights, `c2.1` on per-domain ones.
        if c2.0 == c2.1 {
            let mut norm = 0.0;
            for (gi, xi) in g.iter_mut().zip(x) {
                *gi += c2.0 * xi;
                norm += xi * xi;
            }
            return nll + 0.5 * c2.0 * norm;
        }
        let mut penalty = 0.0;
        for (i, (gi, xi)) in g.iter_mut().zip(x).enumerate() {
            let shared = if i < self.n_em {
                self.p.feat_block.get(i / l).is_none_or(|&b| b == 0)
            } else {
                i - self.n_em < tsz
            };
            let c = if shared { c2.0 } else { c2.1 };
            *gi += c * xi;
            penalty += 0.5 * c * xi * xi;
        }
        nll + penalty
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Train by L-BFGS; `progress` gets (iteration, objective).
pub(crate) fn train(
    p: &Problem<'_>,
    opts: &CrfOptions,
    progress: &mut dyn FnMut(usize, f64),
) -> Weights {
    let l = p.scheme.n_labels();
    let tsz = (l + 1) * l;
    let n_em = p.n_feat * l;
    let n = n_em + 3 * tsz;
    let mut mask = vec![false; tsz];
    for from in 0..=l {
        for to in 0..l {
            mask[from * l + to] = !p.scheme.allowed((from < l).then_some(from), to);
        }
    }
    let end_ok = (0..l).map(|y| p.scheme.allowed_end(y)).collect();
    let ev = Eval {
        p,
        l,
        mask,
        end_ok,
        n_em,
    };
    let c2 = (opts.c2, opts.c2 * opts.domain_c2_scale);
    let mut buf = Buf::default();
    let mut x = vec![0f64; n];
    let mut g = vec![0f64; n];
    let mut f = ev.value_grad(&x, &mut g, c2, &mut buf);
    let mut s_hist: Vec<Vec<f64>> = Vec::new();
    let mut y_hist: Vec<Vec<f64>> = Vec::new();
    let mut history_f = vec![f];
    let mut xn = vec![0f64; n];
    let mut gn = vec![0f64; n];
    let mut d = vec![0f64; n];
    for iter in 1..=opts.max_iter {
        // Two-loop recursion: d = -H g.
        d.copy_from_slice(&g);
        let k = s_hist.len();
        let mut alpha = vec![0f64; k];
        for i in (0..k).rev() {
            let rho = 1.0 / dot(&y_hist[i], &s_hist[i]);
            alpha[i] = rho * dot(&s_hist[i], &d);
            for (dj, yj) in d.iter_mut().zip(&y_hist[i]) {
                *dj -= alpha[i] * yj;
            }
        }
        let gamma = if k > 0 {
            dot(&s_hist[k - 1], &y_hist[k - 1]) / dot(&y_hist[k - 1], &y_hist[k - 1])
        } else {
            1.0 / dot(&g, &g).sqrt().max(1e-12)
        };
        for dj in d.iter_mut() {
            *dj *= gamma;
        }
        for i in 0..k {
            let rho = 1.0 / dot(&y_hist[i], &s_hist[i]);
            let beta = rho * dot(&y_hist[i], &d);
            for (dj, sj) in d.iter_mut().zip(&s_hist[i]) {
                *dj += (alpha[i] - beta) * sj;
            }
        }
        for dj in d.iter_mut() {
            *dj = -*dj;
        }
        let mut gd = dot(&g, &d);
        if gd >= 0.0 {
            // Not a descent direction: restart from steepest descent.
            s_hist.clear();
            y_hist.clear();
            let scale = 1.0 / dot(&g, &g).sqrt().max(1e-12);
            for (dj, gj) in d.iter_mut().zip(&g) {
                *dj = -gj * scale;
            }
            gd = dot(&g, &d);
        }
        // Backtracking line search (Armijo).
        let mut step = 1.0;
        let mut fnew;
        let mut tries = 0;
        loop {
            for ((xn, x), d) in xn.iter_mut().zip(&x).zip(&d) {
                *xn = x + step * d;
            }
            fnew = ev.value_grad(&xn, &mut gn, c2, &mut buf);
            if fnew <= f + 1e-4 * step * gd || tries >= 20 {
                break;
            }
            step *= 0.5;
            tries += 1;
        }
        let s: Vec<f64> = xn.iter().zip(&x).map(|(a, b)| a - b).collect();
        let yv: Vec<f64> = gn.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &yv);
        std::mem::swap(&mut x, &mut xn);
        std::mem::swap(&mut g, &mut gn);
        f = fnew;
        if sy > 1e-10 {
            if s_hist.len() == opts.memory {
                s_hist.remove(0);
                y_hist.remove(0);
            }
            s_hist.push(s);
            y_hist.push(yv);
        }
        progress(iter, f);
        history_f.push(f);
        if history_f.len() > 10 {
            let old = history_f[history_f.len() - 11];
            if (old - f) / f.abs().max(1e-12) < opts.delta {
                break;
            }
        }
    }
    Weights {
        w: x[..n_em].iter().map(|&v| v as f32).collect(),
        t: x[n_em..].iter().map(|&v| v as f32).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The analytic gradient matches finite differences of the objective.
    #[test]
    fn gradient_matches_finite_differences() {
        let scheme = Scheme::Iob2;
        let l = scheme.n_labels();
        // Two sentences over 4 features.
        let ids = vec![0u32, 1, 2, 0, 3, 1, 2, 3, 0];
        let tok_off = vec![0, 2, 3, 5, 7, 9];
        let gold = vec![1, 2, 0, 5, 0];
        let p = Problem {
            scheme,
            n_feat: 4,
            ids: &ids,
            tok_off: &tok_off,
            sents: vec![(0, 3, 1), (3, 2, 2)],
            gold: &gold,
            domain_blocks: true,
            feat_block: vec![0, 0, 1, 2],
        };
        let tsz = (l + 1) * l;
        let mut mask = vec![false; tsz];
        for from in 0..=l {
            for to in 0..l {
                mask[from * l + to] = !scheme.allowed((from < l).then_some(from), to);
            }
        }
        let ev = Eval {
            p: &p,
            l,
            mask: mask.clone(),
            end_ok: (0..l).map(|y| scheme.allowed_end(y)).collect(),
            n_em: 4 * l,
        };
        let n = 4 * l + 3 * tsz;
        let mut x: Vec<f64> = (0..n).map(|i| ((i * 37 % 11) as f64 - 5.0) * 0.1).collect();
        for (i, xi) in x[4 * l..].iter_mut().enumerate() {
            if mask[i % tsz] {
                *xi = 0.0;
            }
        }
        let mut buf = Buf::default();
        let mut g = vec![0.0; n];
        ev.value_grad(&x, &mut g, (0.5, 0.2), &mut buf);
        let mut scratch = vec![0.0; n];
        for i in 0..n {
            if i >= 4 * l && mask[(i - 4 * l) % tsz] {
                continue;
            }
            let h = 1e-5;
            let old = x[i];
            x[i] = old + h;
            let fp = ev.value_grad(&x, &mut scratch, (0.5, 0.2), &mut buf);
            x[i] = old - h;
            let fm = ev.value_grad(&x, &mut scratch, (0.5, 0.2), &mut buf);
            x[i] = old;
            let num = (fp - fm) / (2.0 * h);
            assert!(
                (num - g[i]).abs() < 1e-5,
                "param {i}: analytic {} numeric {num}",
                g[i]
            );
        }
    }
}
