"""Benchmark against plain MkDocs (issue 7); run with `make bench`."""
