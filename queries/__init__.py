"""Named Cypher queries that run on the embedded store and on Neo4j."""
