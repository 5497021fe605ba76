"""Benchmark (issue 14): import of a 500-element BPMN map — validation and SVG storage.

``python manage.py bench_bpmn [--elements 500] [--repeat 5]``. Times, per run, what saving a
map costs on the server before the database write: validate_bpmn (safe parse, OMG XSD,
references) and sanitize_svg of a picture the size bpmn-js makes for such a map. No database.
"""

import statistics
import time

from django.core.management.base import BaseCommand

from sikerja.processes.bpmn import make_large_bpmn, make_large_svg, sanitize_svg, validate_bpmn


def bench(n_elements=500, repeat=5):
    """{step: [ms per run]} plus the sizes; also used by the tests."""
    xml, svg = make_large_bpmn(n_elements), make_large_svg(n_elements)
    runs = {"validasi BPMN": [], "sanitasi SVG": [], "total": []}
    parsed = None
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        parsed = validate_bpmn(xml)
        t1 = time.perf_counter()
        sanitize_svg(svg)
        t2 = time.perf_counter()
        runs["validasi BPMN"].append((t1 - t0) * 1000)
        runs["sanitasi SVG"].append((t2 - t1) * 1000)
        runs["total"].append((t2 - t0) * 1000)
    return runs, {"xml": len(xml), "svg": len(svg), "elements": parsed.element_count}


class Command(BaseCommand):
    help = "Ukur waktu impor peta BPMN besar: validasi BPMN 2.0 dan sanitasi SVG (dalam ms)."

    def add_arguments(self, parser):
        parser.add_argument("--elements", type=int, default=500, help="jumlah simpul alur (default 500)")
        parser.add_argument("--repeat", type=int, default=5)
        # make bench passes the same BENCH_ARGS to every bench command; this one has no region.
        parser.add_argument("--employees", type=int, default=None, help="diabaikan")

    def handle(self, *args, **opts):
        runs, size = bench(opts["elements"], opts["repeat"])
        self.stdout.write(
            f"\nPeta BPMN {opts['elements']} simpul ({size['elements']} elemen bernama, "
            f"XML {size['xml'] / 1024:.0f} KB, SVG {size['svg'] / 1024:.0f} KB), {opts['repeat']} kali"
        )
        self.stdout.write(f"{'langkah':24} {'median ms':>10} {'maks ms':>9}")
        for step, values in runs.items():
            self.stdout.write(f"{step:24} {statistics.median(values):>10.1f} {max(values):>9.1f}")
