#!/usr/bin/env bash
# Shows that the release archive installs and runs on a Debian system with no Swift: unpacks it, checks that `ldd`
# of its binary names no Swift library, then, in a clean Debian root (debootstrap --variant=minbase, kept in
# .cache/check-archive/ for the next run) that holds no Swift, installs it with its own install.sh --cron and runs
# --version, --help, a completion script and `get --offline` on a new database.
#
#   scripts/check-archive.sh                  builds the archive first (scripts/package.sh, incremental in
#                                             .build-static)
#   scripts/check-archive.sh FILE.tar.gz      checks that archive
#   --copied-libraries                        in a root of just the libraries `ldd` lists (no debootstrap)
#
# Skipped (exit 0, with the reason) when not run as root, which chroot needs. Without debootstrap, or without a
# Debian mirror, the root is made of just the C libraries `ldd` lists: less like a user's system, still no Swift.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" -ne 0 ]; then
    echo "check-archive: skipped: chroot needs root (run as root to check the archive in a root without Swift)"
    exit 0
fi

archive=""
copied_libraries=false
for argument in "$@"; do
    case "$argument" in
        --copied-libraries) copied_libraries=true ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "check-archive: unknown option '$argument' (see --help)" >&2; exit 64 ;;
        *) archive=$argument ;;
    esac
done
if [ -z "$archive" ]; then
    # The build is incremental, so an unchanged tree costs little; its output goes to standard error as it comes
    # (through the inherited descriptor: reopening /dev/stderr would truncate a log file it points at).
    package_output=$(mktemp)
    scripts/package.sh | tee "$package_output" >&2
    archive=$(tail -n 1 "$package_output")
    rm -f "$package_output"
fi
[ -f "$archive" ] || { echo "check-archive: archive '$archive' does not exist" >&2; exit 66; }
started=$(date +%s)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xzf "$archive" -C "$work"
name=$(basename "$archive" .tar.gz)
unpacked="$work/$name"
for path in bin/swingcache install.sh README.md LIBRARIES completions/swingcache.bash completions/_swingcache \
    completions/swingcache.fish cron/crontab.example cron/systemd/swingcache.service jobs/library.yaml docs; do
    [ -e "$unpacked/$path" ] || { echo "check-archive: $archive has no $name/$path" >&2; exit 1; }
done
[ -d "$unpacked/man/man1" ] || echo "check-archive: note: $archive has no man pages"

echo "== ldd $name/bin/swingcache"
ldd "$unpacked/bin/swingcache" | tee "$work/ldd"
if grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime' "$work/ldd" >/dev/null; then
    echo "check-archive: FAILED: the binary still needs a Swift library (above)" >&2
    exit 1
fi

# copy_libraries ROOT FILE...: each file and every library `ldd` lists for it, at the same paths under ROOT.
copy_libraries() {
    local into=$1 file real library
    shift
    for file in "$@"; do
        real=$(readlink -f "$file")
        mkdir -p "$into$(dirname "$file")" "$into$(dirname "$real")"
        cp -L "$real" "$into$real"
        [ "$real" = "$file" ] || cp -L "$real" "$into$file"
        { ldd "$real" 2>/dev/null || true; } | { grep -o '/[^ ]*' || true; } | while read -r library; do
            mkdir -p "$into$(dirname "$library")" && cp -L "$library" "$into$library"
        done
    done
}

# The root: debootstrap's minimal Debian, made once (again when the archive needs other packages), with the Debian
# packages LIBRARIES names for the binary's C libraries. Without debootstrap or a mirror (or with
# --copied-libraries): the loader and the libraries `ldd` lists, with the few programs install.sh uses.
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
packages=$(awk '$2 != "?" { print $2 }' "$unpacked/LIBRARIES" | sort -u | paste -sd, -)
made="debootstrap $suite minbase with $packages"
cache=.cache/check-archive
root="$cache/$suite"
if ! $copied_libraries && [ "$(cat "$root/.complete" 2>/dev/null)" != "$made" ]; then
    command -v debootstrap >/dev/null || { apt-get install -y -qq debootstrap >/dev/null 2>&1 || true; }
    # The mirror apt uses here.
    mirror=$(cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
        | sed -n "s/^URIs: *\(http[^ ]*\/debian\)\$/\1/p; s/^deb  *\(http[^ ]*\/debian\)  *$suite .*/\1/p" \
        | head -n 1 || true)
    rm -rf "$root" "$root.tmp"
    mkdir -p "$cache"
    if command -v debootstrap >/dev/null \
        && debootstrap --variant=minbase --include="$packages" "$suite" "$root.tmp" \
            "${mirror:-http://deb.debian.org/debian}" >"$cache/debootstrap.log" 2>&1; then
        mv "$root.tmp" "$root"
        echo "$made" >"$root/.complete"
    else
        echo "check-archive: debootstrap failed or is missing (see $cache/debootstrap.log); using a root of copied libraries"
        rm -rf "$root.tmp"
        copied_libraries=true
    fi
