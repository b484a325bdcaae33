"""Everything a person edits: read, check and write workshop.yaml, entries files, merges.yaml and votes.yaml."""
