#!/usr/bin/env sh
# Points every manifest in deploy/ at one image tag (CI passes the commit SHA it built and
# pushed); Argo CD rolls out what this commit says. Usage: scripts/set-image-tag.sh <tag>
set -eu
tag=${1:?usage: set-image-tag.sh <tag>}
repository='${{ values.imageRepository }}'
case "$tag" in *[!A-Za-z0-9._-]*) echo "set-image-tag.sh: not a valid image tag: $tag" >&2; exit 2 ;; esac
files=$(grep -rl "image: $repository:" deploy)
[ -n "$files" ] || { echo "set-image-tag.sh: no manifest in deploy/ uses $repository" >&2; exit 1; }
# shellcheck disable=SC2086 - one path per word
sed -i "s#image: $repository:[A-Za-z0-9._-]*#image: $repository:$tag#" $files
echo "$files" | sed "s#\$# -> $repository:$tag#"
