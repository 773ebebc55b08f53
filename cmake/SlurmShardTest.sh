#!/usr/bin/env bash
# ctest `slurm_shards` (label slurm): docs/sharding.md's Slurm job, submitted to a real one-node
# Slurm brought up on localhost, at --scale smoke. It checks that
#  - the doc's shards.sbatch code block is docs/sharding/shards.sbatch byte for byte (readers copy
#    the doc; this test submits the file);
#  - each task of a 3-task array computed its share ("shard I/3: K cells computed"), the shares add
#    up to the sweep, and the doc's verdict job (--dependency=afterany, here with --wait) computed
#    nothing: it started once every shard had ended;
#  - verdict.json equals an unsharded run's but for the run record in its context (README
#    "Reproducible to the byte"), and the cell files, names and bytes, are the same.
# The cluster is private to this run — its own munged and key, sockets, free ports and state in a
# scratch folder — so a system Slurm, or this test running at once in another build tree, is not
# disturbed. Daemons run in the foreground as children of this script (ctest's timeout kills them
# with it) and are shut down on exit; STATE_DIR (in the build tree) records the scratch folder, so
# that what a run killed before its cleanup left is ended and removed by the next.
# Usage: SlurmShardTest.sh THMCHECK DOCS_DIR STATE_DIR.
# Exit 77 (ctest SKIP_RETURN_CODE) when Slurm, munge or jq is missing (`.ci/deps` installs
# slurm-wlm, munge, jq) or the daemons cannot start here (not root, a sandbox that forbids them):
# skipped, never passed.
set -euo pipefail
# Absolute: the job runs in a folder of its own.
thmcheck=$(realpath "$1") docs=$(realpath "$2") state=$(realpath -m "$3")
claim=ntk_closeness seed=1  # the doc's; the unsharded reference run uses them too
tasks=3
node=thmcheck-node  # not the host name: slurmd -N makes it independent of how the host is named
PATH=$PATH:/usr/sbin:/sbin  # slurmctld, slurmd, munged and mungekey live in sbin

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
say() { echo "[$(date +%T)] $*"; }

# --- The doc shows the file that is submitted. ---------------------------------------------------
script=$docs/sharding/shards.sbatch
doc=$docs/sharding.md
[ -f "$script" ] || fail "$script is missing"
# The doc's first ```sh block that starts with #!/bin/bash, without its fences.
doc_block() {
  awk 'prev == "```sh" && $0 == "#!/bin/bash" { inside = 1 }
       inside && $0 == "```" { exit }
       inside { print }
       { prev = $0 }' "$doc"
}
if ! cmp -s <(doc_block) "$script"; then
  diff -u <(doc_block) "$script" >&2 || true
  fail "$doc's shards.sbatch block differs from $script (diff above)"
fi
# The doc's verdict command (its --wrap '...'), run below at smoke scale on this node's CPUs.
verdict_cmd=$(sed -n "s/^ *--wrap '\(.*\)'\$/\1/p" "$doc")
[ "$(printf '%s\n' "$verdict_cmd" | wc -l)" -eq 1 ] && [ -n "$verdict_cmd" ] ||
  fail "$doc: expected one line ending in --wrap '...' (the verdict job), found: $verdict_cmd"
replace() {  # the doc's value → this test's; a doc that no longer says $1 must update this test
  [[ $verdict_cmd == *"$1"* ]] || fail "$doc's verdict command no longer says '$1': $verdict_cmd"
  verdict_cmd=${verdict_cmd/"$1"/"$2"}
}
replace "build/thmcheck run $claim --scale full --seed $seed" \
        "$thmcheck run $claim --scale smoke --seed $seed"
replace "--threads 4" "--threads 1"

# --- Can a Slurm run here? -----------------------------------------------------------------------
for tool in slurmctld slurmd sbatch sinfo scontrol srun munged munge unmunge mungekey jq; do
  command -v "$tool" > /dev/null ||
    skip "$tool not found (bash .ci/deps installs slurm-wlm, munge, jq)"
done
[ "$(id -u)" -eq 0 ] || skip "not root: slurmd must run as root to start jobs"

