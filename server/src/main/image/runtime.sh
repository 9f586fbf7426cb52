#!/usr/bin/env bash
# The root file system under the image's application layers. No base image can be pulled here, so the
# image starts from scratch with: a Java runtime cut by jlink from the JDK that builds it, the shared
# libraries that runtime loads (copied from this machine: Debian's), and the non-root user it runs as.
# Usage: runtime.sh JDK_HOME OUTPUT_DIR. A runtime already cut from the same JDK by this script is kept.
set -euo pipefail
jdk="$1"
out="$2"
stamp="$jdk $(sha256sum "$0" | cut -c1-16)"
if [[ -f "$out.made-from" && "$(cat "$out.made-from")" == "$stamp" ]]; then
  echo "runtime.sh: $out is up to date"
  exit 0
fi
if [[ ! -x "$jdk/bin/jlink" || ! -d "$jdk/jmods" ]] || ! command -v ldd >/dev/null; then
  echo "runtime.sh: needs jlink and the jmods of $jdk, and ldd" >&2
  exit 1
fi
rm -rf "$out" "$out.made-from"
mkdir -p "$out"

"$jdk/bin/jlink" --add-modules java.se,jdk.crypto.ec,jdk.unsupported,jdk.management,jdk.zipfs,jdk.naming.dns \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/opt/java"

# every shared object the launcher and the runtime's libraries name, and the loader; not those of the
# desktop (X11, sound, fonts), which a headless server never loads
find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
  ! -name 'libawt_xawt.so' ! -name 'libjawt.so' ! -name 'libsplashscreen.so' ! -name 'libjsound.so' \
  ! -name 'libfontmanager.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' -print0 \
  | { xargs -0 ldd 2>/dev/null || true; } \
  | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $1 !~ /:$/ { print $1 }' | sort -u \
  | while read -r lib; do
      case "$lib" in "$out"/*) continue ;; esac # the runtime's own
      mkdir -p "$out$(dirname "$lib")"
      cp -L "$lib" "$out$lib"
    done

mkdir -p "$out/etc" "$out/tmp" "$out/var/druid-tasks"
printf 'root:x:0:0:root:/root:/sbin/nologin\ndruid:x:65532:65532:druid-tasks:/var/druid-tasks:/sbin/nologin\n' \
  > "$out/etc/passwd"
printf 'root:x:0:\ndruid:x:65532:\n' > "$out/etc/group"
echo "$stamp" > "$out.made-from"
echo "runtime.sh: a runtime of $(du -sh "$out" | cut -f1) in $out"
