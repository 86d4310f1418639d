//! One small stable sort for the short lists of the engine (a tables' worth of items at most).
//!
//! Why: each `sort_by` of the standard library brings its own copy of a large, fast sort into
//! the WebAssembly module for every element type (about 15 KB in all here). An insertion sort
//! is a few dozen bytes and fast for lists this short. Long lists (the finder's resources) sort
//! `(u64, u32)` keys with one `sort_unstable` instead.

/// Sorts `items` stably so that `before(a, b)` items come first.
pub fn stable_sort<T>(items: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && before(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        stable_sort(&mut items, |a, b| a.0 < b.0);
        assert_eq!(items, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut empty: Vec<u8> = Vec::new();
        stable_sort(&mut empty, |a, b| a < b);
        assert!(empty.is_empty());
    }
}
