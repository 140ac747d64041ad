#!/usr/bin/env bash
# Installs the Debian packages Marketbench needs, and only those that are missing.
#   scripts/setup.sh run    runtime libraries for the window (X11/Wayland, GL/EGL)
#   scripts/setup.sh test   what the test suite needs (a CPU renderer for egui_kittest;
#                           PostgreSQL and MariaDB, which tests/db_sources.rs starts in
#                           temporary folders; a D-Bus session bus and GNOME Keyring,
#                           which tests/db_keyring.rs starts the same way: no service
#                           is enabled or started here)
#   scripts/setup.sh shot   Xvfb and ImageMagick, for scripts/screenshot.sh
# Building needs the Rust toolchain and a C/C++ compiler (candle's tokenizers
# dependency compiles C++), no -dev package.
set -euo pipefail

want=(g++ libgl1 libegl1 libgl1-mesa-dri libx11-6 libxcursor1 libxrandr2 libxi6 libxkbcommon-x11-0
      libwayland-client0 libwayland-cursor0 libwayland-egl1)
case "${1:-run}" in
  run) ;;
  test) want+=(mesa-vulkan-drivers libvulkan1 postgresql mariadb-server dbus-daemon gnome-keyring) ;;
  shot) want+=(mesa-vulkan-drivers libvulkan1 xvfb imagemagick xdotool) ;;
  *) echo "usage: $0 [run|test|shot]" >&2; exit 2 ;;
esac

missing=()
for package in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Marketbench: not a Debian system; please install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "Marketbench: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
