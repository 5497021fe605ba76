"""Benchmark (issue 14): the PDF of an SOP AP of 60 steps, drawn on the server.

``python manage.py bench_sop [--steps 60] [--actors 5] [--repeat 3]``. No database."""

import statistics

from django.core.management.base import BaseCommand

from sikerja.processes.documents import bench_pdf


class Command(BaseCommand):
    help = "Ukur waktu membuat PDF SOP AP dengan diagram alir (dalam detik)."

    def add_arguments(self, parser):
        parser.add_argument("--steps", type=int, default=60)
        parser.add_argument("--actors", type=int, default=5)
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument("--employees", type=int, default=None, help="diabaikan")

    def handle(self, *args, **opts):
        runs = [bench_pdf(opts["steps"], opts["actors"]) for _ in range(max(1, opts["repeat"]))]
        seconds = [r[0] for r in runs]
        _, pages, size = runs[-1]
        self.stdout.write(
            f"\nPDF SOP AP {opts['steps']} langkah, {opts['actors']} pelaksana: {pages} halaman, {size / 1024:.0f} KB; "
            f"median {statistics.median(seconds):.2f} s, maks {max(seconds):.2f} s"
        )
