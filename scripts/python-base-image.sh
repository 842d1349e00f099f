#!/usr/bin/env bash
# Builds a local stand-in for the `python:3.11-slim` base image the generated Dockerfiles start
# FROM, because no container registry is reachable from this machine (Docker Hub, ghcr.io: DNS
# fails) while Debian's package mirror is. Debian bookworm's python3 is 3.11, so the stand-in
# is bookworm (minbase) + python3, venv and pip, with pip allowed to install into the system
# Python as the official image's pip does (PIP_BREAK_SYSTEM_PACKAGES: Debian marks its Python
# externally managed). It is a stand-in for the base only: the project's own Dockerfile is
# built on top of it unchanged.
#
# Usage: scripts/python-base-image.sh     prints the image name (localhost/python:3.11-slim)
# Idempotent: the image stays in buildah's local storage and the root filesystem tarball is
# cached under ~/.cache/landing-zone/images, so later runs reuse either.
set -euo pipefail

image=localhost/python:3.11-slim
cache="${LZ_CACHE_DIR:-$HOME/.cache/landing-zone}/images"
rootfs_tar="$cache/python-3.11-slim-bookworm.tar"
log() { printf '[python-base-image] %s\n' "$*" >&2; }

if buildah inspect --type image "$image" >/dev/null 2>&1; then
  echo "$image"
  exit 0
fi

mkdir -p "$cache"
if [ ! -s "$rootfs_tar" ]; then
  root="$(mktemp -d "$cache/rootfs.XXXXXX")"
  trap 'rm -rf "$root"' EXIT
  log "debootstrap bookworm (minbase + python3) into $root"
  debootstrap --variant=minbase --include=python3,python3-venv,python3-pip,ca-certificates \
    bookworm "$root" "${LZ_DEBIAN_MIRROR:-http://deb.debian.org/debian}" >"$cache/debootstrap.log" 2>&1 ||
    { tail -20 "$cache/debootstrap.log" >&2; exit 1; }
  # `python` as in the official image (its CMDs and the manifests call `python`).
  ln -sf python3 "$root/usr/bin/python"
  # Slim: no apt lists, docs or caches in the layer.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/* "$root"/usr/share/doc/* "$root"/usr/share/man/*
  tar -C "$root" -cf "$rootfs_tar.tmp" . && mv "$rootfs_tar.tmp" "$rootfs_tar"
  rm -rf "$root"
  trap - EXIT
fi

log "importing $rootfs_tar as $image"
ctr="$(buildah from scratch)"
trap 'buildah rm "$ctr" >/dev/null 2>&1 || true' EXIT
mnt="$(buildah mount "$ctr")"
tar -C "$mnt" -xf "$rootfs_tar"
buildah umount "$ctr" >/dev/null
buildah config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env LANG=C.UTF-8 \
  --env PIP_BREAK_SYSTEM_PACKAGES=1 \
  --env PIP_ROOT_USER_ACTION=ignore \
  --cmd python3 \
  --label org.opencontainers.image.description="local stand-in for python:3.11-slim (Debian bookworm python3)" \
  "$ctr"
buildah commit --quiet "$ctr" "$image" >/dev/null
echo "$image"
