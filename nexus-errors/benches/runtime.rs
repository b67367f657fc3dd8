//! Run-time benches: `nexus-errors` against the hand-written baseline in `baseline/mod.rs`.
//!
//! `cargo bench -p nexus-errors --bench runtime` runs criterion on four workloads, each as
//! `ours` and `baseline` in the same run:
//!
//! - `from_response`: one real Nexus body per row of the table (built from `NexusError::ALL`),
//!   plus an unknown code, an empty body and a proxy's HTML page;
//! - `from_code`: lookup by code, every documented code plus unknown ones;
//! - `accessors`: `code()`, `status()` and `description()` of every variant;
//! - `display`: `write!` of every variant into a reused `String`;
//! - `shapes/<shape>`: the other body shapes (problem details, OAuth, flat with string codes),
//!   each against a hand-written reader for that shape alone (`shapes/mod.rs`).
//!
//! Then it prints one line per workload, `NAME: ours X ns, baseline Y ns, ratio R`, measured
//! with `Instant` in interleaved rounds (ours, baseline, baseline, ours, …) so that load from
//! other processes hits both sides alike; the ratio is the median of ours over the median of
//! the baseline. Options: criterion's (`cargo bench -p nexus-errors --bench runtime -- --help`).
//! The ratio lines follow what criterion measured, so its filter selects them too
//! (`… --bench runtime -- from_code`); `--test` (what `cargo test --benches` runs) and `--list`
//! print none. `NEXUS_BENCH_RATIOS=0` skips them.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use nexus_errors::{NexusError, ResponseError};

mod baseline;
mod shapes;

use baseline::BaselineError;

/// A failed response: status and body.
type Case = (u16, Vec<u8>);

/// One body per row, as the API sends it: `{"error":{"code":…,"message":<description>}}`,
/// without `code` for rows that have none.
fn row_bodies() -> Vec<Case> {
    NexusError::ALL
        .iter()
        .map(|row| {
            let mut inner = serde_json::Map::new();
            if let Some(code) = row.code() {
                inner.insert("code".into(), code.into());
            }
            inner.insert("message".into(), row.description().into());
            let body = serde_json::json!({ "error": inner });
            (
                row.status(),
                serde_json::to_vec(&body).expect("a JSON value serializes"),
            )
        })
        .collect()
}

