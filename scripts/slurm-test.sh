#!/usr/bin/env bash
# Proves distributed runs on a real scheduler: installs Debian's Slurm and munge, starts a
# single-node cluster in a temporary folder, runs a sweep as a 4-task array job
# (--shard auto), merges the shards and compares the result with a serial run byte for byte.
# Usage: scripts/slurm-test.sh PATH/TO/telesim   (needs root for apt-get and the daemons)
set -euo pipefail
bin="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
cd "$(dirname "$0")/.."
root="$(pwd)"

if [ "$(id -u)" -ne 0 ]; then echo "slurm: skipped (needs root to install and start slurmctld, slurmd and munged)"; exit 0; fi
need=()
for p in slurmctld slurmd slurm-client munge; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 || true
fi
command -v slurmctld >/dev/null && command -v munged >/dev/null || { echo "slurm: could not install Slurm" >&2; exit 1; }

work=$(mktemp -d /tmp/telesim-slurm.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  sleep 1
  for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work"/{munge,state,spool,log,out}
chmod 755 "$work/munge"
mungekey --create --keyfile="$work/munge/munge.key" >/dev/null 2>&1 || \
  dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 2>/dev/null
chmod 400 "$work/munge/munge.key"
munged -F --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
  --pid-file="$work/munge/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/seed" --force \
  2>>"$work/log/munged.out" &
pids+=($!)
sleep 1

host=$(hostname -s)
cat >"$work/slurm.conf" <<CONF
ClusterName=telesim
SlurmctldHost=${host}(127.0.0.1)
SlurmUser=root
SlurmctldPort=26817
SlurmdPort=26818
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
SchedulerParameters=batch_sched_delay=0
SchedulerType=sched/backfill
SelectType=select/cons_tres
ReturnToService=2
MpiDefault=none
NodeName=${host} NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=main Nodes=${host} Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$work/slurm.conf"
slurmctld -D -f "$SLURM_CONF" >"$work/log/ctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/log/d.out" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  state=$(sinfo -h -o %t 2>/dev/null | head -1 || true)
  [ "$state" = "idle" ] && break
  sleep 0.5
done
[ "$state" = "idle" ] || { echo "slurm: node not idle (state '$state')"; tail -5 "$work"/log/*.log; exit 1; }

sweep=(sweep "$root/scenarios/mmck.yaml" --set 'servers=[2,3,4]' --set 'capacity=[5,7]' --replications 6 --quiet)
job=$(sbatch --parsable --array=0-3 --output="$work/log/task-%a.out" \
  --wrap "'$bin' ${sweep[*]@Q} --shard auto --out '$work/out'")
for _ in $(seq 1 240); do
  [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
  sleep 0.5
done
states=$(scontrol -o show job "$job" 2>/dev/null | grep -o 'JobState=[A-Z]*' | sort -u | tr '\n' ' ' || true)
ls "$work/out"/shard-*-of-4.json >/dev/null 2>&1 || { echo "slurm: no shard files ($states)"; cat "$work"/log/task-*.out; exit 1; }
"$bin" merge "$work"/out/shard-*-of-4.json --out "$work/merged" >/dev/null
"$bin" "${sweep[@]}" --threads 1 --out "$work/serial" >/dev/null
if cmp -s "$work/merged/sweep.csv" "$work/serial/sweep.csv"; then
  echo "slurm: array job $job (4 tasks, ${states:-completed}) merged identical to the serial sweep"
else
  echo "slurm: merged sweep differs from the serial one" >&2
  diff "$work/merged/sweep.csv" "$work/serial/sweep.csv" | head >&2
  exit 1
fi
