"""Demo friends for trying ritual out and for benchmarks."""
