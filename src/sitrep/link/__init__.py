"""Link: decisions across reports (duplicates now; entities, stories and more later)."""
