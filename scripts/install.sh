#!/usr/bin/env bash
# Installs swingcache for unattended use, or removes it again. From a release archive no Swift toolchain is needed.
#
#   install.sh --systemd       as root: /usr/local/bin, a `swingcache` system user, /etc/swingcache,
#                              /var/lib/swingcache, the warm-up and cleanup timers (cron/systemd/)
#   install.sh --cron          as any user: ~/.local/bin, ~/.config/swingcache, ~/.local/share/swingcache,
#                              the lines of cron/crontab.example in the user's crontab
#   install.sh --uninstall [--systemd|--cron]
#                              removes the binary, the timers or crontab lines, completions, man pages and docs;
#                              keeps the config (it holds your credentials), your job and the database
#   --archive FILE             install from a release archive (swingcache-VERSION-linux-ARCH.tar.gz)
#   --dry-run                  print what would be done, change nothing
#
# Where it finds swingcache: run from an unpacked release archive (./install.sh), it installs that archive's
# files; with --archive FILE, that archive's; from a source checkout (scripts/install.sh), it first builds the
# archive's folder with scripts/package.sh (Swift 6.2 or later needed).
#
# It installs a config file only its owner can read, your job ($CONFIG/jobs/library.yaml, from
# jobs/library.yaml: edit it), the example jobs and docs under share/doc/swingcache, bash/zsh/fish completions
# and man pages. The schedule (timers or crontab lines) is switched on only once the config holds Spotify
# credentials and `swingcache plan` can read your job and SwingMusic's database; until then it says what is
# missing. Run it again after filling them in.
set -euo pipefail

