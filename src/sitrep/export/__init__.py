"""Outputs: per-document JSON (FORMAT.md §2), fused events as JSONL/CSV/GeoJSON, reports."""
