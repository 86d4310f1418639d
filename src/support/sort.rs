//! One small stable sort for the short lists of the engine (a tables' worth of items at most).
//!
//! Why: each `sort_by` of the standard library brings its own copy of a large, fast sort into
//! the WebAssembly module for every element type: std's sorts at these call sites measured
//! 9.2 KB gzip more (BENCHMARKS.md). An insertion sort is a few dozen bytes and fast for lists
//! this short. Long lists (the finder's thousands of meetings) sort packed `u64` keys with one
//! small heap sort: `sort_unstable_by_key` there alone measured 1.2 KB more.

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

/// Sorts keys ascending in O(n log n) with no allocation: a heap sort, small in the module.
pub fn sort_keys(keys: &mut [u64]) {
    fn sift_down(keys: &mut [u64], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && keys[child] < keys[child + 1] {
                child += 1;
            }
            if keys[root] >= keys[child] {
                return;
            }
            keys.swap(root, child);
            root = child;
        }
    }
    let n = keys.len();
    for root in (0..n / 2).rev() {
        sift_down(keys, root, n);
    }
    for end in (1..n).rev() {
        keys.swap(0, end);
        sift_down(keys, 0, end);
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

    proptest::proptest! {
        #[test]
        fn sorts_stably_as_std_does(mut items in proptest::collection::vec((0u8..5, proptest::prelude::any::<u16>()), 0..60)) {
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            stable_sort(&mut items, |a, b| a.0 < b.0);
            proptest::prop_assert_eq!(items, expected);
        }

        #[test]
        fn sorts_keys_as_std_does(mut keys in proptest::collection::vec(proptest::prelude::any::<u64>(), 0..300)) {
            let mut expected = keys.clone();
            expected.sort_unstable();
            sort_keys(&mut keys);
            proptest::prop_assert_eq!(keys, expected);
        }
    }
}
