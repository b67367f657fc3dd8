//! The report: one table of medians, ratios and goals, the growth of the synthetic tables,
//! the steps' notes, and which figures are noisy.

use std::fmt::Write as _;

/// Runs spread wider than this, or load seen in more of the samples, make a step noisy.
const NOISY_SPREAD: f64 = 0.25;
const NOISY_LOAD: f64 = 0.10;

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

impl Measured {
    pub fn new(label: &str, ours: Vec<f64>, baseline: Vec<f64>, load: f64) -> Measured {
        let label = label.to_owned();
        Measured {
            label,
            ours,
            baseline,
            load,
            ..Measured::default()
        }
    }
}

pub fn render(steps: &[Measured]) -> String {
    let mut out = format!(
        "{:<36} {:>9} {:>11} {:>6}  {:<8} {:<4} {:>6} {:>5}\n",
        "step", "ours s", "baseline s", "ratio", "goal", "met", "spread", "load"
    );
    let mut noisy = Vec::new();
    for step in steps {
        let (ours, baseline) = (median(&step.ours), median(&step.baseline));
        let ratio = ours / baseline;
        let met = step.goal.map_or("", |goal| yes_or_no(ratio <= goal));
        let goal = step.goal.map_or(String::new(), |goal| format!("<= {goal}"));
        let [baseline, ratio] = [baseline, ratio].map(|x| match baseline {
            0.0 => "-".to_owned(),
            _ => format!("{x:.2}"),
        });
        let spread = spread(&step.ours).max(spread(&step.baseline));
        let (label, load) = (&step.label, percent(step.load));
        let _ = writeln!(
            out,
            "{label:<36} {ours:>9.2} {baseline:>11} {ratio:>6}  {goal:<8} {met:<4} {:>6} {load:>5}",
            percent(spread)
        );
        if spread > NOISY_SPREAD || step.load > NOISY_LOAD {
            noisy.push(label.as_str());
        }
    }
    // Growth goal: 10 times the rows in at most 12 times the time.
    let tables: Vec<_> = steps.iter().filter_map(|s| Some((s.rows?, s))).collect();
    out.push_str(if tables.len() > 1 { "\n" } else { "" });
    for pair in tables.windows(2) {
        let [(small, smaller), (large, larger)] = pair else {
            continue;
        };
        let factor = *large as f64 / *small as f64;
        let goal = 12.0 * factor / 10.0;
        let sides = [
            ("ours", &smaller.ours, &larger.ours),
            ("baseline", &smaller.baseline, &larger.baseline),
        ];
        for (side, before, after) in sides {
            let growth = median(after) / median(before);
            let met = yes_or_no(growth <= goal);
            let _ = writeln!(
                out,
                "growth {side:<8} {small:>6} -> {large:<6} rows ({factor}x): time x{growth:.2}  \
                 (goal <= x{goal}: {met})",
            );
        }
    }
    for note in steps.iter().filter_map(|step| step.note.as_ref()) {
        let _ = writeln!(out, "\n{note}");
    }
    out.push_str(
        "\nspread = (slowest - fastest) / median of the runs, of the side that spread more;\n\
         load = share of one-second samples during the step in which another build's rustc was \
         running.\n",
    );
    if !noisy.is_empty() {
        let (noisy, load, spread) = (noisy.join("; "), percent(NOISY_LOAD), percent(NOISY_SPREAD));
        let _ = writeln!(
            out,
            "NOISY: {noisy}: other builds ran (load > {load}) or runs spread > {spread}; re-run \
             for firm figures."
        );
    }
    out
}

fn yes_or_no(met: bool) -> &'static str {
    if met { "yes" } else { "NO" }
}

/// The median; 0 for no values.
fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// (slowest - fastest) / median: how far apart the runs of one side are, relative to it.
fn spread(values: &[f64]) -> f64 {
    let max = values.iter().copied().fold(f64::MIN, f64::max);
    let min = values.iter().copied().fold(f64::MAX, f64::min);
    let median = median(values);
    if median > 0.0 {
        (max - min) / median
    } else {
        0.0
    }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(label: &str, rows: Option<usize>, ours: &[f64], baseline: &[f64]) -> Measured {
        let measured = Measured::new(label, ours.to_vec(), baseline.to_vec(), 0.0);
        Measured { rows, ..measured }
    }

    #[test]
    fn medians_and_spreads() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median(&[]), 0.0);
        assert_eq!(spread(&[1.0, 2.0, 3.0]), 1.0);
        assert_eq!(spread(&[2.0]), 0.0);
        assert_eq!(spread(&[]), 0.0);
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
        let (scratch, rebuild) = (
            Measured {
                goal: Some(1.3),
                ..scratch
            },
            Measured {
                goal: Some(1.2),
                load: 0.5,
                ..rebuild
            },
        );
        let report = render(&[scratch, rebuild, large]);
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
            step("synthetic table, 10000 rows", Some(10_000), &[5.5], &[18.6]),
        ];
        let report = render(&steps);
        for line in [
            "growth ours        100 -> 1000   rows (10x): time x2.50  (goal <= x12: yes)",
            "growth baseline    100 -> 1000   rows (10x): time x6.00  (goal <= x12: yes)",
            "growth ours       1000 -> 10000  rows (10x): time x11.00  (goal <= x12: yes)",
            "growth baseline   1000 -> 10000  rows (10x): time x31.00  (goal <= x12: NO)",
        ] {
            assert!(report.contains(&format!("{line}\n")), "{line}\n{report}");
        }
        assert!(!report.contains("NOISY"));
    }
}
