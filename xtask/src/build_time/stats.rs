//! Medians, spread and load: the statistics the report is made of.

/// The median; `None` for no values.
pub fn median(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        n if n % 2 == 1 => Some(sorted[mid]),
        _ => Some((sorted[mid - 1] + sorted[mid]) / 2.0),
    }
}

/// (slowest - fastest) / median: how far apart the runs of one side are, relative to it.
pub fn spread(values: &[f64]) -> f64 {
    let Some(median) = median(values).filter(|&m| m > 0.0) else {
        return 0.0;
    };
    let max = values.iter().copied().fold(f64::MIN, f64::max);
    let min = values.iter().copied().fold(f64::MAX, f64::min);
    (max - min) / median
}

/// The share of load samples that saw another build's rustc.
pub fn busy_share(samples: &[usize]) -> f64 {
    if samples.is_empty() {
        return 0.0;
    }
    samples.iter().filter(|&&foreign| foreign > 0).count() as f64 / samples.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_even_and_no_values() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[7.0]), Some(7.0));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn spread_is_relative_to_the_median() {
        assert_eq!(spread(&[1.0, 2.0, 3.0]), 1.0);
        assert_eq!(spread(&[2.0]), 0.0);
        assert_eq!(spread(&[]), 0.0);
    }

    #[test]
    fn busy_share_counts_samples_with_any_foreign_rustc() {
        assert_eq!(busy_share(&[0, 2, 0, 1]), 0.5);
        assert_eq!(busy_share(&[]), 0.0);
    }
}
