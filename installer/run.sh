#!/usr/bin/env bash
# One entry for a fresh Debian/Ubuntu machine: installs what is missing, then runs.
#   installer/run.sh demo [kiosk options]   set up, then start the kiosk in demo mode
#   installer/run.sh test [pytest options]  set up, then run the whole test suite headless
# Idempotent: a second run installs nothing new. Works as root with no display.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${KIOSK_VENV:-$ROOT/.venv}"
MODE="${1:-}"
shift || true

# System libraries: zbar for pyzbar; what Qt's xcb platform, Qt Quick and Qt Virtual Keyboard
# load; Xvfb for a display-less machine (and, with xdotool, the real-display tests); poppler-utils
# and OCR-B for the tests' documents.
APT_PACKAGES=(
  python3 python3-venv python3-pip
  libzbar0 libgl1 libegl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0
  libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libpulse0 libcups2
  xvfb xauth xdotool fonts-dejavu-core fonts-ocr-b poppler-utils
)

log() { printf '\033[1m[kiosk setup]\033[0m %s\n' "$*"; }

install_system_packages() {
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # The python3 packages are only needed when no usable Python 3.11+ with venv exists.
  if python3 -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    local keep=()
    for p in "${missing[@]}"; do [[ $p == python3* ]] || keep+=("$p"); done
    missing=("${keep[@]}")
  fi
  [ ${#missing[@]} -eq 0 ] && { log "system packages present"; return; }
  log "installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_python_packages() {
  [ -x "$VENV/bin/python" ] || { log "creating virtualenv $VENV"; python3 -m venv "$VENV"; }
  local stamp="$VENV/.kiosk-installed" want
  want="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing Python packages into $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[dev]"
    echo "$want" > "$stamp"
  else
    log "Python packages present"
  fi
}

compile_translations() {
  "$VENV/bin/python" "$ROOT/installer/translations.py" compile
}

# The kiosk's own bytecode, compiled once here: the account a kiosk runs under may not write next
# to the code, and compiling at every start costs about 1 ms a module (compileall skips what is
# up to date).
compile_bytecode() {
  "$VENV/bin/python" -m compileall -q "$ROOT/main.py" "$ROOT/kiosk" "$ROOT/ui" "$ROOT/offline_cache" \
    "$ROOT/sandbox" >/dev/null
}

has_display() { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }

case "$MODE" in
  demo)
    install_system_packages; install_python_packages; compile_translations; compile_bytecode
    cd "$ROOT"
    if has_display; then
      exec "$VENV/bin/python" main.py "$@"
    fi
    log "no display: starting the kiosk on a virtual screen (Xvfb :99, 1920x1080)"
    exec xvfb-run -a -s "-screen 0 1920x1080x24" "$VENV/bin/python" main.py "$@"
    ;;
  test)
    install_system_packages; install_python_packages; compile_translations
    cd "$ROOT"
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  setup)
    install_system_packages; install_python_packages; compile_translations; compile_bytecode
    ;;
  *)
    echo "usage: $0 demo|test|setup [options]" >&2
    exit 2
    ;;
esac