/// Bodies no row matches: an unknown code, an empty body, a proxy's HTML page.
fn other_bodies() -> Vec<Case> {
    vec![
        (400, br#"{"error":{"code":4999,"message":"Something new went wrong."}}"#.to_vec()),
        (502, Vec::new()),
        (
            503,
            b"<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n".to_vec(),
        ),
    ]
}

/// The realistic mix: every row's body, then the three others.
fn mix() -> Vec<Case> {
    let mut cases = row_bodies();
    cases.extend(other_bodies());
    cases
}

/// Codes looked up: every documented code, then as many that are not documented.
const CODES: [i64; 12] = [
    4001, 4002, 4003, 4011, 4220, 4221, 4000, 4004, 4010, 4222, 4290, 5000,
];

// The workloads. Each is one unit of work over a slice; criterion and the ratio printer run
// the same functions.

fn ours_from_response(cases: &[Case]) {
    for (status, body) in cases {
        black_box(ResponseError::<NexusError>::from_response(
            *status,
            black_box(body.as_slice()),
        ));
    }
}

fn baseline_from_response(cases: &[Case]) {
    for (status, body) in cases {
        black_box(baseline::from_response(*status, black_box(body.as_slice())));
    }
}

fn ours_from_code(codes: &[i64]) {
    for &code in codes {
        black_box(NexusError::from_code(black_box(code)));
    }
}

fn baseline_from_code(codes: &[i64]) {
    for &code in codes {
        black_box(BaselineError::from_code(black_box(code)));
    }
}

fn ours_accessors(all: &[NexusError]) {
    for &error in all {
        let error = black_box(error);
        black_box((error.code(), error.status(), error.description()));
    }
}

fn baseline_accessors(all: &[BaselineError]) {
    for &error in all {
        let error = black_box(error);
        black_box((error.code(), error.status(), error.description()));
    }
}

fn ours_display(all: &[NexusError], out: &mut String) {
    for error in all {
        out.clear();
        write!(out, "{error}").expect("writing to a String never fails");
        black_box(out.as_str());
    }
}

fn baseline_display(all: &[BaselineError], out: &mut String) {
    for error in all {
        out.clear();
        write!(out, "{error}").expect("writing to a String never fails");
        black_box(out.as_str());
    }
}

/// Fails the run if the baseline no longer mirrors `spec/errors.toml`, or no longer reads the
/// mix the way `nexus-errors` does: the comparison would be of different work.
fn check_baseline_mirrors_the_spec() {
    assert_eq!(
        NexusError::ALL.len(),
        BaselineError::ALL.len(),
        "benches/baseline/mod.rs: one variant per row"
    );
    for (ours, theirs) in NexusError::ALL.iter().zip(BaselineError::ALL) {
        let theirs_name = format!("{theirs:?}");
        assert_eq!(
            ours.name(),
            theirs_name,
            "benches/baseline/mod.rs: rows in the spec's order"
        );
        assert_eq!(ours.code(), theirs.code(), "{theirs_name}: code");
        assert_eq!(ours.status(), theirs.status(), "{theirs_name}: status");
        assert_eq!(
            ours.description(),
            theirs.description(),
            "{theirs_name}: description"
        );
        assert_eq!(
            ours.to_string(),
            theirs.to_string(),
            "{theirs_name}: Display"
        );
        assert_eq!(
            NexusError::from_code(ours.code().unwrap_or(0)).map(|e| e.name().to_owned()),
            BaselineError::from_code(theirs.code().unwrap_or(0)).map(|e| format!("{e:?}")),
            "{theirs_name}: from_code"
        );
    }
    for (status, body) in mix() {
        let ours = ResponseError::<NexusError>::from_response(status, &body)
            .row()
            .map(|row| row.name().to_owned());
        let theirs = baseline::from_response(status, &body)
            .row
            .map(|row| format!("{row:?}"));
        assert_eq!(
            ours,
            theirs,
            "both sides classify {status} {}",
            String::from_utf8_lossy(&body)
        );
    }
}

/// Fails the run unless both sides read every body of every shape alike.
fn check_shapes_read_alike() {
    for shape in &shapes::SHAPES {
        for (status, body) in (shape.cases)() {
            let (ours, theirs) = (shape.compare)(status, &body);
            assert_eq!(
                ours,
                theirs,
                "{}: both sides read {status} {}",
                shape.name,
                String::from_utf8_lossy(&body)
            );
        }
    }
}

fn ours_shape(shape: &shapes::Shape, cases: &[Case]) {
    for (status, body) in cases {
        (shape.ours)(*status, black_box(body.as_slice()));
    }
}

fn baseline_shape(shape: &shapes::Shape, cases: &[Case]) {
    for (status, body) in cases {
        (shape.baseline)(*status, black_box(body.as_slice()));
    }
}

/// How often criterion called each workload's routines. Criterion's configuration (its filter,
/// `--exact`, `--ignored`, `--list`, `--test`) decides what it runs; the ratio printer reads
/// the outcome here instead of parsing criterion's command line a second time.
#[derive(Default)]
struct Calls(RefCell<BTreeMap<&'static str, u32>>);

impl Calls {
    fn note(&self, workload: &'static str) {
        *self.0.borrow_mut().entry(workload).or_default() += 1;
    }

    /// Whether criterion measured `workload`: `--test` calls each of its two routines once and
    /// `--list` neither, while a measurement calls them again for every warm-up step and sample.
    fn measured(&self, workload: &str) -> bool {
        self.0
            .borrow()
            .get(workload)
            .is_some_and(|&calls| calls > 2)
    }
}

fn criterion_benches(c: &mut Criterion, calls: &Calls) {
    let cases = mix();
    let mut group = c.benchmark_group("from_response");
    group.throughput(Throughput::Elements(cases.len() as u64));
    group.bench_function("ours", |b| {
        calls.note("from_response");
        b.iter(|| ours_from_response(&cases))
    });
    group.bench_function("baseline", |b| {
        calls.note("from_response");
        b.iter(|| baseline_from_response(&cases))
    });
    group.finish();

    for shape in &shapes::SHAPES {
        let cases = (shape.cases)();
        let mut group = c.benchmark_group(format!("shapes/{}", shape.name));
        group.throughput(Throughput::Elements(cases.len() as u64));
        group.bench_function("ours", |b| {
            calls.note(shape.name);
            b.iter(|| ours_shape(shape, &cases))
        });
        group.bench_function("baseline", |b| {
            calls.note(shape.name);
            b.iter(|| baseline_shape(shape, &cases))
        });
        group.finish();
    }

    let mut group = c.benchmark_group("from_code");
    group.throughput(Throughput::Elements(CODES.len() as u64));
    group.bench_function("ours", |b| {
        calls.note("from_code");
        b.iter(|| ours_from_code(black_box(&CODES)))
    });
    group.bench_function("baseline", |b| {
        calls.note("from_code");
        b.iter(|| baseline_from_code(black_box(&CODES)))
    });
    group.finish();

    let mut group = c.benchmark_group("accessors");
    group.throughput(Throughput::Elements(NexusError::ALL.len() as u64));
    group.bench_function("ours", |b| {
        calls.note("accessors");
        b.iter(|| ours_accessors(black_box(NexusError::ALL)))
    });
    group.bench_function("baseline", |b| {
        calls.note("accessors");
        b.iter(|| baseline_accessors(black_box(&BaselineError::ALL)))
    });
    group.finish();

    let mut group = c.benchmark_group("display");
    group.throughput(Throughput::Elements(NexusError::ALL.len() as u64));
    let mut out = String::with_capacity(256);
    group.bench_function("ours", |b| {
        calls.note("display");
        b.iter(|| ours_display(black_box(NexusError::ALL), &mut out))
    });
    group.bench_function("baseline", |b| {
        calls.note("display");
        b.iter(|| baseline_display(black_box(&BaselineError::ALL), &mut out))
    });
    group.finish();
}

// The ratio printer.

/// How long one timed sample lasts, and how many samples each side gets.
const SAMPLE: Duration = Duration::from_millis(20);
const ROUNDS: usize = 31;

/// Times `iterations` calls of `f`.
fn sample<F: FnMut()>(f: &mut F, iterations: u64) -> Duration {
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    start.elapsed()
}

/// How many calls of `f` take about `SAMPLE`.
fn calibrate<F: FnMut()>(f: &mut F) -> u64 {
    let mut iterations = 1;
    loop {
        let took = sample(f, iterations);
        if took >= SAMPLE / 10 {
            let per_call = took.as_secs_f64() / iterations as f64;
            return ((SAMPLE.as_secs_f64() / per_call) as u64).max(1);
        }
        iterations *= 2;
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// Nanoseconds per operation of `ours` and `baseline`, each called with `ops` operations per
/// call, in interleaved rounds; then one line with the medians, the ratio and the goal.
fn compare<A: FnMut(), B: FnMut()>(
    name: &str,
    ops: usize,
    goal: Option<f64>,
    mut ours: A,
    mut baseline: B,
) {
    let ours_iterations = calibrate(&mut ours);
    let baseline_iterations = calibrate(&mut baseline);
    let per_op = |took: Duration, iterations: u64| {
        took.as_secs_f64() * 1e9 / (iterations as f64 * ops as f64)
    };
    let (mut ours_ns, mut baseline_ns, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let (o, b) = if round % 2 == 0 {
            let o = sample(&mut ours, ours_iterations);
            (o, sample(&mut baseline, baseline_iterations))
        } else {
            let b = sample(&mut baseline, baseline_iterations);
            (sample(&mut ours, ours_iterations), b)
        };
        let (o, b) = (per_op(o, ours_iterations), per_op(b, baseline_iterations));
        ours_ns.push(o);
        baseline_ns.push(b);
        ratios.push(o / b);
    }
    let (o, b) = (median(&mut ours_ns), median(&mut baseline_ns));
    let ratio = o / b;
    ratios.sort_by(f64::total_cmp);
    let verdict = match goal {
        Some(goal) if ratio <= goal => format!(", goal <= {goal:.2}: met"),
        Some(goal) => format!(", goal <= {goal:.2}: NOT MET"),
        None => String::new(),
    };
    println!(
        "{name}: ours {o:.2} ns, baseline {b:.2} ns, ratio {ratio:.2} (per-round ratios, IQR {:.2}..{:.2}){verdict}",
        quantile(&ratios, 0.25),
        quantile(&ratios, 0.75),
    );
}

fn print_ratios(calls: &Calls) {
    let wanted = |workload: &str| calls.measured(workload);
    if !["from_response", "from_code", "accessors", "display"]
        .iter()
        .chain(shapes::SHAPES.iter().map(|shape| &shape.name))
        .any(|workload| wanted(workload))
    {
        return;
    }
    println!(
        "\nratios, ours / hand-written baseline ({ROUNDS} interleaved rounds of ~{SAMPLE:?} per side, medians):"
    );

    let cases = mix();
    if wanted("from_response") {
        compare(
            "from_response",
            cases.len(),
            Some(0.7),
            || ours_from_response(&cases),
            || baseline_from_response(&cases),
        );
        // Where the time goes, by kind of body (no goal: for reading a profile).
        let rows = row_bodies();
        let others = other_bodies();
        compare(
            "from_response[row bodies]",
            rows.len(),
            None,
            || ours_from_response(&rows),
            || baseline_from_response(&rows),
        );
        for (label, case) in ["unknown code", "empty", "html"].iter().zip(&others) {
            let one = std::slice::from_ref(case);
            compare(
                &format!("from_response[{label}]"),
                1,
                None,
                || ours_from_response(one),
                || baseline_from_response(one),
            );
        }
    }
    for shape in &shapes::SHAPES {
        if wanted(shape.name) {
            let cases = (shape.cases)();
            compare(
                &format!("shapes/{}", shape.name),
                cases.len(),
                Some(0.7),
                || ours_shape(shape, &cases),
                || baseline_shape(shape, &cases),
            );
        }
    }
    if wanted("from_code") {
        compare(
            "from_code",
            CODES.len(),
            Some(1.05),
            || ours_from_code(black_box(&CODES)),
            || baseline_from_code(black_box(&CODES)),
        );
    }
    if wanted("accessors") {
        compare(
            "accessors",
            NexusError::COUNT,
            Some(1.05),
            || ours_accessors(black_box(NexusError::ALL)),
            || baseline_accessors(black_box(&BaselineError::ALL)),
        );
    }
    if wanted("display") {
        let mut ours_out = String::with_capacity(256);
        let mut baseline_out = String::with_capacity(256);
        compare(
            "display",
            NexusError::COUNT,
            None, // the goal is no allocation: tests/allocations.rs
            || ours_display(black_box(NexusError::ALL), &mut ours_out),
            || baseline_display(black_box(&BaselineError::ALL), &mut baseline_out),
        );
    }
}

fn main() {
    check_baseline_mirrors_the_spec();
    check_shapes_read_alike();
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let calls = Calls::default();
    criterion_benches(&mut criterion, &calls);
    criterion.final_summary();
    if std::env::var_os("NEXUS_BENCH_RATIOS").is_none_or(|v| v != "0") {
        print_ratios(&calls);
    }
}
