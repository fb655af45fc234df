"""One module per command group. Each takes the run's Context and plain values, and does the work."""
