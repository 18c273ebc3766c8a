#!/usr/bin/env python3
"""The benchmark's Python side.

  reference.py measure DIR          times cv2.imencode / cv2.imdecode (Debian's python3-opencv, the stack
                                    pystreaming users run) on the raw BGR images in DIR; prints JSON
  reference.py report JMH PY        prints the JMH figures next to the Python ones, with ratios
"""
import json
import sys
import time


def measure(folder):
    import glob
    import os

    import cv2
    import numpy as np

    cv2.setNumThreads(1)
    params = [cv2.IMWRITE_JPEG_QUALITY, 50]  # OpenCV's default chroma subsampling is 4:2:0 already
    results = {}
    for path in sorted(glob.glob(os.path.join(folder, "*.bgr"))):
        name, size = os.path.basename(path)[:-4].rsplit("_", 1)
        width, height = (int(v) for v in size.split("x"))
        image = np.fromfile(path, dtype=np.uint8).reshape(height, width, 3)
        ok, jpeg = cv2.imencode(".jpg", image, params)
        assert ok
        results[name] = {
            "encode": rate(lambda: cv2.imencode(".jpg", image, params)),
            "decode": rate(lambda: cv2.imdecode(jpeg, cv2.IMREAD_COLOR)),
        }
    json.dump({"opencv": cv2.__version__, "ops_per_s": results}, sys.stdout, indent=1)


def rate(operation, warmup_s=1.0, measure_s=3.0):
    """Operations per second over measure_s seconds, after warmup_s seconds of warm-up."""
    end = time.perf_counter() + warmup_s
    while time.perf_counter() < end:
        operation()
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < measure_s:
        operation()
        count += 1
    return count / (time.perf_counter() - start)


def report(jmh_file, python_file):
    with open(python_file) as f:
        python = json.load(f)
    with open(jmh_file) as f:
        jmh = json.load(f)
    print(f"ops/s on one core; reference: Debian python3-opencv {python['opencv']} (cv2.imencode / cv2.imdecode)")
    print(f"{'card':8} {'op':7} {'codec':10} {'java ops/s':>11} {'+/- (99.9%)':>12} {'python ops/s':>13} {'ratio':>6}")
    for run in jmh:
        op = run["benchmark"].rsplit(".", 1)[1]
        card, codec = run["params"]["card"], run["params"]["implementation"]
        java = run["primaryMetric"]["score"]
        error = run["primaryMetric"]["scoreError"]
        py = python["ops_per_s"][card][op]
        print(f"{card:8} {op:7} {codec:10} {java:11.1f} {error:12.1f} {py:13.1f} {java / py:6.2f}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "measure":
        measure(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "report":
        report(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
