#!/bin/bash
# Starts a single-node Slurm cluster on this machine, for the integration test of the job-array scripts
# (tests/UcgSim.Tests/Cli/SlurmClusterTests.cs). Installs Debian's slurm-wlm and munge when they are missing (needs root
# and apt), writes a minimal slurm.conf for this host with as many CPUs as it has, and starts munged, slurmctld and
# slurmd unless they already answer. Idempotent: run it again and it only checks. Prints "ready" when sinfo shows the
# node idle or mixed.
set -euo pipefail

if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v sbatch >/dev/null || ! command -v munged >/dev/null; then
  echo "installing slurm-wlm and munge" >&2
  export DEBIAN_FRONTEND=noninteractive
  # Waits for another apt or dpkg (another test's installer, say) rather than failing on its lock.
  apt-get -o DPkg::Lock::Timeout=600 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq slurm-wlm munge >&2
fi

host=$(hostname -s)
cpus=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
conf=/etc/slurm/slurm.conf
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge /var/lib/munge /var/log/munge
if ! grep -q "^NodeName=$host " "$conf" 2>/dev/null; then
  cat > "$conf" <<CONF
# Written by ucgsim's scripts/slurm/start-test-cluster.sh: one node, this machine, for tests.
ClusterName=ucgsim-test
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
JobRequeue=1
KillWait=30
MinJobAge=600
SchedulerParameters=defer_batch
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
fi

if [ ! -s /etc/munge/munge.key ]; then
  mkdir -p /etc/munge
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge 2>/dev/null || true
chmod 0400 /etc/munge/munge.key
if ! munge -n >/dev/null 2>&1; then
  su -s /bin/sh munge -c "munged" 2>/dev/null || munged --force
fi
for attempt in $(seq 1 20); do munge -n >/dev/null 2>&1 && break; sleep 0.5; done

if ! scontrol ping 2>/dev/null | grep -q "is UP"; then
  slurmctld
fi
if ! pgrep -x slurmd >/dev/null; then
  slurmd
fi
for attempt in $(seq 1 60); do
  state=$(sinfo -h -n "$host" -o '%t' 2>/dev/null || true)
  case "$state" in
    idle*|mix*|alloc*) echo ready; exit 0 ;;
    down*|drain*|unk*) scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
echo "Slurm did not become ready; sinfo says: $(sinfo 2>&1)" >&2
exit 1
