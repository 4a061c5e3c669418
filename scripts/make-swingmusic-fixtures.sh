#!/usr/bin/env bash
# Makes the tiny tagged library the real-SwingMusic tests index (Tests/Fixtures/SwingMusicLibrary/), once: its
# files are committed, so the tests need neither this script nor its tools. Needs flac, metaflac and lame
# (apt-get install flac lame). Every file is a tenth of a second of silence; what matters is the tags.
set -euo pipefail
cd "$(dirname "$0")/.."
out=Tests/Fixtures/SwingMusicLibrary
rm -rf "$out"
mkdir -p "$out/copies"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/silence.wav" <<'PY'
import sys, wave
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
    w.writeframes(b"\0\0" * 800)
PY

# flac FILE TAG=VALUE…: a FLAC file with these Vorbis comments (a tag given twice has two values).
flac_file() {
    local file=$1; shift
    flac --silent --force --best -o "$out/$file" "$work/silence.wav"
    metaflac --remove-all-tags "$out/$file"
    for tag in "$@"; do metaflac --set-tag="$tag" "$out/$file"; done
    metaflac --dont-use-padding --remove --block-type=PADDING "$out/$file"
}

# mp3 FILE lame-options…: an MP3 file with these ID3v2 tags.
mp3_file() {
    local file=$1; shift
    lame --quiet -b 8 --id3v2-only --id3v2-utf16 "$@" "$work/silence.wav" "$out/$file"
}

flac_file "01 Under Pressure.flac" "TITLE=Under Pressure" "ARTIST=Queen/David Bowie" "ALBUMARTIST=Queen" \
    "ALBUM=Hot Space" "ISRC=GBUM71029604" "TRACKNUMBER=1"
mp3_file "copies/01 Under Pressure.mp3" --tt "Under Pressure" --ta "Queen/David Bowie" --tv "TPE2=Queen" \
    --tl "Hot Space" --tv "TSRC=GBUM71029604" --tn 1
mp3_file "02 Get Lucky.mp3" --tt "Get Lucky (feat. Pharrell Williams & Nile Rodgers)" --ta "Daft Punk" \
    --tv "TPE2=Daft Punk" --tl "Random Access Memories (Deluxe Edition)" --tv "TSRC=USQX91300108" --tn 2
flac_file "03 Yonkers.flac" "TITLE=Yonkers" "ARTIST=Tyler, The Creator" "ALBUMARTIST=Tyler, The Creator" \
    "ALBUM=Goblin" "ISRC=USQX91100341" "ISRC=USQX91100342"
mp3_file "04 September.mp3" --tt "September - Remastered 1999" --ta "Earth, Wind & Fire; Yusuf / Cat Stevens" \
    --tv "TPE2=Earth, Wind & Fire" --tl "The Best of Earth, Wind & Fire, Vol. 1"
flac_file "05 Mask Off.flac" "TITLE=Mask Off (prod. Metro Boomin)" "ARTIST=Future, Kendrick Lamar" \
    "ALBUMARTIST=Future" "ALBUM=FUTURE"
flac_file "06 Up & Up.flac" "TITLE=Up & Up" "ARTIST=Coldplay & Beyoncé" "ALBUMARTIST=Coldplay" \
    "ALBUM=A Head Full of Dreams"
flac_file "07 Two Artist Tags.flac" "TITLE=Two Artist Tags [feat. AC/DC]" "ARTIST=Simon & Garfunkel" \
    "ARTIST=Sigur Rós" "ALBUMARTIST=Simon & Garfunkel" "ALBUM=Two Artist Tags [feat. AC/DC]"
flac_file "08 Back In Black.flac" "TITLE=Back In Black (2003 Remaster)" "ARTIST=AC/DC" "ALBUMARTIST=AC/DC" \
    "ALBUM=Back In Black [Remastered]" "ISRC=AUAP08000046"
flac_file "09 untagged.flac"
ls -l "$out" "$out/copies"
