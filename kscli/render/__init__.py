"""Output: one renderer per format (tsv, csv, json, jsonl, the terminal table, records,
GeoJSON, charts, the SVG map), chosen by one dispatcher (formats). Rows in, text out.
"""