# A run killed before its cleanup (SIGKILL, a lost ctest) left daemons and clients: end them, and
# remove its folder. Only processes whose command line names that run's scratch folder (its
# daemons; sbatch, through --chdir): the mktemp name is unique to the run.
mkdir -p "$state"
if [ -f "$state/running" ]; then
  read -r old_scratch < "$state/running" || true
  if [[ ${old_scratch:-} == */thmcheck-slurm.* ]]; then
    for cmdline in /proc/[0-9]*/cmdline; do
      if tr '\0' ' ' < "$cmdline" 2> /dev/null | grep -qF "$old_scratch/"; then
        pid=${cmdline#/proc/} pid=${pid%/cmdline}
        say "ending $(cat "/proc/$pid/comm" 2> /dev/null) (pid $pid), left by an earlier run"
        kill -KILL "$pid" 2> /dev/null || true
      fi
    done
    rm -rf "$old_scratch"
  fi
  rm -f "$state/running"
fi

# Short paths: a Unix socket path (munged's, slurmstepd's in the spool folder) has ≤ 107 bytes,
# more than a deep build tree may leave.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/thmcheck-slurm.XXXXXX")
chmod 755 "$scratch"  # munged wants its socket's folder searchable by all
pids=()
started=$(date +%s)

echo "$scratch" > "$state/running"
cleanup() {
  local status=$?
  set +e
  if [ "$status" -ne 0 ] && [ "$status" -ne 77 ]; then
    for f in "$scratch"/log/*; do
      [ -f "$f" ] && { echo "--- $f (last 30 lines)"; tail -n 30 "$f"; }
    done
  fi
  # scontrol shutdown stops slurmctld and slurmd cleanly; then every daemon gets 10 s.
  [ -f "$scratch/slurm.conf" ] && SLURM_CONF=$scratch/slurm.conf timeout 10 scontrol shutdown \
    > /dev/null 2>&1
  local pid waited
  for pid in "${pids[@]}"; do
    kill -TERM "$pid" 2> /dev/null
    for waited in $(seq 50); do
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.2
    done
    kill -KILL "$pid" 2> /dev/null
    wait "$pid" 2> /dev/null
  done
  rm -rf "$scratch" "$state/running"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 143' TERM INT HUP

mkdir -p "$scratch"/{munge,state,spool,log,run}

# --- munged: a key of our own, not /etc/munge's. -------------------------------------------------
# munged refuses a key readable by others or not owned by its user (root here).
mungekey --create --keyfile="$scratch/munge/munge.key" > "$scratch/log/mungekey.log" 2>&1 ||
  skip "mungekey could not create a key: $(cat "$scratch/log/mungekey.log")"
chmod 400 "$scratch/munge/munge.key"
socket=$scratch/munge/munge.socket
munged --foreground --socket="$socket" --key-file="$scratch/munge/munge.key" \
  --pid-file="$scratch/munge/munged.pid" --seed-file="$scratch/munge/munged.seed" \
  --log-file="$scratch/log/munged.log" < /dev/null > "$scratch/log/munged.out" 2>&1 &
pids+=($!)
for i in $(seq 50); do
  munge --socket="$socket" --no-input 2> /dev/null | unmunge --socket="$socket" > /dev/null 2>&1 &&
    break
  kill -0 "${pids[0]}" 2> /dev/null || break
  sleep 0.2
done
munge --socket="$socket" --no-input 2> /dev/null | unmunge --socket="$socket" > /dev/null 2>&1 ||
  skip "munged did not start: $(tail -n 5 "$scratch/log/munged.out" "$scratch/log/munged.log")"

# --- slurm.conf: two free ports, everything else in the scratch folder. --------------------------
# Free = nothing accepts a connection there. Even ports from 20000 to 29998 plus the next one: below
# Linux's ephemeral range (32768-60999), away from Slurm's defaults (6817, 6818).
port_free() { ! (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
for i in $(seq 100); do
  ctld_port=$((20000 + RANDOM % 5000 * 2))
  port_free "$ctld_port" && port_free $((ctld_port + 1)) && break
done
slurmd_port=$((ctld_port + 1))
cpus=$(nproc)
cat > "$scratch/slurm.conf" << EOF
# Written by cmake/SlurmShardTest.sh: a one-node cluster on localhost for one test run.
ClusterName=thmcheck
SlurmctldHost=localhost
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
StateSaveLocation=$scratch/state
SlurmdSpoolDir=$scratch/spool
SlurmctldPidFile=$scratch/slurmctld.pid
SlurmdPidFile=$scratch/slurmd.pid
# No cgroups in a container: processes are tracked through /proc, tasks are not bound.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
MailProg=/bin/true
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/builtin
ReturnToService=2
# sbatch --wait polls every 2 s only while MinJobAge/2 is not above it (else 8 s, then 32 s).
MinJobAge=4
NodeName=$node NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=$cpus RealMemory=100 State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF=$scratch/slurm.conf

# --- slurmctld, slurmd; wait (bounded) until the node is idle. -----------------------------------
slurmctld -D -f "$SLURM_CONF" < /dev/null > "$scratch/log/slurmctld.log" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" -N "$node" < /dev/null > "$scratch/log/slurmd.log" 2>&1 &
pids+=($!)
node_state=
for i in $(seq 150); do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2> /dev/null ||
      skip "a Slurm daemon exited at start: $(tail -n 5 "$scratch"/log/slurm*.log)"
  done
  node_state=$(sinfo --noheader --nodes="$node" --format=%t 2> /dev/null || true)
  [ "$node_state" = idle ] && break
  sleep 0.2
done
[ "$node_state" = idle ] ||
  skip "node $node not idle after 30 s (state: ${node_state:-none}): $(tail -n 5 \
       "$scratch"/log/slurm*.log)"
say "one-node Slurm up in $(($(date +%s) - started)) s (ports $ctld_port, $slurmd_port, $cpus CPUs)"

# --- The job, as the doc submits it: the array, then the verdict after it. -----------------------
cd "$scratch/run"
mkdir -p logs
# The script's defaults, but for the binary and the scale; tasks of 1 CPU so they share the node.
export THMCHECK=$thmcheck THMCHECK_SCALE=smoke
array=$(sbatch --parsable --array=0-$((tasks - 1)) --cpus-per-task=1 "$script")
array=${array%%;*}
say "submitted array job $array ($tasks tasks); verdict job after it: $verdict_cmd"
# --wait: sbatch returns when the job ends, with its exit code. --chdir (where the job runs anyway)
# names the scratch folder in sbatch's command line, for the cleanup after a killed run.
verdict_status=0
timeout 300 sbatch --wait --chdir="$PWD" --dependency=afterany:"$array" \
  --job-name=thmcheck-verdict --cpus-per-task=1 --output=logs/%x.out --wrap "$verdict_cmd" \
  > logs/sbatch.out 2>&1 || verdict_status=$?
say "verdict job ended: exit $verdict_status"
for f in logs/*.out; do echo "--- $f"; cat "$f"; done
[ "$verdict_status" -ne 124 ] || fail "the verdict job did not end within 300 s"

"$thmcheck" run "$claim" --scale smoke --seed "$seed" --threads "$cpus" --quiet \
  --out "$scratch/whole" > "$scratch/whole.out" 2>&1 || whole_status=$?
whole_status=${whole_status:-0}
say "unsharded run: exit $whole_status"
[[ $whole_status == [01] ]] ||
  { cat "$scratch/whole.out"; fail "unsharded run: exit $whole_status"; }

# --- Checks. -------------------------------------------------------------------------------------
[ "$verdict_status" -eq "$whole_status" ] ||
  fail "verdict job exit $verdict_status, unsharded run exit $whole_status"
cells=$(find "$scratch/whole/$claim/cells" -type f | wc -l)
[ "$cells" -gt "$tasks" ] || fail "the unsharded run wrote $cells cells: too few to shard"
computed_total=0
for ((i = 0; i < tasks; i++)); do
  f=logs/thmcheck-ntk-$i.out
  line=$(grep -E "$claim shard $i/$tasks: [0-9]+ cells computed, 0 reused" "$f" 2> /dev/null) ||
    fail "array task $i: no \"$claim shard $i/$tasks: K cells computed, 0 reused\" in $f"
  computed=$(echo "$line" | sed -E 's/.*: ([0-9]+) cells computed.*/\1/')
  # Balanced: the cells i ≡ I (mod N).
  [ "$computed" -ge $((cells / tasks)) ] && [ "$computed" -le $((cells / tasks + 1)) ] ||
    fail "array task $i computed $computed of $cells cells (not its share)"
  computed_total=$((computed_total + computed))
done
[ "$computed_total" -eq "$cells" ] ||
  fail "the array tasks computed $computed_total cells, the sweep has $cells"

verdict=results/$claim/verdict.json
[ -f "$verdict" ] || fail "the verdict job wrote no $verdict"
[ "$(jq .context.cells_computed "$verdict")" -eq 0 ] &&
  [ "$(jq .context.cells_reused "$verdict")" -eq "$cells" ] ||
  fail "the verdict job computed $(jq .context.cells_computed "$verdict") cells and reused" \
       "$(jq .context.cells_reused "$verdict") (expected 0 and $cells)"
# harness/runner.h kRunRecordKeys: the context keys that describe the invocation.
run_record='del(.context.started, .context.elapsed_s, .context.threads, .context.command,
                .context.cells_computed, .context.cells_reused)'
diff -u <(jq -S "$run_record" "$scratch/whole/$claim/verdict.json") \
        <(jq -S "$run_record" "$verdict") ||
  fail "verdict.json differs from the unsharded run's beyond the run record (diff above)"
diff -r "$scratch/whole/$claim/cells" "results/$claim/cells" ||
  fail "the cell files differ from the unsharded run's (names or bytes, above)"
say "PASS: $tasks array tasks computed $computed_total cells; the verdict job reused them all;" \
    "verdict and cells equal the unsharded run's ($(($(date +%s) - started)) s in all)"
