#!/usr/bin/env bash
# Runs a command and reports its peak ANONYMOUS resident memory (RssAnon of /proc/PID/status:
# heap, thread stacks, malloc'd and other private non-file memory), sampled every 20 ms. Pages of
# memory-mapped files (the source SEG-Y, the trace store, the raw headers) are file-backed and NOT
# counted: the kernel can drop them at any time; they are what `ps`' RSS adds on top.
#
# Usage: bench/import/peak_anon.sh COMMAND [ARGS...]
# Prints the command's own output, then one line on stderr:
#   peak anonymous memory: N MB (RssAnon, sampled every 20 ms; mapped file pages excluded); peak RSS incl. mapped files: M MB
# The command must exec its JVM (as ./seisproc does) so that PID is the JVM's.
set -uo pipefail
"$@" &
pid=$!
peak=0; peak_rss=0
while kill -0 "$pid" 2>/dev/null; do
  if read -r anon rss < <(awk '/^RssAnon:/{a=$2} /^VmRSS:/{r=$2} END{print a+0, r+0}' "/proc/$pid/status" 2>/dev/null); then
    [ "$anon" -gt "$peak" ] && peak=$anon
    [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
  fi
  sleep 0.02
done
wait "$pid"; rc=$?
echo "peak anonymous memory: $((peak / 1024)) MB (RssAnon, sampled every 20 ms; mapped file pages excluded); peak RSS incl. mapped files: $((peak_rss / 1024)) MB" >&2
exit $rc
