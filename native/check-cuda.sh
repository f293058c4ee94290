#!/usr/bin/env bash
# Says whether this host can run the `cuda` build of NumScan (mvn -Pcuda package): lists every
# shared library the build's native code loads, where the host resolves it, and which are
# missing; then the NVIDIA driver and GPU, against the compute capabilities ND4J's CUDA binary
# carries. Exit 0 when all is there, 1 when something is missing, 2 when the build is not found.
#
#   native/check-cuda.sh [LIB_DIR]
#
# LIB_DIR: the distribution's jars (default: target/quarkus-app/lib/main, else the local Maven
# repository). Reads the jars only; installs and downloads nothing.
set -uo pipefail
cd "$(dirname "$0")/.."

lib_dir="${1:-target/quarkus-app/lib/main}"
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
nd4j_version="1.0.0-M2.1"

find_jar() { # $1: file name in the distribution, $2: path in the Maven repository
  if [ -f "$lib_dir/$1" ]; then echo "$lib_dir/$1"; elif [ -f "$m2/$2" ]; then echo "$m2/$2"; fi
}
nd4j_jar=$(find_jar "org.nd4j.nd4j-cuda-11.6-$nd4j_version-linux-x86_64.jar" \
  "org/nd4j/nd4j-cuda-11.6/$nd4j_version/nd4j-cuda-11.6-$nd4j_version-linux-x86_64.jar")
cuda_jar=$(ls "$lib_dir"/org.bytedeco.cuda-*-linux-x86_64.jar 2>/dev/null | head -1)
[ -z "$cuda_jar" ] && cuda_jar=$(ls "$m2"/org/bytedeco/cuda/*/cuda-*-linux-x86_64.jar 2>/dev/null | grep -v redist | head -1)
if [ -z "$nd4j_jar" ] || [ -z "$cuda_jar" ]; then
  echo "check-cuda: the cuda build's jars are not here: build it with 'mvn -Pcuda package -DskipTests'" >&2
  echo "  (looked in $lib_dir and $m2)" >&2
  exit 2
fi
for tool in unzip readelf ldconfig; do
  command -v "$tool" >/dev/null || { echo "check-cuda: needs $tool (Debian: unzip, binutils, libc-bin)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "ND4J CUDA backend: $nd4j_jar"
echo "CUDA bindings:     $cuda_jar"
# libnd4jcuda.so is about 900 MB (kernels for every supported GPU generation).
unzip -q -j -o "$nd4j_jar" 'org/nd4j/linalg/jcublas/bindings/linux-x86_64/*.so' -d "$work/nd4j"
# The JNI wrappers ND4J's CUDA preset loads (Nd4jCudaPresets: cudart, cublasLt, cublas, curand,
# cusolver, cusparse; cuDNN only when present, for DL4J's cuDNN helpers).
unzip -q -j -o "$cuda_jar" 'org/bytedeco/cuda/linux-x86_64/libjni*.so' -d "$work/jni"
required_objects=("$work"/nd4j/*.so "$work"/jni/libjni{cudart,cublas,curand,cusolver,cusparse}.so)
optional_objects=("$work"/jni/libjnicudnn.so)

needed_of() { readelf -d "$1" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }
# Libraries every Linux host has; not worth listing.
is_system() { case "$1" in libc.so*|libm.so*|libdl.so*|librt.so*|libpthread.so*|ld-linux*|libstdc++.so*|libgcc_s.so*) return 0;; esac; return 1; }
provided_by_jar() { [ -f "$work/nd4j/$1" ] || [ -f "$work/jni/$1" ]; }
resolve() { # prints the host path of a library, or nothing
  local name="$1" dir
  IFS=: read -ra dirs <<< "${LD_LIBRARY_PATH:-}"
  for dir in "${dirs[@]}" /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib; do
    [ -n "$dir" ] && [ -e "$dir/$name" ] && { echo "$dir/$name"; return; }
  done
  ldconfig -p 2>/dev/null | awk -v n="$name" '$1 == n { print $NF; exit }'
}

missing=0
listed=" "
report() { # $1: label, rest: objects
  local label="$1"; shift
  local libs
  libs=$(for o in "$@"; do [ -f "$o" ] && needed_of "$o"; done | sort -u)
  echo
  echo "$label"
  for lib in $libs; do
    is_system "$lib" && continue
    case "$listed" in *" $lib "*) continue;; esac
    listed="$listed$lib "
    if provided_by_jar "$lib"; then
      printf '  %-28s in the jar\n' "$lib"
    elif path=$(resolve "$lib") && [ -n "$path" ]; then
      printf '  %-28s %s\n' "$lib" "$path"
    else
      printf '  %-28s MISSING\n' "$lib"
      [ "$label" = "${label#Optional}" ] && missing=$((missing + 1))
    fi
  done
}
report "Required by the cuda build (CUDA 11.6 runtime, cuBLAS, cuSOLVER, cuSPARSE, cuRAND, driver):" "${required_objects[@]}"
report "Optional (cuDNN 8, used by DL4J's cuDNN helpers when present; beyond the above):" "${optional_objects[@]}"

echo
echo "Driver and GPU:"
# nd4j-cuda-11.6 $nd4j_version (the newest on Maven Central) is built for compute capability
# 3.7 to 8.6: Kepler (K80) to Ampere. Hopper (9.0, H100) and newer have no kernels in it.
if ! command -v nvidia-smi >/dev/null; then
  echo "  nvidia-smi not found: no NVIDIA driver on this host"
  missing=$((missing + 1))
else
  gpus=$(nvidia-smi --query-gpu=name,compute_cap,driver_version --format=csv,noheader 2>/dev/null)
  if [ -z "$gpus" ]; then
    echo "  nvidia-smi finds no GPU"
    missing=$((missing + 1))
  fi
  while IFS=, read -r name cap driver; do
    [ -z "$name" ] && continue
    cap=$(echo "$cap" | tr -d ' ')
    verdict="supported"
    if awk -v c="$cap" 'BEGIN { exit !(c + 0 < 3.7 || c + 0 > 8.6) }'; then
      verdict="NOT supported by nd4j-cuda-11.6 (built for 3.7-8.6)"
      missing=$((missing + 1))
    fi
    echo "  $name, compute capability $cap, driver$driver: $verdict"
  done <<< "$gpus"
fi

echo
if [ "$missing" -eq 0 ]; then
  echo "check-cuda: this host has what the cuda build loads"
  exit 0
fi
echo "check-cuda: $missing thing(s) missing; see native/README.md for what to install"
exit 1
