#!/usr/bin/env bash
# Builds the release archive dist/swingcache-VERSION-linux-ARCH.tar.gz, which installs without a Swift toolchain:
# the swingcache binary with the Swift runtime and Foundation linked in (--static-swift-stdlib), bash/zsh/fish
# completions, man pages, the systemd units and crontab example (cron/), the example jobs (jobs/), the README and
# docs/, and install.sh. Prints the archive's path last.
#
#   scripts/package.sh                 build (release, in .build-static) and pack
#   scripts/package.sh --skip-build    pack what .build-static/release holds
#
# The binary still needs the system's C libraries; they are listed in the archive's LIBRARIES file, and
# install.sh checks them. Build products stay out of git (.build*/ and dist/ are ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

build=true
for argument in "$@"; do
    case "$argument" in
        --skip-build) build=false ;;
        -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "package.sh: unknown option '$argument' (see --help)" >&2; exit 64 ;;
    esac
done

scratch=.build-static
binary=$scratch/release/swingcache
manual_tool=$scratch/release/generate-manual
if $build; then
    scripts/setup.sh
    echo "== building swingcache (release, Swift runtime linked statically) in $scratch"
    swift build -c release --static-swift-stdlib --product swingcache --scratch-path "$scratch"
    # swift-argument-parser's own man page generator, built from the package mirror like any dependency.
    swift build -c release --product generate-manual --scratch-path "$scratch" \
        || echo "package.sh: generate-manual did not build; the archive will have no man pages" >&2
fi
[ -x "$binary" ] || { echo "package.sh: no $binary (run without --skip-build)" >&2; exit 66; }

# A Swift library left in the binary's dependencies means a machine without Swift cannot run it.
swift_libraries='libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime'
if ldd "$binary" | grep -E "$swift_libraries" >&2; then
    echo "package.sh: $binary still needs the Swift libraries above" >&2
    exit 1
fi

version=$("$binary" --version | awk '{ print $NF }')
name="swingcache-$version-linux-$(uname -m)"
stage="dist/$name"
echo "== packing $name"
rm -rf "$stage" "dist/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/completions" "$stage/man/man1" "$stage/cron" "$stage/docs"
install -m 0755 "$binary" "$stage/bin/swingcache"
strip "$stage/bin/swingcache"
"$stage/bin/swingcache" --generate-completion-script bash >"$stage/completions/swingcache.bash"
"$stage/bin/swingcache" --generate-completion-script zsh >"$stage/completions/_swingcache"
"$stage/bin/swingcache" --generate-completion-script fish >"$stage/completions/swingcache.fish"
if [ -x "$manual_tool" ]; then
    "$manual_tool" "$stage/bin/swingcache" --output-directory "$stage/man/man1" --multi-page \
        --authors "the swingcache authors" --section 1 >/dev/null
else
    echo "package.sh: no man pages ($manual_tool is missing)" >&2
    rmdir "$stage/man/man1" "$stage/man"
fi
cp -R cron/crontab.example cron/logrotate.conf cron/systemd "$stage/cron/"
cp -R jobs "$stage/jobs"
cp README.md "$stage/"
cp docs/* "$stage/docs/"
install -m 0755 scripts/install.sh "$stage/install.sh"
# The C libraries the binary is linked against, each with the Debian package that has it (install.sh names them
# when one is missing).
readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | while read -r library; do
    # awk reads all of ldconfig's output: leaving early would end ldconfig with SIGPIPE, which pipefail makes fatal.
    path=$(ldconfig -p | awk -v name="$library" '!found && $1 == name && /x86-64|aarch64|64bit/ { print $NF; found = 1 }')
    owner=""
    for candidate in "$path" "$(readlink -f "$path")"; do
        [ -n "$owner" ] || owner=$(dpkg -S "$candidate" 2>/dev/null | sed -n '1s/:.*//p' || true)
    done
    printf '%s %s\n' "$library" "${owner:-?}"
done >"$stage/LIBRARIES"
echo "$version" >"$stage/VERSION"

tar -C dist --owner=0 --group=0 --numeric-owner -czf "dist/$name.tar.gz" "$name"
echo "== $(du -h "dist/$name.tar.gz" | cut -f1) dist/$name.tar.gz (binary $(du -h "$stage/bin/swingcache" | cut -f1))"
echo "dist/$name.tar.gz"
