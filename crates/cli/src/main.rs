//! The `warta` command.

fn main() {}
