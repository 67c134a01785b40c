# Sourced by the benchmark scripts: $root is the source folder, $cli the built custos-cli, and
# $work a scratch folder removed on exit.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cli="$root/build/app/custos-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# seconds CMD...: the median wall time of running CMD $runs times, its output discarded.
seconds() {
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s.%N)
        "$@" >/dev/null
        end=$(date +%s.%N)
        times+=("$(awk "BEGIN { print $end - $start }")")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}
