"""Reading and checking files: safe YAML, problems, cross-references, the index, the caches, search."""
