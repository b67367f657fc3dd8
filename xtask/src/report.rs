//! The report: one table of medians, ratios and goals, the growth of the synthetic tables,
//! the steps' notes, and which figures are noisy.

use std::fmt::Write as _;

/// Runs spread wider than this, or load seen in more of the samples, make a step noisy.
const NOISY_SPREAD: f64 = 0.25;
const NOISY_LOAD: f64 = 0.10;

/// Growth goal: 10x the rows in at most 12x the time (scaled for other size ratios).
const GROWTH_GOAL_PER_10X: f64 = 12.0;

/// One step's runs: seconds per run of each side (no baseline for the 10 MB spec).
#[derive(Default)]
pub struct Measured {
    pub label: String,
    /// Ratio ours/baseline to stay under, if the step has one.
    pub goal: Option<f64>,
    /// Rows of a synthetic table.
    pub rows: Option<usize>,
    pub ours: Vec<f64>,
    pub baseline: Vec<f64>,
    /// Share of the load samples that saw another build's rustc.
    pub load: f64,
    /// A line of its own under the table.
    pub note: Option<String>,
}

pub fn render(steps: &[Measured]) -> String {
    let mut out = format!(
        "{:<36} {:>9} {:>11} {:>6}  {:<8} {:<4} {:>6} {:>5}\n",
        "step", "ours s", "baseline s", "ratio", "goal", "met", "spread", "load"
    );
    let mut noisy = Vec::new();
    for step in steps {
        let ours = median(&step.ours);
        let (baseline, ratio, goal, met) = match median(&step.baseline) {
            0.0 => ("-".to_owned(), "-".to_owned(), String::new(), ""),
            baseline => {
                let ratio = ours / baseline;
                let met = step
                    .goal
                    .map_or("", |goal| if ratio <= goal { "yes" } else { "NO" });
                let goal = step.goal.map_or(String::new(), |goal| format!("<= {goal}"));
                (format!("{baseline:.2}"), format!("{ratio:.2}"), goal, met)
            }
        };
        let spread = spread(&step.ours).max(spread(&step.baseline));
        let (label, load) = (&step.label, step.load);
        let _ = writeln!(
            out,
            "{label:<36} {ours:>9.2} {baseline:>11} {ratio:>6}  {goal:<8} {met:<4} {:>6} {:>5}",
            percent(spread),
            percent(load)
        );
        if spread > NOISY_SPREAD || load > NOISY_LOAD {
            noisy.push(label.as_str());
        }
    }
    let tables: Vec<_> = steps.iter().filter_map(|s| Some((s.rows?, s))).collect();
    if tables.len() > 1 {
        out.push('\n');
    }
    for pair in tables.windows(2) {
        let [(small, smaller), (large, larger)] = pair else {
            unreachable!()
        };
        let factor = *large as f64 / *small as f64;
        let goal = GROWTH_GOAL_PER_10X * factor / 10.0;
        let sides = [
            ("ours", &smaller.ours, &larger.ours),
            ("baseline", &smaller.baseline, &larger.baseline),
        ];
        for (side, before, after) in sides {
            let growth = median(after) / median(before);
            let met = if growth <= goal { "yes" } else { "NO" };
            let _ = writeln!(
                out,
                "growth {side:<8} {small:>6} -> {large:<6} rows ({}x): time x{growth:.2}  (goal <= x{}: {met})",
                trimmed(factor),
                trimmed(goal),
            );
        }
    }
    for note in steps.iter().filter_map(|step| step.note.as_ref()) {
        let _ = writeln!(out, "\n{note}");
    }
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
    out
}

/// The median; 0 for no values.
fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[mid],
        _ => (sorted[mid - 1] + sorted[mid]) / 2.0,
    }
}

