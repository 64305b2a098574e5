"""Benchmarks; run them from the project root (`make bench` / `python -m bench.bench_ingest`)."""
