#!/usr/bin/env bash
# Installs swingcache for unattended use, or removes it again.
#
#   scripts/install.sh --systemd     as root: /usr/local/bin, a `swingcache` system user, /etc/swingcache,
#                                    /var/lib/swingcache, and the warm-up and cleanup timers (cron/systemd/)
#   scripts/install.sh --cron        as any user: ~/.local/bin, ~/.config/swingcache, ~/.local/share/swingcache,
#                                    and the lines of cron/crontab.example in the user's crontab
#   scripts/install.sh --uninstall [--systemd|--cron]
#                                    removes the binary, the timers or crontab lines, completions and man pages;
#                                    keeps the config (it holds your credentials) and the database
#   --dry-run                        print what would be done, change nothing
#
# Both modes install a config file readable only by its owner (fill in SPOTIFY_CLIENT_ID and
# SPOTIFY_CLIENT_SECRET), bash/zsh/fish completions and man pages.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=""
uninstall=false
dry_run=false
for argument in "$@"; do
    case "$argument" in
        --systemd) mode=systemd ;;
        --cron) mode=cron ;;
        --uninstall) uninstall=true ;;
        --dry-run) dry_run=true ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option '$argument' (see --help)" >&2; exit 64 ;;
    esac
done
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
    man_dir=/usr/local/share/man/man1
    completion_dir=/usr/share/bash-completion/completions
else
    bin_dir="$HOME/.local/bin"
    config_dir="${XDG_CONFIG_HOME:-$HOME/.config}/swingcache"
    state_dir="${XDG_DATA_HOME:-$HOME/.local/share}/swingcache"
    man_dir="${XDG_DATA_HOME:-$HOME/.local/share}/man/man1"
    completion_dir="${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion/completions"
fi

if $uninstall; then
    if [ "$mode" = systemd ]; then
        run systemctl disable --now swingcache.timer swingcache-cleanup.timer || true
        run rm -f /etc/systemd/system/swingcache.service /etc/systemd/system/swingcache.timer \
            /etc/systemd/system/swingcache-cleanup.service /etc/systemd/system/swingcache-cleanup.timer
        run systemctl daemon-reload
    elif command -v crontab >/dev/null; then
        current=$(crontab -l 2>/dev/null || true)
        if $dry_run; then
            echo "would remove the swingcache lines from the crontab"
        else
            printf '%s\n' "$current" | sed '/^# BEGIN swingcache$/,/^# END swingcache$/d' | crontab -
        fi
    fi
    run rm -f "$bin_dir/swingcache" "$completion_dir/swingcache"
    run sh -c "rm -f '$man_dir'/swingcache.*1 '$man_dir'/swingcache.1"
    echo "swingcache removed. Kept: $config_dir (credentials) and $state_dir (the cache); delete them by hand if you want."
    exit 0
fi

scripts/setup.sh
echo "== building (release)"
run swift build -c release --product swingcache
run swift package --allow-writing-to-package-directory generate-manual --configuration release
binary=.build/release/swingcache

echo "== installing into $bin_dir, $config_dir, $state_dir"
run mkdir -p "$bin_dir" "$config_dir/jobs" "$state_dir" "$man_dir" "$completion_dir"
run install -m 0755 "$binary" "$bin_dir/swingcache"
run sh -c "cp .build/plugins/GenerateManual/outputs/swingcache/*.1 '$man_dir'/"
run sh -c "'$bin_dir/swingcache' --generate-completion-script bash > '$completion_dir/swingcache'"
[ -f "$config_dir/jobs/nightly.yaml" ] || run install -m 0644 jobs/nightly.yaml "$config_dir/jobs/nightly.yaml"
[ -d "$config_dir/jobs/ids" ] || run cp -r jobs/ids "$config_dir/jobs/ids"
if [ ! -f "$config_dir/config" ]; then
    if $dry_run; then
        echo "would write $config_dir/config (mode 600) with empty SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET"
    else
        (umask 077 && cat > "$config_dir/config" <<'CONFIG'
# swingcache configuration: fill in your Spotify app's credentials. Keep this file mode 600.
SPOTIFY_CLIENT_ID=
SPOTIFY_CLIENT_SECRET=
SWINGCACHE_MARKET=US
CONFIG
)
    fi
fi

if [ "$mode" = systemd ]; then
    id swingcache >/dev/null 2>&1 || run useradd --system --home-dir "$state_dir" --shell /usr/sbin/nologin swingcache
    run chown -R swingcache:swingcache "$state_dir"
    # The run reads it as the swingcache user, and swingcache refuses a config file group or others can read.
    run chown swingcache:swingcache "$config_dir/config"
    run chmod 0600 "$config_dir/config"
    run install -m 0644 cron/systemd/swingcache.service cron/systemd/swingcache.timer \
        cron/systemd/swingcache-cleanup.service cron/systemd/swingcache-cleanup.timer /etc/systemd/system/
    run systemctl daemon-reload
    run systemctl enable --now swingcache.timer swingcache-cleanup.timer
    echo "Installed. Next: put your credentials in $config_dir/config, then 'systemctl start swingcache.service' and 'journalctl -u swingcache'."
else
    command -v crontab >/dev/null || { echo "install.sh: no crontab command here (apt-get install cron), or use --systemd" >&2; exit 69; }
    if $dry_run; then
        echo "would add the lines of cron/crontab.example to the crontab"
    else
        { crontab -l 2>/dev/null | sed '/^# BEGIN swingcache$/,/^# END swingcache$/d'; sed -n '/^# BEGIN swingcache$/,/^# END swingcache$/p' cron/crontab.example; } | crontab -
    fi
    echo "Installed. Next: put your credentials in $config_dir/config; runs start at the next multiple of 6 hours (crontab -l)."
fi
