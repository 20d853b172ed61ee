#!/usr/bin/env bash
# A real one-node Slurm cluster (slurmctld + slurmd + munged from the Debian packages) for the
# Slurm executor's tests and CI, everything under one base directory so that start and stop are
# idempotent and leave nothing behind:
#   .ci/slurm.sh start    install the packages if missing, start munged, slurmctld, slurmd; wait idle
#   .ci/slurm.sh stop     stop the daemons started here, by their recorded PIDs
#   .ci/slurm.sh status   exit 0 when all three run (prints the node state)
#   .ci/slurm.sh env      print 'export SLURM_CONF=...' for the clients
# Base directory: $GLASSLAB_SLURM_BASE (default /tmp/glasslab-slurm). Needs root (or sudo) the
# first time, to install packages and to run the daemons as their users. Facts behind the choices
# (task/affinity without cgroups, batch_sched_delay=0, DefMemPerCPU...): docs/cluster.md.
set -euo pipefail

base="${GLASSLAB_SLURM_BASE:-/tmp/glasslab-slurm}"
conf="$base/etc/slurm.conf"
pkgs="slurmctld slurmd slurm-client munge slurm-wlm-basic-plugins"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

as_user() { # as_user USER CMD...: run CMD as USER
  local u="$1"
  shift
  if [ "$(id -u)" = 0 ]; then runuser -u "$u" -- "$@"; else sudo -u "$u" "$@"; fi
}

log() { echo "slurm.sh: $*" >&2; }

alive() { # alive PIDFILE: the recorded process runs
  [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

install_packages() {
  local missing=""
  for p in $pkgs; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  log "installing$missing"
  # The image's policy-rc.d keeps the package scripts from starting the daemons; we start them.
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
}

write_config() {
  local host cpus sockets cores threads mem
  host="$(hostname -s)"
  local c
  c="$(slurmd -C | head -n 1)"
  cpus=$(sed -E 's/.*CPUs=([0-9]+).*/\1/' <<<"$c")
  sockets=$(sed -E 's/.*SocketsPerBoard=([0-9]+).*/\1/' <<<"$c")
  cores=$(sed -E 's/.*CoresPerSocket=([0-9]+).*/\1/' <<<"$c")
  threads=$(sed -E 's/.*ThreadsPerCore=([0-9]+).*/\1/' <<<"$c")
  mem=$(sed -E 's/.*RealMemory=([0-9]+).*/\1/' <<<"$c")
  mem=$((mem * 8 / 10)) # never more than slurmd -C reports, else the node is drained
  cat >"$conf" <<EOF
# Written by .ci/slurm.sh: a one-node test cluster under $base
ClusterName=glasslab
SlurmctldHost=$host(127.0.0.1)
SlurmUser=slurm
SlurmdUser=root
SlurmctldPort=${GLASSLAB_SLURMCTLD_PORT:-6817}
SlurmdPort=${GLASSLAB_SLURMD_PORT:-6818}
AuthType=auth/munge
AuthInfo=socket=$base/munge/munge.socket
CredType=cred/munge
StateSaveLocation=$base/state
SlurmdSpoolDir=$base/spool
SlurmctldPidFile=$base/run/slurmctld.pid
SlurmdPidFile=$base/run/slurmd.pid
SlurmctldLogFile=$base/log/slurmctld.log
SlurmdLogFile=$base/log/slurmd.log
# No cgroups needed; a -c N job sees N CPUs (nproc and the JVM agree).
ProctrackType=proctrack/linuxproc
TaskPlugin=task/affinity
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=1024
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
KillWait=5
MinJobAge=600
JobCompType=jobcomp/none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus Boards=1 SocketsPerBoard=$sockets CoresPerSocket=$cores ThreadsPerCore=$threads RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
}

running() {
  alive "$base/run/munged.pid" && alive "$base/run/slurmctld.pid" && alive "$base/run/slurmd.pid"
}

start() {
  install_packages
  if running; then
    log "already running under $base"
    return 0
  fi
  stop_daemons quiet
  $SUDO mkdir -p "$base"/{etc,state,spool,log,run,munge}
  $SUDO chmod 755 "$base" "$base"/{etc,run,log}
  $SUDO chown slurm:slurm "$base/state" "$base/log"
  $SUDO chown munge:munge "$base/munge"
  $SUDO chmod 755 "$base/munge" # clients need to reach the socket
  $SUDO chmod 777 "$base/run"
  write_config
  # Clients (sbatch, squeue...) read the default config path; point it at ours unless the
  # machine has a real configuration of its own.
  if [ ! -e /etc/slurm/slurm.conf ] || [ -L /etc/slurm/slurm.conf ]; then
    $SUDO mkdir -p /etc/slurm
    $SUDO ln -sfn "$conf" /etc/slurm/slurm.conf
  fi
  as_user munge munged --socket="$base/munge/munge.socket" --pid-file="$base/munge/munged.pid" \
    --log-file="$base/munge/munged.log" --seed-file="$base/munge/munged.seed" --force
  for _ in $(seq 50); do [ -s "$base/munge/munged.pid" ] && break; sleep 0.1; done
  cp "$base/munge/munged.pid" "$base/run/munged.pid"
  $SUDO slurmctld -f "$conf"
  $SUDO slurmd -f "$conf"
  local state=""
  for _ in $(seq 100); do
    state="$(SLURM_CONF="$conf" timeout 5 sinfo -h -o %T 2>/dev/null | head -n 1 || true)"
    [ "$state" = idle ] && break
    sleep 0.2
  done
  if [ "$state" != idle ]; then
    log "node did not become idle (state '$state'); logs in $base/log"
    stop_daemons quiet
    return 1
  fi
  log "one-node cluster idle under $base (SLURM_CONF=$conf)"
}

stop_daemons() {
  local quiet="${1:-}"
  if alive "$base/run/slurmctld.pid"; then
    SLURM_CONF="$conf" timeout 10 scontrol shutdown >/dev/null 2>&1 || true
  fi
  for d in slurmd slurmctld munged; do
    local f="$base/run/$d.pid"
    [ -s "$f" ] || continue
    local pid
    pid="$(cat "$f")"
    if kill -0 "$pid" 2>/dev/null; then
      $SUDO kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then
        $SUDO kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    $SUDO rm -f "$f"
  done
  [ -n "$quiet" ] || log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop_daemons ;;
  status)
    if running; then
      SLURM_CONF="$conf" timeout 10 sinfo -h -o '%N %T'
    else
      echo "not running"
      exit 1
    fi
    ;;
  env) echo "export SLURM_CONF=$conf" ;;
  *)
    echo "usage: $0 start|stop|status|env" >&2
    exit 2
    ;;
esac
