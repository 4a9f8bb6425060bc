#!/usr/bin/env bash
# Installs the Debian 12 packages telusur needs, only those missing. Works as root or via sudo.
set -euo pipefail

packages=(
  g++ make cmake pkg-config          # toolchain (CMake >= 3.25)
  libxapian-dev                      # search engine library
  libicu-dev                         # word breaking, normalisation, regex
  libstemmer-dev                     # Snowball stemmers
  libcli11-dev                       # command-line parsing
  nlohmann-json3-dev                 # JSON Lines input, JSON output
  doctest-dev                        # unit and end-to-end tests
  libmicrohttpd-dev                  # HTTP API of telusur-query --serve
  libcpp-httplib-dev                 # HTTP client of the tests and the load benchmark
  zlib1g-dev libzstd-dev             # reading .jsonl.gz and .jsonl.zst archives
  libxml2-dev                        # HTML in article fields (CMS exports) read as text
  libcsv-dev                         # CSV archives (spreadsheet and dataset exports)
  libgoogle-perftools-dev            # tcmalloc for telusur-index (Xapian's writer allocates a lot)
  python3                            # bench scripts (the peers harness measures with Python)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install ${missing[*]}" >&2; exit 2; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
