//! The report: one table of medians, ratios and goals, the growth of the synthetic tables,
//! the 10 MB spec, and which figures are noisy.

use std::fmt::Write as _;

use super::stats::{median, spread};

/// Runs spread wider than this, or load seen in more of the samples, make a step noisy.
const NOISY_SPREAD: f64 = 0.25;
const NOISY_LOAD: f64 = 0.10;

/// Growth goal: 10x the rows in at most 12x the time (scaled for other size ratios).
const GROWTH_GOAL_PER_10X: f64 = 12.0;

/// One step's runs on both sides.
pub struct PairResult {
    pub label: String,
    /// Ratio ours/baseline to stay under, if the step has one.
    pub goal: Option<f64>,
    /// Rows of a synthetic table.
    pub rows: Option<usize>,
    pub ours: Vec<f64>,
    pub baseline: Vec<f64>,
    /// Share of the load samples that saw another build's rustc.
    pub load: f64,
}

/// The 10 MB spec's runs (ours only).
pub struct LargeSpecResult {
    pub times: Vec<f64>,
    /// Peak resident set of the largest process, per run, when GNU time measured it.
    pub max_rss_kib: Vec<u64>,
    pub spec_bytes: usize,
    /// Bytes cargo printed on stderr for the failed build (the diagnostic, bounded).
    pub diagnostic_bytes: usize,
    pub load: f64,
}

pub fn render(pairs: &[PairResult], large: Option<&LargeSpecResult>) -> String {
    let mut out = String::new();
    let mut noisy = Vec::new();
    let _ = writeln!(
        out,
        "{:<36} {:>9} {:>11} {:>6}  {:<8} {:<4} {:>6} {:>5}",
        "step", "ours s", "baseline s", "ratio", "goal", "met", "spread", "load"
    );
    for pair in pairs {
        let (ours, baseline) = (
            median(&pair.ours).unwrap_or(0.0),
            median(&pair.baseline).unwrap_or(0.0),
        );
        let ratio = ours / baseline;
        let (goal, met) = match pair.goal {
            Some(goal) => (
                format!("<= {goal}"),
                if ratio <= goal { "yes" } else { "NO" },
            ),
            None => (String::new(), ""),
        };
        let spread = spread(&pair.ours).max(spread(&pair.baseline));
        let _ = writeln!(
            out,
            "{:<36} {ours:>9.2} {baseline:>11.2} {ratio:>6.2}  {goal:<8} {met:<4} {:>6} {:>5}",
            pair.label,
            percent(spread),
            percent(pair.load)
        );
        if spread > NOISY_SPREAD || pair.load > NOISY_LOAD {
            noisy.push(pair.label.clone());
        }
    }
    if let Some(large) = large {
        let label = "10 MB spec, time to the error";
        let (time, spread) = (median(&large.times).unwrap_or(0.0), spread(&large.times));
        let _ = writeln!(
            out,
            "{label:<36} {time:>9.2} {:>11} {:>6}  {:<8} {:<4} {:>6} {:>5}",
            "-",
            "-",
            "",
            "",
            percent(spread),
            percent(large.load)
        );
        if spread > NOISY_SPREAD || large.load > NOISY_LOAD {
            noisy.push(label.to_owned());
        }
    }
    growth(&mut out, pairs);
    if let Some(large) = large {
        large_spec(&mut out, large);
    }
    notes(&mut out, &noisy);
    out
}

/// Time growth between consecutive synthetic sizes, each side against the goal.
fn growth(out: &mut String, pairs: &[PairResult]) {
    let tables: Vec<(usize, &PairResult)> =
        pairs.iter().filter_map(|p| Some((p.rows?, p))).collect();
    if tables.len() > 1 {
        out.push('\n');
    }
    for window in tables.windows(2) {
        let [(small, smaller), (large, larger)] = window else {
            continue;
        };
        for (side, before, after) in [
            ("ours", &smaller.ours, &larger.ours),
            ("baseline", &smaller.baseline, &larger.baseline),
        ] {
            let (before, after) = (median(before).unwrap_or(0.0), median(after).unwrap_or(0.0));
            let factor = *large as f64 / *small as f64;
            let goal = GROWTH_GOAL_PER_10X * factor / 10.0;
            let growth = after / before;
            let met = if growth <= goal { "yes" } else { "NO" };
            let _ = writeln!(
                out,
                "growth {side:<8} {small:>6} -> {large:<6} rows ({factor:.3}x): time x{growth:.2}  (goal <= x{goal:.3}: {met})",
                factor = Trimmed(factor),
                goal = Trimmed(goal),
            );
        }
    }
}

fn large_spec(out: &mut String, large: &LargeSpecResult) {
    let memory = match large.max_rss_kib.iter().max() {
        Some(&kib) => format!(
            "peak memory {:.0} MiB (largest resident set of one process, GNU time)",
            kib as f64 / 1024.0
        ),
        None => "peak memory not measured (no GNU time at /usr/bin/time)".to_owned(),
    };
    let _ = writeln!(
        out,
        "\n10 MB spec ({} bytes, {} run{}): the expected compile error, {} bytes on stderr; {memory}",
        large.spec_bytes,
        large.times.len(),
        if large.times.len() == 1 { "" } else { "s" },
        large.diagnostic_bytes,
    );
}

