#!/usr/bin/env bash
# The three roles as users start them (three bin/videostream processes, unpaced) against the codec
# ceiling in the same run. Arguments (optional): card (IMAG_M), frames (20000), warm-up seconds (30).
exec "$(dirname "$0")/java.sh" Processes "$@"
