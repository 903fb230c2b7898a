"""Shape planning data for pages, charts, diagrams and downloads."""