fn notes(out: &mut String, noisy: &[String]) {
    out.push_str(
        "\nspread = (slowest - fastest) / median of the runs, of the side that spread more;\n\
         load = share of one-second samples during the step in which another build's rustc was running.\n",
    );
    if !noisy.is_empty() {
        let _ = writeln!(
            out,
            "NOISY: {}: other builds ran (load > {}) or runs spread > {}; re-run for firm figures.",
            noisy.join("; "),
            percent(NOISY_LOAD),
            percent(NOISY_SPREAD)
        );
    }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// A number without trailing zeros: `10`, `1.2`, `0.125`.
struct Trimmed(f64);

impl std::fmt::Display for Trimmed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = format!("{:.*}", f.precision().unwrap_or(3), self.0);
        let text = if text.contains('.') {
            text.trim_end_matches('0').trim_end_matches('.')
        } else {
            &text
        };
        f.write_str(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(
        label: &str,
        goal: Option<f64>,
        rows: Option<usize>,
        ours: &[f64],
        baseline: &[f64],
        load: f64,
    ) -> PairResult {
        PairResult {
            label: label.to_owned(),
            goal,
            rows,
            ours: ours.to_vec(),
            baseline: baseline.to_vec(),
            load,
        }
    }

    #[test]
    fn table_has_medians_ratios_goals_and_flags() {
        let pairs = [
            pair(
                "cold build, from scratch",
                Some(1.3),
                None,
                &[7.0, 6.8, 6.9],
                &[5.9, 6.0, 5.8],
                0.0,
            ),
            pair(
                "rebuild after a one-row edit",
                Some(1.2),
                None,
                &[0.3, 0.2],
                &[0.2, 0.2],
                0.5,
            ),
        ];
        let report = render(&pairs, None);
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(
            lines[0],
            "step                                    ours s  baseline s  ratio  goal     met  spread  load"
        );
        assert_eq!(
            lines[1],
            "cold build, from scratch                  6.90        5.90   1.17  <= 1.3   yes      3%    0%"
        );
        assert_eq!(
            lines[2],
            "rebuild after a one-row edit              0.25        0.20   1.25  <= 1.2   NO      40%   50%"
        );
        assert!(report.ends_with("NOISY: rebuild after a one-row edit: other builds ran (load > 10%) or runs spread > 25%; re-run for firm figures.\n"));
    }

    #[test]
    fn growth_is_checked_per_side_between_consecutive_sizes() {
        let pairs = [
            pair(
                "synthetic table, 100 rows",
                None,
                Some(100),
                &[0.2],
                &[0.1],
                0.0,
            ),
            pair(
                "synthetic table, 1000 rows",
                None,
                Some(1_000),
                &[0.5],
                &[0.6],
                0.0,
            ),
            pair(
                "synthetic table, 10000 rows",
                None,
                Some(10_000),
                &[5.5],
                &[18.6],
                0.0,
            ),
        ];
        let report = render(&pairs, None);
        assert!(report.contains(
            "growth ours        100 -> 1000   rows (10x): time x2.50  (goal <= x12: yes)\n"
        ));
        assert!(report.contains(
            "growth baseline   1000 -> 10000  rows (10x): time x31.00  (goal <= x12: NO)\n"
        ));
        assert!(!report.contains("NOISY"));
    }

    #[test]
    fn growth_goal_scales_with_the_size_ratio() {
        let pairs = [
            pair(
                "synthetic table, 100 rows",
                None,
                Some(100),
                &[1.0],
                &[1.0],
                0.0,
            ),
            pair(
                "synthetic table, 250 rows",
                None,
                Some(250),
                &[2.0],
                &[4.0],
                0.0,
            ),
        ];
        let report = render(&pairs, None);
        assert!(
            report.contains("100 -> 250    rows (2.5x): time x2.00  (goal <= x3: yes)"),
            "{report}"
        );
        assert!(report.contains("(goal <= x3: NO)"), "{report}");
    }

    #[test]
    fn large_spec_has_its_row_and_its_memory() {
        let large = LargeSpecResult {
            times: vec![2.0, 2.2, 2.1],
            max_rss_kib: vec![500_000, 524_288],
            spec_bytes: 10_160_000,
            diagnostic_bytes: 420,
            load: 0.0,
        };
        let report = render(&[], Some(&large));
        assert!(report.contains(
            "10 MB spec, time to the error             2.10           -      -                   10%    0%\n"
        ), "{report}");
        assert!(report.contains(
            "10 MB spec (10160000 bytes, 3 runs): the expected compile error, 420 bytes on stderr; \
             peak memory 512 MiB (largest resident set of one process, GNU time)"
        ));
        let unmeasured = LargeSpecResult {
            max_rss_kib: Vec::new(),
            ..large
        };
        assert!(render(&[], Some(&unmeasured)).contains("peak memory not measured"));
    }

    #[test]
    fn trimmed_numbers() {
        assert_eq!(format!("{}", Trimmed(12.0)), "12");
        assert_eq!(format!("{:.3}", Trimmed(2.5)), "2.5");
        assert_eq!(format!("{:.3}", Trimmed(1.2)), "1.2");
    }
}