mode=""
uninstall=false
dry_run=false
archive=""
forwarded=()
while [ $# -gt 0 ]; do
    case "$1" in
        --systemd) mode=systemd; forwarded+=("$1") ;;
        --cron) mode=cron; forwarded+=("$1") ;;
        --uninstall) uninstall=true; forwarded+=("$1") ;;
        --dry-run) dry_run=true; forwarded+=("$1") ;;
        --archive)
            [ $# -ge 2 ] || { echo "install.sh: --archive needs the path of a swingcache-*.tar.gz" >&2; exit 64; }
            archive=$2; shift ;;
        --archive=*) archive=${1#--archive=} ;;
        -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 64 ;;
    esac
    shift
done

if [ -n "$archive" ]; then
    [ -f "$archive" ] || { echo "install.sh: archive '$archive' does not exist" >&2; exit 66; }
    unpacked=$(mktemp -d)
    trap 'rm -rf "$unpacked"' EXIT
    tar -xzf "$archive" -C "$unpacked" 2>/dev/null \
        || { echo "install.sh: '$archive' is not a swingcache release archive (not a .tar.gz)" >&2; exit 65; }
    inner=$(find "$unpacked" -mindepth 2 -maxdepth 2 -name install.sh -path '*/swingcache-*/install.sh' | head -n 1)
    [ -n "$inner" ] || { echo "install.sh: '$archive' is not a swingcache release archive (no swingcache-*/install.sh in it)" >&2; exit 65; }
    # The archive's own installer installs the archive's files.
    bash "$inner" ${forwarded[@]+"${forwarded[@]}"}
    exit $?
fi

here=$(cd "$(dirname "$0")" && pwd)
if [ -x "$here/bin/swingcache" ]; then
    root=$here
    source_checkout=""
elif [ -f "$here/../Package.swift" ] && [ -f "$here/package.sh" ]; then
    source_checkout=$(cd "$here/.." && pwd)
    root=""
else
    echo "install.sh: found neither bin/swingcache beside it (a release archive) nor a source checkout; use --archive FILE" >&2
    exit 66
fi

if [ -z "$mode" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then mode=systemd; else mode=cron; fi
fi

run() {
    if $dry_run; then printf 'would run: %s\n' "$*"; else "$@"; fi
}

if [ "$mode" = systemd ]; then
    [ "$(id -u)" -eq 0 ] || { echo "install.sh: --systemd needs root (or use --cron)" >&2; exit 77; }
    bin_dir=/usr/local/bin
    config_dir=/etc/swingcache
    state_dir=/var/lib/swingcache
    share_dir=/usr/local/share
    man_dir=$share_dir/man/man1
    bash_completion_dir=$share_dir/bash-completion/completions
    zsh_completion_dir=$share_dir/zsh/site-functions
    fish_completion_dir=$share_dir/fish/vendor_completions.d
else
    share_dir="${XDG_DATA_HOME:-$HOME/.local/share}"
    bin_dir="$HOME/.local/bin"
    config_dir="${XDG_CONFIG_HOME:-$HOME/.config}/swingcache"
    state_dir="$share_dir/swingcache"
    man_dir="$share_dir/man/man1"
    bash_completion_dir="$share_dir/bash-completion/completions"
    zsh_completion_dir="$share_dir/zsh/site-functions"
    fish_completion_dir="${XDG_CONFIG_HOME:-$HOME/.config}/fish/completions"
fi
doc_dir="$share_dir/doc/swingcache"
job="$config_dir/jobs/library.yaml"

if $uninstall; then
    if [ "$mode" = systemd ]; then
        run systemctl disable --now swingcache.timer swingcache-cleanup.timer || true
        run rm -f /etc/systemd/system/swingcache.service /etc/systemd/system/swingcache.timer \
            /etc/systemd/system/swingcache-cleanup.service /etc/systemd/system/swingcache-cleanup.timer
        run systemctl daemon-reload
    elif command -v crontab >/dev/null; then
        if $dry_run; then
            echo "would remove the swingcache lines from the crontab"
        else
            { crontab -l 2>/dev/null || true; } \
                | sed -e '/^# BEGIN swingcache$/,/^# END swingcache$/d' -e '/^# BEGIN swingcache logs$/,/^# END swingcache logs$/d' \
                | crontab -
        fi
    fi
    run rm -f "$bin_dir/swingcache" "$bash_completion_dir/swingcache" "$zsh_completion_dir/_swingcache" \
        "$fish_completion_dir/swingcache.fish"
    run sh -c "rm -f '$man_dir'/swingcache.1 '$man_dir'/swingcache.*.1"
    run rm -rf "$doc_dir"
    if $dry_run; then
        echo "Dry run: nothing was removed."
    else
        echo "swingcache removed. Kept: $config_dir (credentials, your job) and $state_dir (the cache); delete them by hand if you want."
    fi
    exit 0
fi

if [ -n "$source_checkout" ]; then
    echo "== building the release archive's folder from the source checkout (scripts/package.sh)"
    if $dry_run; then
        echo "would run: scripts/package.sh"
        root="$source_checkout/dist/swingcache-VERSION-linux-$(uname -m)"
    else
        # Its progress goes to standard error through the inherited descriptor (reopening /dev/stderr would
        # truncate a log file it points at); its last line names the archive.
        package_output=$(mktemp)
        "$source_checkout/scripts/package.sh" | tee "$package_output" >&2
        archive_path=$(tail -n 1 "$package_output")
        rm -f "$package_output"
        root="$source_checkout/${archive_path%.tar.gz}"
    fi
fi

# The binary needs the system's C libraries (the archive's LIBRARIES file lists them); Swift is linked in.
if [ -x "$root/bin/swingcache" ] && command -v ldd >/dev/null; then
    missing=$(ldd "$root/bin/swingcache" | awk '/not found/ { print $1 }' | tr '\n' ' ')
    if [ -n "$missing" ]; then
        echo "install.sh: swingcache needs these libraries, missing here: $missing" >&2
        echo "install.sh: on Debian or Ubuntu: apt-get install libsqlite3-0 libxxhash0 zlib1g (the archive's LIBRARIES file lists them)" >&2
        exit 69
    fi
fi

if $dry_run; then echo "== would install into $bin_dir, $config_dir, $state_dir, $doc_dir"; else
    echo "== installing into $bin_dir, $config_dir, $state_dir, $doc_dir"
fi
run mkdir -p "$bin_dir" "$config_dir/jobs" "$state_dir" "$doc_dir" "$man_dir" "$bash_completion_dir" \
    "$zsh_completion_dir" "$fish_completion_dir"
run install -m 0755 "$root/bin/swingcache" "$bin_dir/swingcache"
run install -m 0644 "$root/completions/swingcache.bash" "$bash_completion_dir/swingcache"
run install -m 0644 "$root/completions/_swingcache" "$zsh_completion_dir/_swingcache"
run install -m 0644 "$root/completions/swingcache.fish" "$fish_completion_dir/swingcache.fish"
if $dry_run || [ -d "$root/man/man1" ]; then
    run sh -c "install -m 0644 '$root'/man/man1/*.1 '$man_dir'/"
else
    echo "install.sh: this archive has no man pages; 'swingcache help COMMAND' shows the same text" >&2
fi
# The units' Documentation= and the error messages point here.
run rm -rf "$doc_dir"
run mkdir -p "$doc_dir"
run cp -R "$root/README.md" "$root/docs" "$root/jobs" "$root/cron" "$doc_dir/"

if [ "$mode" = cron ]; then
    # Cron appends to log files in $state_dir: logrotate keeps eight weeks of them (systemd uses the journal).
    if $dry_run; then
        echo "would write $config_dir/logrotate.conf (weekly rotation of $state_dir/*.log)"
    else
        sed "s#@LOG_DIR@#$state_dir#" "$root/cron/logrotate.conf" >"$config_dir/logrotate.conf"
    fi
fi

# Your job: matching your SwingMusic library. jobs/nightly.yaml's ids are examples and are never scheduled.
if [ -f "$job" ]; then
    echo "keeping your job $job"
else
    run install -m 0644 "$root/jobs/library.yaml" "$job"
fi
if [ ! -f "$config_dir/config" ]; then
    if $dry_run; then
        echo "would write $config_dir/config (mode 600) with empty SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET"
    else
        (umask 077 && cat >"$config_dir/config" <<'CONFIG'
# swingcache configuration: fill in your Spotify app's credentials (developer.spotify.com/dashboard).
# Keep this file mode 600: swingcache refuses a config file group or others can read.
SPOTIFY_CLIENT_ID=
SPOTIFY_CLIENT_SECRET=
SWINGCACHE_MARKET=US
# For `swingcache publish` (playlists and listening history into SwingMusic, docs/publishing.md):
# SWINGMUSIC_URL=http://127.0.0.1:1970
# SWINGMUSIC_USERNAME=
# SWINGMUSIC_PASSWORD=
# SWINGMUSIC_BACKUP_DIR=/home/swingmusic/swingmusic.backup
CONFIG
)
    fi
fi

if [ "$mode" = systemd ]; then
    id swingcache >/dev/null 2>&1 || run useradd --system --home-dir "$state_dir" --shell /usr/sbin/nologin swingcache
    run chown -R swingcache:swingcache "$state_dir"
    # The run reads it as the swingcache user, and swingcache refuses a config file group or others can read.
    if [ -f "$config_dir/config" ] || $dry_run; then
        run chown swingcache:swingcache "$config_dir/config"
        run chmod 0600 "$config_dir/config"
    fi
    run install -m 0644 "$root/cron/systemd/swingcache.service" "$root/cron/systemd/swingcache.timer" \
        "$root/cron/systemd/swingcache-cleanup.service" "$root/cron/systemd/swingcache-cleanup.timer" \
        /etc/systemd/system/
    run systemctl daemon-reload
fi

# What is still missing before a schedule can do anything useful, each with what to do.
missing=()
config_value() { sed -n "s/^[[:space:]]*\\(export[[:space:]]\\{1,\\}\\)\\{0,1\\}$1[[:space:]]*=[[:space:]]*//p" "$config_dir/config" 2>/dev/null | tail -n 1; }
if $dry_run && [ ! -f "$config_dir/config" ]; then
    missing+=("Spotify credentials: fill in SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET in $config_dir/config")
elif [ -z "$(config_value SPOTIFY_CLIENT_ID)" ] || [ -z "$(config_value SPOTIFY_CLIENT_SECRET)" ]; then
    missing+=("Spotify credentials: fill in SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET in $config_dir/config")
fi
if [ ${#missing[@]} -eq 0 ] && ! $dry_run; then
    # The schedule's own user reads the job and SwingMusic's database; plan spends no quota.
    if [ "$mode" = systemd ]; then
        check=(setpriv --reuid=swingcache --regid=swingcache --init-groups env HOME="$state_dir"
            SWINGCACHE_CONFIG="$config_dir/config" SWINGCACHE_DB="$state_dir/cache.sqlite")
    else
        check=(env)
    fi
    if ! plan_output=$("${check[@]}" "$bin_dir/swingcache" plan "$job" 2>&1); then
        missing+=("a job swingcache can read: 'swingcache plan $job' says: $(printf '%s' "$plan_output" | tail -n 3)")
    fi
fi

if [ "$mode" = systemd ]; then
    timers="swingcache.timer swingcache-cleanup.timer"
    if [ ${#missing[@]} -eq 0 ] && ! $dry_run; then
        run systemctl enable --now $timers
        echo "Installed; the timers are on: 'systemctl list-timers swingcache*', 'journalctl -u swingcache'."
    fi
else
    if [ ${#missing[@]} -eq 0 ] && ! $dry_run; then
        command -v crontab >/dev/null || { echo "install.sh: no crontab command here (apt-get install cron), or use --systemd" >&2; exit 69; }
        rotation='/^# BEGIN swingcache logs$/,/^# END swingcache logs$/'
        if ! command -v logrotate >/dev/null && [ ! -x /usr/sbin/logrotate ]; then
            echo "Note: logrotate is not installed (apt-get install logrotate): the logs in $state_dir will grow until it is."
        fi
        { crontab -l 2>/dev/null | sed -e '/^# BEGIN swingcache$/,/^# END swingcache$/d' -e "${rotation}d" || true
            sed -n -e '/^# BEGIN swingcache$/,/^# END swingcache$/p' -e "${rotation}p" "$root/cron/crontab.example"; } \
            | crontab -
        echo "Installed; the crontab runs $job every 6 hours ('crontab -l'), logging to $state_dir."
    fi
fi

if $dry_run; then
    echo "Dry run: nothing was changed. The schedule would be switched on once the config holds Spotify credentials and 'swingcache plan $job' succeeds."
elif [ ${#missing[@]} -gt 0 ]; then
    echo "Installed the files; the schedule is NOT on yet. Missing:"
    for item in "${missing[@]}"; do echo "  - $item"; done
    echo "Edit $job (library.swingmusic_db: the path of SwingMusic's swingmusic.db), then run this installer again."
    # An earlier installation's schedule is left as it was, but it now runs the job above.
    if [ "$mode" = systemd ] && systemctl is-enabled --quiet swingcache.timer 2>/dev/null; then
        echo "Note: swingcache.timer is still enabled from before and runs $job as it is; 'systemctl disable --now swingcache.timer' stops it."
    elif [ "$mode" = cron ] && crontab -l 2>/dev/null | grep -q '^# BEGIN swingcache$'; then
        echo "Note: your crontab still has the swingcache lines from before and runs $job as it is; delete them with 'crontab -e' (between '# BEGIN swingcache' and '# END swingcache') to stop it."
    fi
fi
if [ "$mode" = systemd ]; then
    cat <<ACCESS
SwingMusic's database: the timers run as the 'swingcache' user, which must be able to read swingmusic.db (and the
-wal/-shm files beside it, settings.json) and enter every folder above it; it never needs write access. Either add
it to the group of SwingMusic's folder (usermod -aG GROUP swingcache; chmod g+rx on the folders, g+r on the files),
or grant it read access by ACL: setfacl -R -m u:swingcache:rX FOLDER && setfacl -d -m u:swingcache:r FOLDER.
'swingcache plan' names the path that refuses, its owner and mode. See $doc_dir/README.md ("Install from the release archive").
ACCESS
fi
if [ "$mode" = cron ] && [ "${SHELL##*/}" = zsh ]; then
    echo "zsh: add 'fpath+=($zsh_completion_dir)' to ~/.zshrc before compinit for completions."
fi
