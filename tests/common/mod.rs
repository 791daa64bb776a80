//! What the integration tests share: the one tolerance helper, on the `approx` crate.

/// Fails with `what`, the value, the expectation and the tolerance unless
/// |actual − expected| ≤ tolerance (an absolute tolerance in the quantity's own unit).
#[track_caller]
pub(crate) fn assert_close(actual: f64, expected: f64, tolerance: f64, what: &str) {
    assert!(
        approx::abs_diff_eq!(actual, expected, epsilon = tolerance),
        "{what}: {actual} is not {expected} ± {tolerance}"
    );
}
