"""Load one round: the fast reader, the cache of read files, worker processes."""
