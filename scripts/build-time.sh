#!/usr/bin/env bash
# Compile-time harness for nexus-errors: run on demand (it takes 10-20 minutes), not in CI.
#
#   scripts/build-time.sh            # everything, default run counts
#   RUNS=3 SIZES="100 1000" scripts/build-time.sh
#   RUNS_SYNTH_LARGE=3 scripts/build-time.sh   # 3 runs (not 1) of the 10,000-row tables
#   KEEP=1 scripts/build-time.sh     # keep the temp dir (projects, times as JSON, load samples)
#   TIMER=hyperfine scripts/build-time.sh      # time with hyperfine instead (see below)
#
# Side by side in one run, each in a temp dir, with `cargo build` (dev profile) and wall-clock
# times of repeated runs, medians and ratios ours/baseline:
#
#   1. cold build, from scratch: a small downstream crate using nexus-errors (by path, from a
#      snapshot of this workspace) against the same crate written by hand with thiserror
#      (nexus-errors/benches/baseline/mod.rs), each in an empty target dir, dependencies included;
#   2. cold build of the downstream crate alone, every dependency prebuilt in one shared target dir;
#   3. rebuild after a one-row edit: the same description changed in the spec, and by hand in
#      the baseline (every place the text appears), alternately back and forth;
#   4. synthetic tables of SIZES rows: expansion plus compile of `#[error_table]` on a generated
#      spec against equivalent hand-written code (thiserror enum, ALL, name, code, status,
#      status_text, description, from_code, with_status, from_name), dependencies prebuilt.
#
# Goals: cold build <= 1.3x, rebuild after an edit <= 1.2x, 10x the rows <= 12x the time.
# Other builds on the machine skew the figures: the script samples, once a second, whether a
# rustc that is not its own is running, and flags steps with such load or widely spread runs.
# TIMER=hyperfine uses hyperfine (all runs of one side, then the other) instead of the
# default interleaved runs.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-}                                  # overrides every count below when set
RUNS_SCRATCH=${RUNS:-${RUNS_SCRATCH:-3}}
RUNS_COLD=${RUNS:-${RUNS_COLD:-7}}
RUNS_REBUILD=${RUNS:-${RUNS_REBUILD:-10}}
RUNS_SYNTH=${RUNS:-${RUNS_SYNTH:-5}}
RUNS_SYNTH_LARGE=${RUNS_SYNTH_LARGE:-1}       # tables of 10,000 rows and more: minutes a build
SIZES=${SIZES:-100 1000 10000}

for tool in cargo python3; do
  command -v "$tool" >/dev/null || { echo "build-time.sh: needs $tool" >&2; exit 1; }
done
HYPERFINE=$(command -v hyperfine || true)
# interleaved (default): this script alternates the two sides run by run;
# hyperfine: all runs of one side, then all of the other (needs hyperfine).
TIMER=${TIMER:-interleaved}
case $TIMER in
  interleaved) ;;
  hyperfine) [ -n "$HYPERFINE" ] || { echo "build-time.sh: TIMER=hyperfine, but hyperfine is not installed" >&2; exit 1; } ;;
  *) echo "build-time.sh: TIMER is interleaved or hyperfine" >&2; exit 1 ;;
esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nexus-build-time.XXXXXX")
SAMPLER=
cleanup() {
  [ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null || true
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
RESULTS="$WORK/results.tsv"
: >"$RESULTS"
SHARED="$WORK/target-shared"
# Builds here must not pick up settings meant for the workspace's own target dir.
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR RUSTC_WRAPPER CARGO_BUILD_RUSTC_WRAPPER CARGO_INCREMENTAL RUSTFLAGS
export CARGO_TERM_COLOR=never

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Every process this run starts carries this marker in its environment.
export NEXUS_BUILD_TIME_RUN="$WORK"
# rustc processes that are not this run's: another build skews every figure.
foreign_rustc() {
  local n=0 pid
  for pid in $(pgrep -x rustc 2>/dev/null || true); do
    grep -qxz "NEXUS_BUILD_TIME_RUN=$WORK" "/proc/$pid/environ" 2>/dev/null || n=$((n + 1))
  done
  echo "$n"
}

# --- The projects ------------------------------------------------------------------------------

log "snapshot of $ROOT (so edits made there during the run change nothing here)"
mkdir -p "$WORK/snapshot"
tar -C "$ROOT" --exclude=./target --exclude=./.git -cf - . | tar -C "$WORK/snapshot" -xf -
SNAP="$WORK/snapshot"

manifest() { # NAME DEPENDENCIES...
  local name=$1
  shift
  printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n[dependencies]\n' "$name"
  printf '%s\n' "$@"
  printf '\n[workspace]\n'
}

OURS_DEPS=("nexus-errors = { path = \"$SNAP/nexus-errors\" }")
BASE_DEPS=('thiserror = "2.0.21"' 'serde = { version = "1.0.229", features = ["derive"] }' 'serde_json = "1.0.154"')

new_ours() { # DIR NAME: a crate with spec/errors.toml and the attribute
  mkdir -p "$1/src" "$1/spec"
  manifest "$2" "${OURS_DEPS[@]}" >"$1/Cargo.toml"
  cat >"$1/src/lib.rs" <<'EOF'
//! A downstream crate: the error table from its own spec, through nexus-errors.

/// The API's errors, generated from `spec/errors.toml`.
#[nexus_errors::error_table(path = "spec/errors.toml")]
pub enum ApiError {}

/// Reads a failed response.
pub fn from_response(status: u16, body: &[u8]) -> nexus_errors::ResponseError<ApiError> {
    ApiError::from_response(status, body)
}
EOF
  cp "$ROOT/Cargo.lock" "$1/Cargo.lock"
}

new_baseline() { # DIR NAME: a crate with a hand-written src/lib.rs, written by the caller
  mkdir -p "$1/src"
  manifest "$2" "${BASE_DEPS[@]}" >"$1/Cargo.toml"
  cp "$ROOT/Cargo.lock" "$1/Cargo.lock"
}

new_ours "$WORK/ours" downstream-ours
cp "$SNAP/spec/errors.toml" "$WORK/ours/spec/errors.toml"
new_baseline "$WORK/baseline" downstream-baseline
cp "$SNAP/nexus-errors/benches/baseline/mod.rs" "$WORK/baseline/src/lib.rs"

# Synthetic tables: N rows named Error00001…, statuses cycling through ten 4xx/5xx with their
# canonical reason phrases, unique codes 1..=N (codes_start_with_status = false), descriptions
# unique per status.
generate() { # N OURS_DIR BASELINE_DIR
  python3 - "$@" <<'EOF'
import sys
n, ours, base = int(sys.argv[1]), sys.argv[2], sys.argv[3]
statuses = [(400, "Bad Request"), (401, "Unauthorized"), (403, "Forbidden"), (404, "Not Found"),
            (409, "Conflict"), (422, "Unprocessable Entity"), (429, "Too Many Requests"),
            (500, "Internal Server Error"), (502, "Bad Gateway"), (503, "Service Unavailable")]
rows = []
for i in range(1, n + 1):
    status, text = statuses[(i - 1) % len(statuses)]
    rows.append((f"Error{i:05d}", i, status, text, f"Synthetic error number {i}, for status {status}."))

spec = ['[api]', 'name = "Synthetic API"', 'codes_start_with_status = false', '']
for name, code, status, text, desc in rows:
    spec += ['[[error]]', f'name = "{name}"', f'code = {code}', f'status = {status}',
             f'status_text = "{text}"', f'description = "{desc}"', '']
open(f"{ours}/spec/errors.toml", "w").write("\n".join(spec))

out = ["//! Hand-written equivalent of a synthetic error table.", "",
       "/// The API's errors.",
       "#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]",
       "#[non_exhaustive]", "pub enum ApiError {"]
for name, code, status, text, desc in rows:
    out += [f"    /// **{status} {text}**, code `{code}`: {desc}",
            f'    #[error("{status} {text} [{code}]: {desc}")]', f"    {name},"]
out += ["}", "", "impl ApiError {",
        "    /// Every variant, in order.",
        "    pub const ALL: &'static [Self] = &[" + ", ".join(f"Self::{r[0]}" for r in rows) + "];",
        f"    /// How many variants there are.\n    pub const COUNT: usize = {n};"]
def fn(doc, sig, scrutinee, arms, default=None):
    lines = [f"    /// {doc}", "    #[must_use]", f"    pub {sig} {{", f"        match {scrutinee} {{"]
    lines += [f"            {a} => {b}," for a, b in arms]
    if default is not None:
        lines.append(f"            _ => {default},")
    return lines + ["        }", "    }"]
out += fn("The variant's name.", "const fn name(self) -> &'static str", "self",
          [(f"Self::{r[0]}", f'"{r[0]}"') for r in rows])
out += fn("The documented code.", "const fn code(self) -> Option<u16>", "self",
          [(f"Self::{r[0]}", f"Some({r[1]})") for r in rows])
out += fn("The HTTP status.", "const fn status(self) -> u16", "self",
          [(f"Self::{r[0]}", str(r[2])) for r in rows])
out += fn("The status text.", "const fn status_text(self) -> &'static str", "self",
          [(f"Self::{r[0]}", f'"{r[3]}"') for r in rows])
out += fn("The description.", "const fn description(self) -> &'static str", "self",
          [(f"Self::{r[0]}", f'"{r[4]}"') for r in rows])
out += fn("The variant with this code.", "const fn from_code(code: u16) -> Option<Self>", "code",
          [(str(r[1]), f"Some(Self::{r[0]})") for r in rows], "None")
groups = {}
for r in rows:
    groups.setdefault(r[2], []).append(f"Self::{r[0]}")
out += fn("The variants with this status.", "const fn with_status(status: u16) -> &'static [Self]", "status",
          [(str(s), "&[" + ", ".join(v) + "]") for s, v in sorted(groups.items())], "&[]")
out += fn("The variant with this name.", "fn from_name(name: &str) -> Option<Self>", "name",
          [(f'"{r[0]}"', f"Some(Self::{r[0]})") for r in rows], "None")
out += ["}", ""]
open(f"{base}/src/lib.rs", "w").write("\n".join(out))
EOF
}

for n in $SIZES; do
  new_ours "$WORK/syn-ours-$n" "synthetic-ours-$n"
  new_baseline "$WORK/syn-base-$n" "synthetic-baseline-$n"
  generate "$n" "$WORK/syn-ours-$n" "$WORK/syn-base-$n"
done

# Edits for the rebuild step: one row's description, in the spec and by hand in the baseline.
OLD_TEXT="The date range provided was invalid."
NEW_TEXT="The date range provided is not valid."
cat >"$WORK/toggle.py" <<'EOF'
import sys
path, old, new = sys.argv[1:4]
text = open(path).read()
if old in text:
    text = text.replace(old, new)
elif new in text:
    text = text.replace(new, old)
else:
    sys.exit(f"toggle.py: neither text is in {path}")
open(path, "w").write(text)
EOF
toggle() { echo "python3 $WORK/toggle.py $1 '$OLD_TEXT' '$NEW_TEXT'"; }

# --- Fetch, lock and prebuild (not timed) ------------------------------------------------------

# The two downstream crates build every dependency into the shared target dir; the synthetic
# crates have the same dependencies, so they only need their lockfiles (their first timed
# build is their first build: a crate that does not build stops the run there).
for project in "$WORK/ours" "$WORK/baseline"; do
  log "fetch and prebuild $(basename "$project")"
  (cd "$project" && cargo fetch -q && CARGO_TARGET_DIR="$SHARED" cargo build --frozen -q 2>"$WORK/prebuild.log") || {
    cat "$WORK/prebuild.log" >&2
    echo "build-time.sh: $(basename "$project") does not build" >&2
    exit 1
  }
done
for n in $SIZES; do
  for project in "$WORK/syn-ours-$n" "$WORK/syn-base-$n"; do
    (cd "$project" && cargo fetch -q)
  done
done

# --- Measuring ---------------------------------------------------------------------------------

build() { # PROJECT TARGET_DIR -> the command that builds it
  echo "cargo build --frozen -q --manifest-path $1/Cargo.toml --target-dir $2"
}
clean_pkg() { # PROJECT TARGET_DIR PACKAGE -> the command that removes its artifacts only
  echo "cargo clean --frozen -q --manifest-path $1/Cargo.toml --target-dir $2 -p $3"
}

# measure LABEL RUNS WARMUP PREPARE_OURS CMD_OURS PREPARE_BASELINE CMD_BASELINE
# Appends "LABEL<TAB>ours median<TAB>baseline median<TAB>spread<TAB>load" to RESULTS, where
# load is the share of one-second samples during the step that saw another build's rustc.
measure() {
  local label=$1 runs=$2 warmup=$3 prep_a=$4 cmd_a=$5 prep_b=$6 cmd_b=$7
  local json samples
  json="$WORK/$(echo "$label" | tr -c 'a-zA-Z0-9\n' '-').json"
  samples="$json.load"
  log "$label: $runs runs each"
  (while :; do foreign_rustc >>"$samples"; sleep 1; done) &
  SAMPLER=$!
  if [ "$TIMER" = hyperfine ]; then
    # hyperfine runs every run of one side, then every run of the other.
    "$HYPERFINE" --style none --runs "$runs" --warmup "$warmup" --export-json "$json" \
      --prepare "$prep_a" --command-name ours "$cmd_a" \
      --prepare "$prep_b" --command-name baseline "$cmd_b" >"$json.log" 2>&1 || {
      cat "$json.log" >&2
      exit 1
    }
  else
    # Interleaved runs (ours, baseline, baseline, ours, …): a burst of load from another
    # build lands on both sides alike. Wall clock of the command alone, not its preparation.
    python3 - "$runs" "$warmup" "$json" "$prep_a" "$cmd_a" "$prep_b" "$cmd_b" <<'EOF'
import json, subprocess, sys, time
runs, warmup, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
sides = [("ours", sys.argv[4], sys.argv[5]), ("baseline", sys.argv[6], sys.argv[7])]
times = {name: [] for name, _, _ in sides}
def once(prepare, command):
    subprocess.run(prepare, shell=True, check=True)
    start = time.perf_counter()
    subprocess.run(command, shell=True, check=True)
    return time.perf_counter() - start
for _ in range(warmup):
    for _, prepare, command in sides:
        once(prepare, command)
for i in range(runs):
    for name, prepare, command in (sides if i % 2 == 0 else sides[::-1]):
        times[name].append(once(prepare, command))
json.dump({"results": [{"command": n, "times": t} for n, t in times.items()]}, open(out, "w"))
EOF
  fi
  kill "$SAMPLER" 2>/dev/null || true
  wait "$SAMPLER" 2>/dev/null || true
  SAMPLER=
  python3 - "$json" "$label" "$samples" >>"$RESULTS" <<'EOF'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
def median(v):
    v = sorted(v); m = len(v) // 2
    return v[m] if len(v) % 2 else (v[m - 1] + v[m]) / 2
cells = [sys.argv[2]]
spread = 0.0
for side in ("ours", "baseline"):
    times = results[side]["times"]
    cells.append(f"{median(times):.3f}")
    spread = max(spread, (max(times) - min(times)) / median(times))
try:
    samples = [int(x) for x in open(sys.argv[3]).read().split()]
except FileNotFoundError:
    samples = []
busy = sum(1 for x in samples if x > 0) / len(samples) if samples else 0.0
print("\t".join(cells + [f"{spread:.2f}", f"{busy:.2f}"]))
EOF
}

# 1. Cold build from scratch: an empty target dir per run, dependencies included.
measure "cold build, from scratch" "$RUNS_SCRATCH" 0 \
  "rm -rf $WORK/t-scratch-ours" "$(build "$WORK/ours" "$WORK/t-scratch-ours")" \
  "rm -rf $WORK/t-scratch-base" "$(build "$WORK/baseline" "$WORK/t-scratch-base")"
rm -rf "$WORK/t-scratch-ours" "$WORK/t-scratch-base"

# 2. Cold build of the downstream crate alone: dependencies prebuilt in the shared target dir.
measure "cold build, downstream crate only" "$RUNS_COLD" 1 \
  "$(clean_pkg "$WORK/ours" "$SHARED" downstream-ours)" "$(build "$WORK/ours" "$SHARED")" \
  "$(clean_pkg "$WORK/baseline" "$SHARED" downstream-baseline)" "$(build "$WORK/baseline" "$SHARED")"

# 3. Rebuild after a one-row edit (each run flips the edit, so every run rebuilds).
measure "rebuild after a one-row edit" "$RUNS_REBUILD" 1 \
  "$(toggle "$WORK/ours/spec/errors.toml")" "$(build "$WORK/ours" "$SHARED")" \
  "$(toggle "$WORK/baseline/src/lib.rs")" "$(build "$WORK/baseline" "$SHARED")"

# 4. Synthetic tables.
for n in $SIZES; do
  runs=$RUNS_SYNTH
  [ "$n" -ge 10000 ] && runs=$RUNS_SYNTH_LARGE
  measure "synthetic table, $n rows" "$runs" 0 \
    "$(clean_pkg "$WORK/syn-ours-$n" "$SHARED" "synthetic-ours-$n")" "$(build "$WORK/syn-ours-$n" "$SHARED")" \
    "$(clean_pkg "$WORK/syn-base-$n" "$SHARED" "synthetic-baseline-$n")" "$(build "$WORK/syn-base-$n" "$SHARED")"
done

# --- Report ------------------------------------------------------------------------------------

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(rustc --version)"
if [ "$TIMER" = hyperfine ]; then timer="hyperfine $("$HYPERFINE" --version | cut -d' ' -f2)"; else timer="interleaved runs (ours, baseline, baseline, ours, ...)"; fi
echo "timing: $timer; cargo build, dev profile; wall clock; medians"
python3 - "$RESULTS" "$SIZES" <<'EOF'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
goals = {"cold build, from scratch": 1.3, "rebuild after a one-row edit": 1.2}
print()
print(f"{'step':<36} {'ours s':>9} {'baseline s':>11} {'ratio':>6}  {'goal':<8} {'met':<4} {'spread':>6} {'load':>5}")
noisy = []
for label, ours, base, spread, load in rows:
    ours, base, spread, load = float(ours), float(base), float(spread), float(load)
    ratio = ours / base
    goal = goals.get(label)
    met = "" if goal is None else ("yes" if ratio <= goal else "NO")
    goal_text = "" if goal is None else f"<= {goal}"
    print(f"{label:<36} {ours:>9.2f} {base:>11.2f} {ratio:>6.2f}  {goal_text:<8} {met:<4} {spread:>6.0%} {load:>5.0%}")
    if spread > 0.25 or load > 0.1:
        noisy.append(label)
synthetic = {int(l.split(", ")[1].split()[0]): (float(o), float(b)) for l, o, b, *_ in rows if l.startswith("synthetic")}
sizes = sorted(synthetic)
print()
for small, large in zip(sizes, sizes[1:]):
    for i, side in enumerate(("ours", "baseline")):
        growth = synthetic[large][i] / synthetic[small][i]
        factor = large / small
        goal = 12 * factor / 10
        met = "yes" if growth <= goal else "NO"
        print(f"growth {side:<8} {small:>6} -> {large:<6} rows ({factor:g}x): time x{growth:.2f}  (goal <= x{goal:g}: {met})")
print()
print("spread = (slowest - fastest) / median of the runs of the slower-spread side;")
print("load = share of one-second samples during the step in which another build's rustc was running.")
if noisy:
    print("NOISY: " + "; ".join(noisy) + ": other builds ran (load > 10%) or runs spread > 25%; re-run for firm figures.")
EOF
