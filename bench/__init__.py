"""Benchmarks anyone can re-run: `python -m bench` for all, `python -m bench.entities` etc."""
