"""Benchmarks: start-up, indexing, retrieval, turn pause, memory and eval time, beside floors."""
