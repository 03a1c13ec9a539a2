"""The knowledge graph: model, topics, exports and stores."""
