#!/usr/bin/env bash
# Installs the Debian packages SiKerja needs, or says exactly what to run when it cannot.
#   scripts/system-deps.sh app    -> what the app needs to run
#   scripts/system-deps.sh test   -> plus what the tests need (Debian's Chromium, LibreOffice Writer, poppler-utils)
set -euo pipefail
want=${1:-app}
need=()
python_bin=${PYTHON:-python3.11}
command -v "$python_bin" >/dev/null 2>&1 || python_bin=python3
if ! "$python_bin" -c 'import ensurepip, venv' >/dev/null 2>&1; then need+=(python3-venv); fi
# WeasyPrint (naskah dinas PDF) needs Pango; the letters use Liberation Sans (metric-compatible Arial).
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-liberation; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
if [ "$want" = test ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium)
  # DOCX -> PDF check of the naskah dinas (LibreOffice headless) and pdftoppm for looking at letters.
  command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
  command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
  fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Memasang paket sistem: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "Memasang paket sistem: ${need[*]}"
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "SiKerja membutuhkan paket sistem yang belum terpasang: ${need[*]}" >&2
  echo "Jalankan sebagai root:  sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
