"""Search (spec §7): Solr/Lucene queries over an index of the public data of every record."""
