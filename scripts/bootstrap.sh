#!/usr/bin/env bash
# Installs what building and testing policy needs, from Debian's packages. Idempotent and
# quiet when everything is there already.
set -euo pipefail
packages=(build-essential cmake ninja-build pkg-config libicu-dev icu-devtools libre2-dev libsqlite3-dev sqlite3
          libfmt-dev libcli11-dev doctest-dev nlohmann-json3-dev python3 python3-jieba libxlsxwriter-dev)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "bootstrap: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
