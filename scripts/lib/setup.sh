# Shared by test.sh and demo.sh: install the Debian packages the build needs (only those missing), then configure
# and build a CMake preset. Meant to be sourced from the repository root.

readonly packages=(
  g++ cmake ninja-build pkg-config clang-format
  libsqlite3-dev libsqlitecpp-dev libyaml-cpp-dev libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev
  libhowardhinnant-date-dev tzdata libssl-dev libboost-dev libeigen3-dev catch2
  libcurl4-openssl-dev libcpp-httplib-dev libutf8proc-dev openssl libpq-dev
)

# install_missing_packages [EXTRA...]: the build's packages and any others named, those not installed yet.
install_missing_packages() {
  local missing=()
  local package
  for package in "${packages[@]}" "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  if [ ${#missing[@]} -eq 0 ]; then
    return
  fi
  echo "Installing missing packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build PRESET [TARGET...]
build() {
  local preset=$1
  shift
  cmake --preset "$preset" >/dev/null
  if [ $# -gt 0 ]; then
    cmake --build --preset "$preset" --target "$@"
  else
    cmake --build --preset "$preset"
  fi
}
