"""Pure steps from entries to results: similarity, grouping, ranking, status, changes between rounds."""