fi
if $copied_libraries; then
    root="$cache/copied"
    rm -rf "$root"
    mkdir -p "$root/tmp" "$root/proc"
    copy_libraries "$root" /bin/bash /bin/sh /usr/bin/env /usr/bin/install /bin/mkdir /bin/cp /bin/rm /bin/sed \
        /usr/bin/tail /usr/bin/awk /usr/bin/id /usr/bin/uname /usr/bin/dirname /bin/cat /usr/bin/tr /usr/bin/ldd \
        /usr/bin/find /usr/bin/head /bin/grep /bin/chmod "$(readlink -f /lib64/ld-linux-x86-64.so.2 2>/dev/null || true)"
    grep -o '/[^ ]*' "$work/ldd" | while read -r library; do copy_libraries "$root" "$library"; done
    echo "the loader, $(grep -c '=> /' "$work/ldd") libraries ldd lists and the programs install.sh uses" >"$root/.complete"
fi
if find "$root" \( -name 'libswift*' -o -name 'libFoundation*' -o -name 'libdispatch*' -o -name swift \) \
    -print -quit | grep -q .; then
    echo "check-archive: FAILED: the root $root holds Swift files" >&2
    exit 1
fi

echo "== install.sh --systemd --dry-run from the unpacked archive: says what it would do, changes nothing"
"$unpacked/install.sh" --systemd --dry-run >"$work/systemd-dry-run.log" 2>&1 \
    || { cat "$work/systemd-dry-run.log" >&2; echo "check-archive: FAILED: install.sh --systemd --dry-run" >&2; exit 1; }
if ! grep -q "Dry run: nothing was changed" "$work/systemd-dry-run.log" || grep -q "^Installed" "$work/systemd-dry-run.log"; then
    cat "$work/systemd-dry-run.log" >&2
    echo "check-archive: FAILED: install.sh --systemd --dry-run did not say it changed nothing" >&2
    exit 1
fi

echo "== in $root ($(cat "$root/.complete")), which holds no Swift: install.sh --cron, then run it"
inside=/tmp/check-archive
rm -rf "$root$inside"
mkdir -p "$root$inside/home"
cp -R "$unpacked" "$root$inside/"
# A binary with the Swift runtime linked in reads its arguments from /proc/self/cmdline, as on any running system.
mount -t proc proc "$root/proc" \
    || { echo "check-archive: FAILED: cannot mount /proc in $root, which the binary needs" >&2; exit 1; }
trap 'umount "${root:?}/proc"; rm -rf "$work" "${root:?}$inside"' EXIT
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME="$inside/home" LANG=C.UTF-8 "$@"; }
in_root /bin/bash "$inside/$name/install.sh" --cron >"$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; echo "check-archive: FAILED: install.sh --cron" >&2; exit 1; }
swingcache="$inside/home/.local/bin/swingcache"
version=$(in_root "$swingcache" --version)
in_root "$swingcache" --help >"$work/help"
in_root "$swingcache" --generate-completion-script bash >"$work/completion"
status=0
in_root "$swingcache" get track 4iV5W9uYEdYUVa79Axb7Rh --offline --db "$inside/cache.sqlite" >"$work/get" 2>&1 \
    || status=$?
# Not cached yet: the offline get opens (creates) the SQLite database and says so, exit 75.
if [ "$status" -ne 75 ] || ! grep -q "not cached" "$work/get"; then
    cat "$work/get" >&2
    echo "check-archive: FAILED: get --offline exited $status in the root without Swift" >&2
    exit 1
fi
[ -s "$work/help" ] && grep -q complete "$work/completion" \
    || { echo "check-archive: FAILED: --help or the completion script printed nothing" >&2; exit 1; }
for installed in .local/bin/swingcache .local/share/bash-completion/completions/swingcache \
    .local/share/zsh/site-functions/_swingcache .config/fish/completions/swingcache.fish \
    .config/swingcache/jobs/library.yaml .config/swingcache/logrotate.conf .local/share/doc/swingcache/README.md; do
    [ -e "$root$inside/home/$installed" ] \
        || { cat "$work/install.log" >&2; echo "check-archive: FAILED: install.sh did not install ~/$installed" >&2; exit 1; }
done
echo "$version runs there: --help $(wc -l <"$work/help") lines, get --offline exit $status: $(head -n 1 "$work/get")"
echo "installed by its install.sh, which said: $(grep -m 1 -E 'schedule|Installed' "$work/install.log")"
echo "check-archive: ok ($(du -h "$archive" | cut -f1) archive, $(($(date +%s) - started)) s)"
