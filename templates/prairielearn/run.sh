#!/usr/bin/env bash
# PrairieLearn's external grading entry point for relu-lab (docs/platforms.md
# has the steps). PrairieLearn runs it in the image built from this folder's
# Dockerfile (relu-lab installed at /opt/relu-lab, no network needed) with
# the student's files in /grade/student, and reads /grade/results/results.json,
# which this script always writes, also when grading crashes:
#   - code that does not compile: gradable false, each error in format_errors
#     (the attempt is not charged);
#   - graded: score from 0 to 1, one test per check, the pictures of the
#     student's own functions as images (SVG data URLs);
#   - relu-lab could not grade: gradable false, a short message; the log and
#     any stack trace go to this script's output, not to the results.
#
# Settings (environment): GRADE (default /grade), RELU_LAB (default
# /opt/relu-lab), RELU_LAB_TIME_LIMIT (seconds, default 300; keep it below the
# question's externalGradingOptions.timeout), RELU_LAB_MANIFEST (the manifest,
# default relu-lab's own).
set -uo pipefail

GRADE="${GRADE:-/grade}"
RELU_LAB="${RELU_LAB:-/opt/relu-lab}"
TIME_LIMIT="${RELU_LAB_TIME_LIMIT:-300}"
RESULTS="$GRADE/results/results.json"
export npm_config_offline=true

mkdir -p "$(dirname "$RESULTS")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$work/log.txt"
: > "$log"

# PrairieLearn's results for a grading that did not happen: not gradable, a short reason; the log to stdout.
write_failure() {
  echo "relu-lab could not grade this submission: $1"
  echo "--- log ---"
  tail -n 200 "$log"
  # shellcheck disable=SC2016 # the quoted text is JavaScript
  MESSAGE="$1" node -e '
    const message = `relu-lab could not grade this submission: ${process.env.MESSAGE}. Submit again; if it happens again, tell your instructor.`;
    process.stdout.write(JSON.stringify({ gradable: false, score: 0, message, format_errors: [process.env.MESSAGE], tests: [] }) + "\n");
  ' > "$RESULTS" 2>/dev/null ||
    printf '{"gradable":false,"score":0,"message":"relu-lab could not grade this submission.","format_errors":["the grader failed to run"],"tests":[]}\n' > "$RESULTS"
}

mkdir -p "$work/class"
if ! cp -R "$GRADE/student" "$work/class/submission" 2>> "$log"; then
  write_failure "the submitted files could not be read"
  exit 0
fi

manifest_args=()
if [ -n "${RELU_LAB_MANIFEST:-}" ]; then manifest_args=(--manifest "$RELU_LAB_MANIFEST"); fi

status=0
(cd "$RELU_LAB" && timeout --kill-after=10 "$TIME_LIMIT" node bin/relu-lab.mjs bulk "$work/class" --out "$work/out" --jobs 1 --quiet "${manifest_args[@]}") >> "$log" 2>&1 || status=$?

produced="$work/out/submission/results.json"
if [ -s "$produced" ] &&
  (cd "$RELU_LAB" && RELU_LAB_RESULTS="$produced" RELU_LAB_OUT="$RESULTS" node --import tsx templates/prairielearn/finish.mjs) >> "$log" 2>&1; then
  cat "$log"
elif [ "$status" = 124 ] || [ "$status" = 137 ]; then
  write_failure "grading took longer than ${TIME_LIMIT} s"
elif [ "$status" = 0 ]; then
  write_failure "relu-lab's results could not be turned into PrairieLearn's"
else
  write_failure "relu-lab stopped with exit status $status"
fi
exit 0
