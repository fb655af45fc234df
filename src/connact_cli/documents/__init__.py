"""Layouts: the plan, the workshop report and the checklist handout as format-neutral Documents."""