/// (slowest - fastest) / median: how far apart the runs of one side are, relative to it.
fn spread(values: &[f64]) -> f64 {
    let max = values.iter().copied().fold(f64::MIN, f64::max);
    let min = values.iter().copied().fold(f64::MAX, f64::min);
    match median(values) {
        m if m > 0.0 => (max - min) / m,
        _ => 0.0,
    }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// Up to three decimals, without trailing zeros: `10`, `1.2`, `0.125`.
fn trimmed(x: f64) -> String {
    format!("{x:.3}")
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(label: &str, rows: Option<usize>, ours: &[f64], baseline: &[f64]) -> Measured {
        let (label, ours, baseline) = (label.to_owned(), ours.to_vec(), baseline.to_vec());
        Measured {
            label,
            rows,
            ours,
            baseline,
            ..Measured::default()
        }
    }

    #[test]
    fn medians_spreads_and_trimmed_numbers() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&[]), 0.0);
        assert_eq!(spread(&[1.0, 2.0, 3.0]), 1.0);
        assert_eq!(spread(&[2.0]), 0.0);
        assert_eq!(spread(&[]), 0.0);
        assert_eq!(
            [12.0, 2.5, 0.125, 3.0000001].map(trimmed),
            ["12", "2.5", "0.125", "3"]
        );
    }

    #[test]
    fn table_has_medians_ratios_goals_and_flags() {
        let scratch = step(
            "cold build, from scratch",
            None,
            &[7.0, 6.8, 6.9],
            &[5.9, 6.0, 5.8],
        );
        let rebuild = step(
            "rebuild after a one-row edit",
            None,
            &[0.3, 0.2],
            &[0.2, 0.2],
        );
        let mut large = step("10 MB spec, time to the error", None, &[2.0, 2.2, 2.1], &[]);
        large.note = Some("10 MB spec: peak memory 512 MiB".to_owned());
        let steps = [
            Measured {
                goal: Some(1.3),
                ..scratch
            },
            Measured {
                goal: Some(1.2),
                load: 0.5,
                ..rebuild
            },
            large,
        ];
        let report = render(&steps);
        // 6.9 / 5.9 = 1.17, spread (6.0 - 5.8) / 5.9 = 3%; 0.25 / 0.2 = 1.25, 0.1 / 0.25 = 40%.
        assert_eq!(
            report.lines().take(4).collect::<Vec<_>>(),
            [
                "step                                    ours s  baseline s  ratio  goal     met  spread  load",
                "cold build, from scratch                  6.90        5.90   1.17  <= 1.3   yes      3%    0%",
                "rebuild after a one-row edit              0.25        0.20   1.25  <= 1.2   NO      40%   50%",
                "10 MB spec, time to the error             2.10           -      -                   10%    0%",
            ]
        );
        assert!(
            report.contains("\n\n10 MB spec: peak memory 512 MiB\n"),
            "{report}"
        );
        assert!(report.ends_with("NOISY: rebuild after a one-row edit: other builds ran (load > 10%) or runs spread > 25%; re-run for firm figures.\n"));
    }

    #[test]
    fn growth_is_checked_per_side_between_consecutive_sizes() {
        let steps = [
            step("synthetic table, 100 rows", Some(100), &[0.2], &[0.1]),
            step("synthetic table, 1000 rows", Some(1_000), &[0.5], &[0.6]),
            step("synthetic table, 2500 rows", Some(2_500), &[1.0], &[2.4]),
        ];
        let report = render(&steps);
        for line in [
            "growth ours        100 -> 1000   rows (10x): time x2.50  (goal <= x12: yes)",
            "growth baseline    100 -> 1000   rows (10x): time x6.00  (goal <= x12: yes)",
            // 2.5 times the rows: the goal is 12 * 2.5 / 10 = x3.
            "growth ours       1000 -> 2500   rows (2.5x): time x2.00  (goal <= x3: yes)",
            "growth baseline   1000 -> 2500   rows (2.5x): time x4.00  (goal <= x3: NO)",
        ] {
            assert!(report.contains(&format!("{line}\n")), "{line}\n{report}");
        }
        assert!(!report.contains("NOISY"));
    }
}
