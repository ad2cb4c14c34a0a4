"""The registry's domain: researchers, their items, sources, visibility, grouping and the write rules."""
