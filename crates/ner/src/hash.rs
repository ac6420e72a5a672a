//! Hashing: strings to 64-bit ids once per token, features by mixing ids.
//!
//! Features are never spelled out as strings: a token's pieces (lower-cased form,
//! prefixes, shape, …) are hashed once with XXH3, and a feature is the mix of a
//! template number with those hashes. 64-bit keys make collisions between the
//! ~10⁶ features of a model negligible, and the mix is a few multiplications, so
//! tagging allocates nothing per feature.

use std::hash::{BuildHasherDefault, Hasher};

/// Hash a byte string (stable across runs, platforms and versions of this crate:
/// model files store these values).
#[inline]
pub fn bytes(b: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(b)
}

/// Hash a string.
#[inline]
pub fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// Combine two 64-bit values into one (order-sensitive, well mixed).
#[inline]
pub fn mix(a: u64, b: u64) -> u64 {
    let x = (a ^ b.rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let x = (x ^ (x >> 29)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x ^ (x >> 32) ^ b
}

/// A feature key from a template number and one value.
#[inline]
pub fn feat(template: u32, v: u64) -> u64 {
    mix(u64::from(template).wrapping_mul(0xD6E8_FEB8_6659_FD93), v)
}

/// A feature key from a template number and two values.
#[inline]
pub fn feat2(template: u32, a: u64, b: u64) -> u64 {
    mix(feat(template, a), b)
}

/// A hasher for maps keyed by already-hashed `u64`s: one multiply, no SipHash.
/// Deterministic, so map-driven code gives the same result every run.
#[derive(Default, Clone, Copy)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
        }
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0 ^ i).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.0 ^= self.0 >> 31;
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

/// `HashMap` with [`IdHasher`].
pub type IdMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<IdHasher>>;
/// `HashSet` with [`IdHasher`].
pub type IdSet<K> = std::collections::HashSet<K, BuildHasherDefault<IdHasher>>;

/// A small deterministic random generator (SplitMix64) for shuffling and
/// initialisation, so training needs no `rand` crate and is the same everywhere.
#[derive(Debug, Clone)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator with seed `seed`.
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }
    /// The next value.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A value in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}
